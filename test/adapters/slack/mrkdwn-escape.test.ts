import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.js';
import { escapeMrkdwn } from '../../../src/adapters/slack/escape.js';
import { splitEscaped } from '../../../src/adapters/slack/limits.js';
import { renderReply, type SlackBlock } from '../../../src/adapters/slack/render.js';

/** Slack shows a date token it cannot format as its fallback text, verbatim. */
const LITERAL = /<!date\^00000000\^\{_\}\|([^>]*)>/g;
/** What a Slack client shows: each literal token replaced by its fallback. */
const shown = (mrkdwn: string) => mrkdwn.replace(LITERAL, '$1');
/** What Slack parses as formatting: the text with the literal tokens taken out. */
const markup = (mrkdwn: string) => mrkdwn.replace(LITERAL, '');

function mrkdwnTexts(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section') return 'text' in block ? [block.text.text] : block.fields.map((f) => f.text);
    if (block.type === 'context') return block.elements.map((e) => e.text);
    return [];
  });
}

describe('Slack mrkdwn: user text cannot format or break the layout', () => {
  const reply: Reply = {
    kind: 'reading',
    title: 'Paper ``` club',
    text: 'Model says: **bold** _it_ ~gone~ ```js\nrun()``` and https://example.org/a_b_c',
    fields: [
      { name: '*Ken* _the_ ~great~', value: 'ok', inline: true },
      { name: 'Going (2)', value: 'a```b, ~x~' },
    ],
    footer: 'session `3`',
    attachments: [{ name: 'x_y.ics', type: 'text/calendar', content: 'SUMMARY:```evil```\nEND:VCALENDAR' }],
  };
  const blocks = renderReply(reply).flatMap((m) => m.blocks);
  const texts = mrkdwnTexts(blocks);

  it('leaves no *, _, ~ or ` that Slack would read as formatting, except the bold and code wrappers we write', () => {
    for (const text of texts) {
      const unwrapped = markup(text)
        .replace(/^\*[^*\n]*\*(?=\n|$)/, '') // the field's bold name
        .replace(/^```([\s\S]*)```$/, '$1') // the attachment's code block
        .replace(/https:\/\/\S+/g, ''); // a URL is left whole so it still links
      expect(unwrapped, text).not.toMatch(/[*_~`]/);
    }
  });

  it('shows every character as typed', () => {
    const all = texts.map(shown).join('\n');
    expect(all).toContain('Model says: **bold** _it_ ~gone~ ```js\nrun()``` and https://example.org/a_b_c');
    expect(all).toContain('**Ken* _the_ ~great~*');
    expect(all).toContain('a```b, ~x~');
    expect(all).toContain('SUMMARY:```evil```\nEND:VCALENDAR');
    expect(all).toContain('session `3`');
  });

  it('keeps the bold field name whole around a name with * _ ~ (the exact Block Kit JSON)', () => {
    const section = blocks.find((b) => b.type === 'section' && 'fields' in b);
    expect(section).toEqual({
      type: 'section',
      fields: [
        {
          type: 'mrkdwn',
          text:
            '*<!date^00000000^{_}|*>Ken<!date^00000000^{_}|*> <!date^00000000^{_}|_>the<!date^00000000^{_}|_> <!date^00000000^{_}|~>great<!date^00000000^{_}|~>*\nok',
        },
      ],
    });
  });

  it('a ``` inside the attachment cannot close its code block', () => {
    const code = texts.filter((t) => t.startsWith('```'));
    expect(code).toEqual(['```SUMMARY:<!date^00000000^{_}|```>evil<!date^00000000^{_}|```>\nEND:VCALENDAR```']);
  });

  it('a header stays plain text: no token in it', () => {
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Paper ``` club', emoji: true } });
  });

  it('splitting long text never cuts a token in half', () => {
    const text = escapeMrkdwn('x'.repeat(2990) + '*bold*' + 'y'.repeat(50));
    const pieces = splitEscaped(text, 3000);
    expect(pieces.length).toBe(2);
    for (const piece of pieces) expect(piece.replace(LITERAL, '')).not.toMatch(/[<>*]/);
    expect(pieces.map(shown).join('')).toBe('x'.repeat(2990) + '*bold*' + 'y'.repeat(50));
  });
});
