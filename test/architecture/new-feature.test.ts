import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/core/logger.js';
import { RecordingAdapter } from '../quiz/harness.js';
import { say } from '../reading/harness.js';
import { noteCommand, notesFeature } from '../fixtures/feature/notes.js';

describe('a new feature is one room', () => {
  it('a module with one command, one table and one scheduled task runs beside the others, added without touching src/core or src/store', async () => {
    const app = createApp(loadConfig({ YOMIKAI_DB: ':memory:' }, {}), silentLogger(), new ManualClock('2026-12-01T00:00:00Z'), {
      extraFeatures: [{ module: notesFeature, commands: [noteCommand] }],
    });
    const adapter = new RecordingAdapter();
    app.adapters.set('discord', adapter);
    const saved = await say(app, '/note text:"read the X3D appendix"');
    expect(saved.status).toBe('ok');
    expect(saved.reply.text).toBe('Note 1 saved; 1 in this channel.');
    // Its table ran in the global order of migrations, after every shipped one.
    const names = app.db.prepare('SELECT name FROM schema_migrations ORDER BY position').all() as { name: string }[];
    expect(names.at(-1)?.name).toBe('0100-notes');
    // Its scheduled work runs in app.tick(), once.
    await app.tick();
    await app.tick();
    expect(adapter.posts.map((post) => post.reply.text)).toEqual(['read the X3D appendix']);
    // The standard features are still there.
    expect((await say(app, '/quiz stats')).status).toBe('ok');
    expect(app.registry.names()).toContain('note');
    app.close();
  });
});
