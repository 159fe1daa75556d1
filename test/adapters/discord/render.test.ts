import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import type { Reply, ReplyButton } from '../../../src/core/reply.js';
import { KIND_COLOURS, renderReply, type DiscordMessage } from '../../../src/adapters/discord/render.js';
import { LIMITS } from '../../../src/adapters/discord/limits.js';
import { escapeText, splitText } from '../../../src/adapters/discord/text.js';

/** What Discord sums against the 6,000-character limit of one message. */
function embedText(message: DiscordMessage): number {
  return message.embeds.reduce(
    (sum: number, e: APIEmbed) =>
      sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

/** Every limit Discord enforces, checked on every message. */
function expectWithinLimits(messages: DiscordMessage[]): void {
  for (const message of messages) {
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    expect(embedText(message)).toBeLessThanOrEqual(LIMITS.messageEmbedText);
    for (const embed of message.embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeGreaterThan(0);
        expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
        expect(field.value.length).toBeGreaterThan(0);
        expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
    }
    expect(message.components.length).toBeLessThanOrEqual(LIMITS.rows);
    for (const row of message.components) {
      expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
      for (const button of row.components) {
        expect(('label' in button ? button.label : '')?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
        if ('custom_id' in button) expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      }
    }
  }
}

/** All visible text of the rendered messages, in order. */
function allText(messages: DiscordMessage[]): string {
  return messages
    .flatMap((m) => m.embeds)
    .map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => f.value)].filter(Boolean).join('\n'))
    .join('\n');
}

const words = (count: number, word = 'word') => Array.from({ length: count }, (_, i) => `${word}${i}`).join(' ');

