import { describe, expect, it } from 'vitest';
import type { Reply, ReplyField } from '../../../src/core/reply.js';
import { escapeText, mrkdwnLink } from '../../../src/adapters/slack/escape.js';
import { LIMITS, splitEscaped } from '../../../src/adapters/slack/limits.js';
import { renderReply, type SlackBlock, type SlackMessage } from '../../../src/adapters/slack/render.js';

const allBlocks = (messages: SlackMessage[]) => messages.flatMap((m) => m.blocks);
const ofType = <T extends SlackBlock['type']>(blocks: SlackBlock[], type: T) => blocks.filter((b): b is Extract<SlackBlock, { type: T }> => b.type === type);
const len = (text: string) => Array.from(text).length;

describe('escapeText', () => {
  it('escapes Slack’s three control characters, & first', () => {
    expect(escapeText('R&D <b> a>b')).toBe('R&amp;D &lt;b&gt; a&gt;b');
    expect(escapeText('&lt;')).toBe('&amp;lt;');
  });

  it('turns <!channel>, <!here> and <@U123> into inert text', () => {
    const out = escapeText('<!channel> <!here> <@U123> <!subteam^S1>');
    expect(out).not.toMatch(/<[!@]/);
    expect(out).toBe('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;!subteam^S1&gt;');
  });

  it('breaks bare @everyone / @channel / @here with a zero-width joiner, leaving other @words alone', () => {
    const out = escapeText('@everyone @Channel @here @herein @alice');
    expect(out).toBe('@\u200Deveryone @\u200DChannel @\u200Dhere @herein @alice');
    expect(out).not.toMatch(/@(everyone|channel|here)\b/i);
  });
});

describe('mrkdwnLink', () => {
  it('links http(s) URLs with an escaped label and encodes characters that would end the link', () => {
    expect(mrkdwnLink('https://arxiv.org/abs/2004.04730', 'arXiv <x>')).toBe('<https://arxiv.org/abs/2004.04730|arXiv &lt;x&gt;>');
    expect(mrkdwnLink('https://e.org/a|b>c?x=1&y=2', 'L')).toBe('<https://e.org/a%7Cb%3Ec?x=1&amp;y=2|L>');
  });

  it('shows any other scheme as plain text, never as markup', () => {
    const out = mrkdwnLink('javascript:<!channel>', 'click');
    expect(out).not.toContain('<');
  });
});

