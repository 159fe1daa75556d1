import { describe, expect, it } from 'vitest';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';
import { renderText } from '../../src/adapters/console/render.js';
import { ManualClock } from '../../src/core/clock.js';
import type { Reply } from '../../src/core/reply.js';
import { ADMIN, PLACE as QUIZ_PLACE, quizHarness, tickUntil as quizTickUntil } from '../quiz/harness.js';
import { revealReply } from '../../src/quiz/render.js';
import { realCatalog } from '../quiz/harness.js';
import { channelKeyOf } from '../../src/core/invocation.js';
import { press, readingHarness, say, tickUntil } from './harness.js';

/** Bidi embeddings/overrides/isolates, and zero-width space, non-joiner, joiner, word joiner, BOM. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const SNEAKY = '\u202E\u200B\u200C\u200D\u2060\uFEFF\u2066\u2069';

/** The reply as each platform receives it: Discord's JSON, Slack's Block Kit JSON, the console's text. */
function everyRendering(reply: Reply): string[] {
  return [JSON.stringify(renderDiscord(reply)), JSON.stringify(renderSlack(reply)), renderText(reply)];
}

describe('invisible and direction-changing characters in names and titles', () => {
  it('an RSVP name, a title and a presenter are stored and shown clean on Discord, Slack and the console', async () => {
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    const added = await say(h.app, `/reading add title:"Paper${SNEAKY}club" when:"2026-12-04 20:00" presenter:"Ch${SNEAKY}ie"`);
    expect(added.status).toBe('ok');
    const going = added.reply.buttons?.[0]?.id ?? '';
    await press(h.app, going, { id: '111111111111', name: `Ai${SNEAKY}ko` });

    const stored = h.app.db.prepare('SELECT user_name FROM reading_rsvps').get() as { user_name: string };
    expect(stored.user_name).toBe('Aiko');
    const title = h.app.db.prepare('SELECT title FROM reading_sessions').get() as { title: string };
    expect(title.title).toBe('Paperclub');

    h.clock.set('2026-12-03T10:59:00Z');
    await tickUntil(h, '2026-12-03T11:01:00Z');
    const reminder = h.adapter.posts[0]?.reply;
    if (!reminder) throw new Error('no reminder posted');
    for (const shown of everyRendering(reminder)) {
      expect(shown).not.toMatch(BIDI);
      expect(shown).toContain('Paperclub');
      expect(shown).toContain('Aiko');
      expect(shown).toContain('Chie');
    }
    h.app.close();
  });

  it('a quiz answer’s name is stored clean and shown clean in the reveal; a row of an earlier release is read clean', async () => {
    const h = quizHarness({ clock: new ManualClock('2026-12-01T08:59:00Z') });
    h.service.schedule(QUIZ_PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '1h' }, 'UTC');
    await quizTickUntil(h, '2026-12-01T09:00:00Z');
    const round = h.rounds.openIn(channelKeyOf(QUIZ_PLACE));
    if (!round) throw new Error('no round');
    h.service.answer(round.id, { id: 'u1', name: `Ben${SNEAKY}` }, round.correctChoice);
    expect((h.db.prepare('SELECT user_name FROM quiz_answers').get() as { user_name: string }).user_name).toBe('Ben');
    // Stored before names were cleaned: the raw override is still in the row.
    h.db.prepare("INSERT INTO quiz_answers (round_id, user_id, user_name, choice, answered_at) VALUES (?, 'u2', ?, ?, '2026-12-01T09:00:30.000Z')").run(round.id, `\u202Eevil`, round.correctChoice);
    const answers = h.answers.answersFor(round.id);
    expect(answers.map((a) => a.userName)).toEqual(['Ben', 'evil']);
    const reveal = revealReply({ ...round, state: 'revealed' }, answers, realCatalog());
    for (const shown of everyRendering(reveal)) {
      expect(shown).not.toMatch(BIDI);
      expect(shown).toContain('Ben');
    }
  });

  it('a name made only of invisible characters falls back to the member’s id', async () => {
    const h = quizHarness({ clock: new ManualClock('2026-12-01T08:59:00Z') });
    h.service.schedule(QUIZ_PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    await quizTickUntil(h, '2026-12-01T09:00:00Z');
    const round = h.rounds.openIn(channelKeyOf(QUIZ_PLACE));
    if (!round) throw new Error('no round');
    h.service.answer(round.id, { id: 'u9', name: SNEAKY }, 0);
    expect(h.answers.answersFor(round.id).map((a) => a.userName)).toEqual(['u9']);
  });
});