describe('renderReply', () => {
  it('renders a small reply as one embed with the kind’s colour, url and footer', () => {
    const [message, ...rest] = renderReply({ kind: 'dataset', title: 'Kinetics', url: 'https://arxiv.org/abs/1705.06950', text: 'Videos', footer: 'CCC2021' });
    expect(rest).toHaveLength(0);
    expect(message?.embeds).toEqual([{ color: KIND_COLOURS.dataset, title: 'Kinetics', url: 'https://arxiv.org/abs/1705.06950', description: 'Videos', footer: { text: 'CCC2021' } }]);
    expect(message?.flags).toBeUndefined();
  });

  it('marks errors and ephemeral replies private', () => {
    expect(renderReply({ kind: 'error', text: 'no' })[0]?.flags).toBe(64);
    expect(renderReply({ kind: 'list', text: 'did you mean', ephemeral: true })[0]?.flags).toBe(64);
  });

  it('clips a title over 256 characters visibly', () => {
    const [message] = renderReply({ kind: 'model', title: 'T'.repeat(300) });
    expect(message?.embeds[0]?.title).toHaveLength(LIMITS.title);
    expect(message?.embeds[0]?.title?.endsWith('…')).toBe(true);
  });

  it('splits a description over 4,096 characters across embeds without losing words', () => {
    const text = words(1500); // ~10,000 characters
    const messages = renderReply({ kind: 'topic', title: 'Long', text });
    expectWithinLimits(messages);
    expect(messages.flatMap((m) => m.embeds).length).toBeGreaterThan(2);
    expect(allText(messages).replace(/^Long\n/, '').split(/\s+/)).toEqual(text.split(' '));
  });

  it('splits a field value over 1,024 characters into numbered continuation fields', () => {
    const value = Array.from({ length: 60 }, (_, i) => `• entry number ${i} in the list`).join('\n');
    const [message] = renderReply({ kind: 'list', fields: [{ name: 'Models', value, inline: true }] });
    const fields = message?.embeds[0]?.fields ?? [];
    expect(fields.length).toBeGreaterThan(1);
    expect(fields[0]?.name).toBe(`Models (1/${fields.length})`);
    expect(fields.every((f) => f.value.length <= LIMITS.fieldValue && !f.inline)).toBe(true);
    expect(fields.map((f) => f.value).join('\n')).toBe(value);
  });

  it('adds <t:…:F> beside each listed instant, so every member also sees their own local time', () => {
    const times = ['2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z'];
    const value = '2026-12-01 (Tue) 09:00 Asia/Tokyo\n2026-12-02 (Wed) 09:00 Asia/Tokyo';
    const [message] = renderReply({ kind: 'quiz', fields: [{ name: 'Next rounds', value, times }] });
    expect(message?.embeds[0]?.fields?.[0]?.value).toBe(
      '2026-12-01 (Tue) 09:00 Asia/Tokyo · <t:1796083200:F>\n2026-12-02 (Wed) 09:00 Asia/Tokyo · <t:1796169600:F>',
    );
  });

  it('clips a field name over 256 characters', () => {
    const [message] = renderReply({ kind: 'list', fields: [{ name: 'N'.repeat(400), value: 'v' }] });
    expect(message?.embeds[0]?.fields?.[0]?.name).toHaveLength(LIMITS.fieldName);
  });

  it('moves fields past 25 into another embed of the same message', () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({ name: `F${i}`, value: `v${i}` }));
    const messages = renderReply({ kind: 'list', title: 'Many', fields });
    expectWithinLimits(messages);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.embeds.map((e) => e.fields?.length)).toEqual([25, 25, 10]);
  });

  it('starts a new message before the 6,000-character total, and never loses a field', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `Field ${i}`, value: 'x'.repeat(900) }));
    const messages = renderReply({ kind: 'list', title: 'Big', fields, footer: 'Page 1 of 1' });
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.flatMap((m) => m.embeds).flatMap((e) => e.fields ?? [])).toHaveLength(30);
    expect(messages.at(-1)?.embeds.at(-1)?.footer?.text).toBe('Page 1 of 1');
  });

  it('keeps to 10 embeds per message', () => {
    // 300 short fields need 12 embeds of 25: ten fill the first message, the rest follow.
    const fields = Array.from({ length: 300 }, (_, i) => ({ name: `${i}`, value: 'v' }));
    const messages = renderReply({ kind: 'list', fields });
    expectWithinLimits(messages);
    expect(messages[0]?.embeds).toHaveLength(LIMITS.embedsPerMessage);
    expect(messages.flatMap((m) => m.embeds).flatMap((e) => e.fields ?? [])).toHaveLength(300);
  });

  it('clips the footer at 2,048 characters', () => {
    const [message] = renderReply({ kind: 'list', text: 'x', footer: 'f'.repeat(3000) });
    expect(message?.embeds[0]?.footer?.text).toHaveLength(LIMITS.footer);
  });

  it('puts 5 buttons per row and at most 5 rows; links that do not fit are listed in the embed', () => {
    const buttons: ReplyButton[] = Array.from({ length: 22 }, (_, i) => ({ id: `b:${i}`, label: `B${i}` }));
    const links = Array.from({ length: 6 }, (_, i) => ({ label: `L${i}`, url: `https://example.org/${i}` }));
    const messages = renderReply({ kind: 'list', text: 'x', buttons, links });
    expectWithinLimits(messages);
    const rendered = messages[0]?.components.flatMap((row) => row.components) ?? [];
    expect(messages[0]?.components).toHaveLength(5);
    expect(rendered).toHaveLength(25);
    expect(rendered.filter((b) => b.style === 5)).toHaveLength(3);
    const linkField = messages[0]?.embeds[0]?.fields?.find((f) => f.name === '🔗');
    expect(linkField?.value).toBe('[L3](https://example.org/3)\n[L4](https://example.org/4)\n[L5](https://example.org/5)');
  });

  it('clips button labels to 80 characters and leaves out custom ids over 100', () => {
    const messages = renderReply({ kind: 'list', text: 'x', buttons: [{ id: 'ok', label: 'L'.repeat(120) }, { id: 'x'.repeat(101), label: 'too long' }] });
    const rendered = messages[0]?.components.flatMap((row) => row.components) ?? [];
    expect(rendered).toHaveLength(1);
    expect(rendered[0]).toMatchObject({ custom_id: 'ok', style: 2 });
    expect(rendered[0] && 'label' in rendered[0] ? rendered[0].label : '').toHaveLength(LIMITS.buttonLabel);
  });

  it('escapes markdown and mass mentions in user-derived text but keeps URLs intact', () => {
    const reply: Reply = { kind: 'error', text: 'Nothing matches "@everyone **x** _y_ <@123>" — see https://arxiv.org/abs/a_b_c', fields: [{ name: '# h', value: '- item' }] };
    const [message] = renderReply(reply);
    const embed = message?.embeds[0];
    expect(embed?.description).toContain('@\u200beveryone \\*\\*x\\*\\* \\_y\\_ <\u200b@123>');
    expect(embed?.description).toContain('https://arxiv.org/abs/a_b_c');
    expect(embed?.fields?.[0]).toMatchObject({ name: '\\# h', value: '\\- item' });
  });

  it('gives an empty reply a visible body rather than an empty message Discord would reject', () => {
    expect(renderReply({ kind: 'list' })[0]?.embeds[0]?.description).toBe('\u200b');
  });
});

describe('splitText', () => {
  it('breaks at line ends, never inside a surrogate pair or after an escaping backslash', () => {
    expect(splitText('aaaa\nbbbb\ncccc', 10)).toEqual(['aaaa\nbbbb', 'cccc']);
    const emoji = '😀'.repeat(10); // 20 UTF-16 units
    const pieces = splitText(emoji, 7);
    expect(pieces.join('')).toBe(emoji);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(7);
    const escaped = escapeText('*'.repeat(10));
    for (const piece of splitText(escaped, 7)) expect(piece.endsWith('\\')).toBe(false);
  });
});