describe('splitEscaped', () => {
  it('keeps every piece within the limit, loses nothing and never splits an entity', () => {
    const text = escapeText('a&b '.repeat(2000));
    const pieces = splitEscaped(text, 3000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(len(piece)).toBeLessThanOrEqual(3000);
      expect(piece).not.toMatch(/&(?!amp;)/);
    }
    expect(pieces.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });

  it('hard-splits a single word longer than the limit without cutting an entity', () => {
    const pieces = splitEscaped('x'.repeat(2998) + '&amp;' + 'y'.repeat(10), 3000);
    expect(pieces[0]).toBe('x'.repeat(2998));
    expect(pieces[1]).toBe('&amp;' + 'y'.repeat(10));
  });
});

describe('renderReply within Block Kit limits', () => {
  it('maps title, url, text, fields, links, buttons and footer to header, context, section, actions and context', () => {
    const reply: Reply = {
      kind: 'model',
      title: 'X3D',
      url: 'https://arxiv.org/abs/2004.04730',
      text: 'Expands a tiny 2D network along several axes.',
      fields: [
        { name: 'Year', value: '2020', inline: true },
        { name: 'Venue', value: 'CVPR', inline: true },
        { name: 'Related', value: '• SlowFast\n• I3D' },
      ],
      links: [{ label: 'arXiv', url: 'https://arxiv.org/abs/2004.04730' }],
      buttons: [{ id: 'p2:search:2:en:x', label: 'Next ▶' }],
      footer: 'CCC2021 meta-survey · Video',
    };
    const [message, ...rest] = renderReply(reply);
    expect(rest).toHaveLength(0);
    expect(message!.blocks.map((b) => b.type)).toEqual(['header', 'context', 'section', 'section', 'section', 'context', 'actions', 'context']);
    expect(message!.blocks[3]).toEqual({ type: 'section', fields: [{ type: 'mrkdwn', text: '*Year*\n2020' }, { type: 'mrkdwn', text: '*Venue*\nCVPR' }] });
    expect(message!.blocks[4]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Related*\n• SlowFast\n• I3D' } });
    expect(ofType(message!.blocks, 'actions')[0]!.elements[0]).toMatchObject({ action_id: 'p2:search:2:en:x', value: 'p2:search:2:en:x' });
    expect(message!.text).toBe('X3D\nExpands a tiny 2D network along several axes.');
  });

  it('splits 10,000 characters of text into sections of ≤ 3,000 instead of truncating', () => {
    const text = 'word '.repeat(2000).trim();
    const sections = ofType(allBlocks(renderReply({ kind: 'help', text })), 'section');
    expect(sections.length).toBe(4);
    for (const s of sections) expect(len('text' in s ? s.text.text : '')).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(sections.map((s) => ('text' in s ? s.text.text : '')).join(' ')).toBe(text);
  });

  it('puts at most 10 fields in a section', () => {
    const fields: ReplyField[] = Array.from({ length: 23 }, (_, i) => ({ name: `F${i}`, value: String(i), inline: true }));
    const sections = ofType(allBlocks(renderReply({ kind: 'list', fields })), 'section');
    expect(sections.map((s) => ('fields' in s ? s.fields.length : 0))).toEqual([10, 10, 3]);
  });

  it('clips the header to 150 characters counted after escaping, and button text to 75', () => {
    const [message] = renderReply({ kind: 'help', title: '&'.repeat(400), buttons: [{ id: 'b', label: 'L'.repeat(200) }] });
    const header = ofType(message!.blocks, 'header')[0]!;
    expect(len(header.text.text)).toBeLessThanOrEqual(LIMITS.headerText);
    expect(header.text.text).toMatch(/^(&amp;)+…$/);
    expect(len(ofType(message!.blocks, 'actions')[0]!.elements[0]!.text.text)).toBeLessThanOrEqual(LIMITS.buttonText);
  });

  it('keeps ≤ 25 buttons per actions block, drops disabled ones and ids too long for an action_id', () => {
    const buttons = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, label: `B${i}` })),
      { id: 'off', label: 'Off', disabled: true },
      { id: 'x'.repeat(256), label: 'Too long' },
    ];
    const actions = ofType(allBlocks(renderReply({ kind: 'list', buttons })), 'actions');
    expect(actions.map((a) => a.elements.length)).toEqual([25, 5]);
    const ids = actions.flatMap((a) => a.elements.map((e) => e.action_id));
    expect(ids).not.toContain('off');
    expect(ids.every((id) => id.length <= LIMITS.actionId)).toBe(true);
  });

  it('continues in a second message past 50 blocks, losing no field', () => {
    const fields: ReplyField[] = Array.from({ length: 70 }, (_, i) => ({ name: `Field ${i}`, value: `line a\nline b ${i}` }));
    const messages = renderReply({ kind: 'list', title: 'Many', fields });
    expect(messages.length).toBe(2);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    const shown = JSON.stringify(messages);
    for (let i = 0; i < 70; i++) expect(shown).toContain(`line b ${i}`);
    expect(messages[1]!.text).toBe('Many (2/2)');
  });

  it('escapes user text everywhere, including the notification fallback and plain-text labels', () => {
    const reply: Reply = {
      kind: 'error',
      title: '<!here> title',
      text: '<!channel> @everyone',
      fields: [{ name: '<@U1>', value: '<!here>', inline: true }],
      footer: '<!channel>',
      buttons: [{ id: 'b', label: '<!channel>' }],
    };
    const shown = JSON.stringify(renderReply(reply));
    expect(shown).not.toMatch(/<[!@]/);
    expect(shown).not.toMatch(/@everyone/);
    expect(renderReply(reply)[0]!.text).toBe('&lt;!here&gt; title\n&lt;!channel&gt; @\u200Deveryone');
  });
});
