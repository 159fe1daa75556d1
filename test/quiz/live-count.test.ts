import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { PostResult } from '../../src/core/adapter.js';
import type { Reply } from '../../src/core/reply.js';
import { channelKeyOf } from '../../src/store/quiz-schedules.js';
import { ADMIN, PLACE, RecordingAdapter, quizHarness, tickUntil } from './harness.js';

/**
 * Edits whose answer can be held back, the way a slow platform holds a
 * request: the test decides when an edit in flight lands.
 */
class SlowEdits extends RecordingAdapter {
  readonly log: string[] = [];
  private held: (() => void)[] = [];
  hold = false;

  override async edit(channel: string, messageId: string, reply: Reply): Promise<PostResult> {
    const what = reply.buttons?.every((b) => b.disabled) ? 'closing' : 'count';
    this.log.push(`start ${what}`);
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    this.log.push(`end ${what}`);
    return super.edit(channel, messageId, reply);
  }

  /** Lets every held edit land; resolves once one was held (an event, not a wait). */
  release(): void {
    this.hold = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}

describe('the live answer count', () => {
  it('never lands after the reveal: the closing edit waits for a count edit in flight', async () => {
    const adapter = new SlowEdits();
    const h = quizHarness({ clock: new ManualClock('2026-12-01T08:59:00Z'), adapter });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    await tickUntil(h, '2026-12-01T09:00:00Z');
    const round = h.rounds.openIn(channelKeyOf(PLACE))!;

    adapter.hold = true;
    h.service.answer(round.id, { id: 'aiko', name: 'Aiko' }, 1); // starts a count edit, held in flight
    expect(adapter.log).toEqual(['start count']);
    const revealing = h.service.revealNow(PLACE);
    adapter.release();
    await revealing;

    // Sent only after the count edit landed, the closing edit is the one members see last.
    expect(adapter.log).toEqual(['start count', 'end count', 'start closing', 'end closing']);
    expect(adapter.edits.at(-1)?.reply.buttons?.every((b) => b.disabled)).toBe(true);
  });

  it('an awaited refresh during another one resolves once the newest count is shown', async () => {
    const adapter = new SlowEdits();
    const h = quizHarness({ clock: new ManualClock('2026-12-01T08:59:00Z'), adapter });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    await tickUntil(h, '2026-12-01T09:00:00Z');
    const round = h.rounds.openIn(channelKeyOf(PLACE))!;

    adapter.hold = true;
    h.service.answer(round.id, { id: 'aiko', name: 'Aiko' }, 1);
    h.service.answer(round.id, { id: 'ben', name: 'Ben' }, 2);
    const shown = h.runner.refresh(round.id);
    adapter.release();
    await shown;
    expect(adapter.edits.at(-1)?.reply.fields?.[0]).toMatchObject({ name: 'Answers', value: '2' });
  });
});
