import type { App } from '../../src/app.js';
import { dispatch, type DispatchResult } from '../../src/core/dispatch.js';
import type { Actor, Place } from '../../src/core/invocation.js';
import { pressButton } from '../../src/core/buttons.js';
import { splitCommandLine } from '../../src/core/parse-text.js';
import { withTypedOptions } from '../../src/core/typed-invocation.js';
import type { ManualClock } from '../../src/core/clock.js';
import type { Lang } from '../../src/i18n/index.js';
import { testApp } from '../helpers/app.js';
import { RecordingAdapter } from '../quiz/harness.js';

export const PLACE: Place = { platform: 'discord', scope: 'guild1', channel: 'chan1' };
export const AIKO: Actor = { id: '111111111111', name: 'aiko' };
export const BEN: Actor = { id: '222222222222', name: 'ben' };

export interface ReadingHarness {
  app: App;
  adapter: RecordingAdapter;
  clock: ManualClock;
}

/** The real app (in memory, or on a file to restart on) with a recording Discord and a clock the test moves. */
export function readingHarness(clock: ManualClock, options: { file?: string; timezone?: string } = {}): ReadingHarness {
  const app = testApp({ YOMIKAI_DB: options.file ?? ':memory:', YOMIKAI_TIMEZONE: options.timezone ?? 'Asia/Tokyo' }, clock);
  const adapter = new RecordingAdapter();
  app.adapters.set('discord', adapter);
  return { app, adapter, clock };
}

/** Runs a typed command line ("/reading add title:…") as `actor` in `place`, as Slack or the console would. */
export async function say(app: App, line: string, options: { actor?: Actor; place?: Place; lang?: Lang } = {}): Promise<DispatchResult> {
  const split = splitCommandLine(line);
  if (!split) throw new Error(`not a command: ${line}`);
  const base = {
    command: split.command,
    options: {},
    actor: options.actor ?? AIKO,
    place: options.place ?? PLACE,
    lang: options.lang ?? 'en',
  };
  const invocation = withTypedOptions(base, split.text, app);
  if ('reply' in invocation) return invocation;
  return dispatch(invocation, app);
}

export async function press(app: App, id: string, actor: Actor, place: Place = PLACE): Promise<DispatchResult> {
  const result = await pressButton({ id, actor, place, lang: 'en' }, app);
  if (!result) throw new Error(`no handler for ${id}`);
  return result;
}

/** Ticks all scheduled work once a minute from the clock's time up to `until`. */
export async function tickUntil(h: ReadingHarness, until: string, stepMs = 60_000): Promise<void> {
  const end = new Date(until).getTime();
  while (h.clock.now().getTime() < end) {
    h.clock.advance(stepMs);
    await h.app.tick();
  }
}

export function sessionCount(app: App): number {
  return (app.db.prepare('SELECT count(*) AS n FROM reading_sessions').get() as { n: number }).n;
}
