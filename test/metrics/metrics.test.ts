import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics.js';
import { notify } from '../../src/core/observe.js';
import { ManualClock } from '../../src/core/clock.js';
import { pino } from 'pino';
import { testApp, run } from '../helpers/app.js';
import { parseExposition, valueOf } from './exposition.js';

describe('the metrics module', () => {
  it('counts each observed event under its labels, in text Prometheus accepts', async () => {
    const metrics = createMetrics();
    metrics.observe({ type: 'command', command: 'search', status: 'ok' });
    metrics.observe({ type: 'command', command: 'search', status: 'ok' });
    metrics.observe({ type: 'command', command: 'quiz', status: 'user-error' });
    metrics.observe({ type: 'scheduled-post', kind: 'round', outcome: 'posted', lagSeconds: 42 });
    metrics.observe({ type: 'scheduled-post', kind: 'reminder', outcome: 'found-after-crash' });
    metrics.observe({ type: 'platform-call', platform: 'slack', call: 'post', seconds: 0.3, ok: false });
    metrics.observe({ type: 'llm-tokens', tokens: 120 });
    metrics.observe({ type: 'llm-tokens', tokens: 0 });

    const { samples, types } = parseExposition(await metrics.text());
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(Object.fromEntries(types)).toEqual({
      yomikai_commands_total: 'counter',
      yomikai_scheduled_posts_total: 'counter',
      yomikai_scheduler_lag_seconds: 'histogram',
      yomikai_platform_call_seconds: 'histogram',
      yomikai_llm_tokens_total: 'counter',
    });
    expect(valueOf(samples, 'yomikai_commands_total', { command: 'search', outcome: 'ok' })).toBe(2);
    expect(valueOf(samples, 'yomikai_commands_total', { command: 'quiz', outcome: 'user-error' })).toBe(1);
    expect(valueOf(samples, 'yomikai_scheduled_posts_total', { kind: 'round', outcome: 'posted' })).toBe(1);
    expect(valueOf(samples, 'yomikai_scheduled_posts_total', { kind: 'reminder', outcome: 'found-after-crash' })).toBe(1);
    // The lag is observed for posts only: a found-after-crash reminder has none.
    expect(valueOf(samples, 'yomikai_scheduler_lag_seconds_sum', { kind: 'round' })).toBe(42);
    expect(valueOf(samples, 'yomikai_scheduler_lag_seconds_bucket', { kind: 'round', le: '30' })).toBe(0);
    expect(valueOf(samples, 'yomikai_scheduler_lag_seconds_bucket', { kind: 'round', le: '60' })).toBe(1);
    expect(valueOf(samples, 'yomikai_scheduler_lag_seconds_count', { kind: 'reminder' })).toBeUndefined();
    expect(valueOf(samples, 'yomikai_platform_call_seconds_count', { platform: 'slack', call: 'post', result: 'failed' })).toBe(1);
    expect(valueOf(samples, 'yomikai_llm_tokens_total')).toBe(120);
  });

  it('keeps each app’s counts apart (a registry of its own, not the global one)', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.observe({ type: 'command', command: 'help', status: 'ok' });
    expect(valueOf(parseExposition(await second.text()).samples, 'yomikai_commands_total', { command: 'help' })).toBeUndefined();
  });
});

describe('dispatch reports to the app’s metrics', () => {
  it('counts commands by registered name and outcome; a typed unknown name is one label, not one per spelling', async () => {
    const app = testApp({}, new ManualClock('2026-03-02T09:00:00Z'));
    try {
      await run(app, '/help');
      await run(app, '/model');
      await run(app, '/frobnicate-@everyone');
      await run(app, '/zzz');
      const { samples } = parseExposition(await app.metrics.text());
      expect(valueOf(samples, 'yomikai_commands_total', { command: 'help', outcome: 'ok' })).toBe(1);
      expect(valueOf(samples, 'yomikai_commands_total', { command: 'model', outcome: 'user-error' })).toBe(1);
      expect(valueOf(samples, 'yomikai_commands_total', { command: 'unknown', outcome: 'user-error' })).toBe(2);
      expect(samples.filter((sample) => sample.name === 'yomikai_commands_total')).toHaveLength(3);
    } finally {
      app.close();
    }
  });

  it('a throwing observer is logged and the command still answers', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    notify(() => { throw new Error('observer broke'); }, { type: 'command', command: 'help', status: 'ok' }, logger);
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['metrics observer failed']);
    // Through dispatch: the reply is unaffected.
    const app = testApp();
    try {
      const broken = { ...app, observe: () => { throw new Error('observer broke'); } };
      const result = await run(broken, '/help');
      expect(result.status).toBe('ok');
    } finally {
      app.close();
    }
  });
});
