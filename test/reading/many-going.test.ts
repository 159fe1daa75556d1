import { describe, expect, it } from 'vitest';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { LIMITS as DISCORD } from '../../src/adapters/discord/limits.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';
import { LIMITS as SLACK } from '../../src/adapters/slack/limits.js';
import { ManualClock } from '../../src/core/clock.js';
import { parseRsvpButton } from '../../src/reading/buttons.js';
import { readingHarness, say, tickUntil } from './harness.js';

const PEOPLE = 400;
/** Slack's longest display name: the worst case for the message size. */
const longName = (i: number) => `Member ${String(i).padStart(3, '0')} `.padEnd(80, 'x');

async function reminderWithCrowd(lang: 'en' | 'ja') {
  const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
  const added = await say(h.app, '/reading add title:"X3D" when:"2026-12-04 20:00"', { lang });
  const rsvp = parseRsvpButton(added.reply.buttons?.[0]?.id ?? '');
  if (!rsvp) throw new Error('no RSVP button');
  for (let i = 0; i < PEOPLE; i++) h.app.reading.rsvp(rsvp.occurrenceId, { id: `u${i}`, name: longName(i) }, 'going');
  h.clock.set('2026-12-03T10:59:00Z');
  await tickUntil(h, '2026-12-03T11:01:00Z');
  const reminder = h.adapter.posts[0]?.reply;
  h.app.close();
  if (!reminder) throw new Error('no reminder');
  return reminder;
}

describe('a reminder with hundreds going', () => {
  it('names the first 20 and counts the rest, and stays one message on Discord and Slack', async () => {
    const reminder = await reminderWithCrowd('en');
    const going = reminder.fields?.find((f) => f.name.startsWith('Going'));
    expect(going?.name).toBe('Going (400)');
    expect(going?.value).toMatch(/^Member 000 x+, Member 001 x+, .*Member 019 x+ and 380 more$/);
    expect(going?.value).not.toContain('Member 020');

    const discord = renderDiscord(reminder);
    expect(discord).toHaveLength(1);
    const embeds = discord[0]?.embeds ?? [];
    const size = embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0), 0);
    expect(size).toBeLessThanOrEqual(DISCORD.messageEmbedText);
    for (const field of embeds.flatMap((e) => e.fields ?? [])) expect(field.value.length).toBeLessThanOrEqual(DISCORD.fieldValue);
    // The RSVP buttons (the live counts) are on that one message.
    expect(discord[0]?.components.flatMap((row) => row.components).length).toBe(3);

    const slack = renderSlack(reminder);
    expect(slack).toHaveLength(1);
    expect(slack[0]?.blocks.length).toBeLessThanOrEqual(SLACK.blocksPerMessage);
    for (const block of slack[0]?.blocks ?? []) {
      if (block.type === 'section' && 'text' in block) expect(block.text.text.length).toBeLessThanOrEqual(SLACK.sectionText);
    }
    expect(slack[0]?.blocks.some((b) => b.type === 'actions')).toBe(true);
  });

  it('says 「ほか N 人」 in Japanese', async () => {
    const reminder = await reminderWithCrowd('ja');
    const going = reminder.fields?.find((f) => f.name.startsWith('参加'));
    expect(going?.name).toBe('参加 (400)');
    expect(going?.value).toMatch(/Member 019 x+ ほか 380 人$/);
  });
});
