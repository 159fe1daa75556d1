import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import { testApp } from '../helpers/app.js';
import { RecordingAdapter } from '../quiz/harness.js';
import { say, tickUntil } from './harness.js';

describe('READING_REMINDERS', () => {
  it('defaults to 24 h, 1 h and the start, and takes other times', () => {
    expect(loadConfig({}, {}).readingReminderOffsets).toEqual([1440, 60, 0]);
    expect(loadConfig({}, { READING_REMINDERS: '30m, 2h' }).readingReminderOffsets).toEqual([120, 30]);
  });

  it('names the variable when it cannot be read', () => {
    expect(() => loadConfig({}, { READING_REMINDERS: 'soon' })).toThrow(ConfigError);
    expect(() => loadConfig({}, { READING_REMINDERS: 'soon' })).toThrow(/READING_REMINDERS="soon" is not valid/);
  });

  it('applies where a channel has not chosen, and a channel’s own choice wins', async () => {
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const app = testApp({ YOMIKAI_TIMEZONE: 'Asia/Tokyo', READING_REMINDERS: '2h' }, clock);
    const adapter = new RecordingAdapter();
    app.adapters.set('discord', adapter);
    const h = { app, adapter, clock };
    await say(app, '/reading add title:A when:"2026-12-04 20:00"');
    await say(app, '/reading add title:B when:"2026-12-04 20:00"', { place: { platform: 'discord', scope: 'guild1', channel: 'chan2' } });
    await say(app, '/reading reminders offsets:30m', { place: { platform: 'discord', scope: 'guild1', channel: 'chan2' }, actor: { id: 'm', manager: true } });
    clock.set('2026-12-04T08:00:00Z');
    await tickUntil(h, '2026-12-04T11:30:00Z', 5 * 60_000);
    expect(adapter.posts.map((p) => `${p.channel} ${p.reply.title}`)).toEqual(['chan1 In 2h: A', 'chan2 In 30m: B']);
    app.close();
  });
});
