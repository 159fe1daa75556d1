import { describe, expect, it } from 'vitest';
import { LIMITS, clipPlain, splitEscaped } from '../../../src/adapters/slack/limits.js';
import { renderReply, type SlackBlock } from '../../../src/adapters/slack/render.js';

/**
 * Slack counts its limits in UTF-16 code units: an emoji outside the BMP
 * counts 2. A header of 150 emoji is 300 units, which Slack refuses whole.
 */
const headerOf = (title: string) => {
  const [message] = renderReply({ kind: 'model', title });
  const header = message!.blocks.find((b): b is Extract<SlackBlock, { type: 'header' }> => b.type === 'header');
  return header!.text.text;
};
/** True when the text holds half of a surrogate pair. */
const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('Slack limits counted in UTF-16 units', () => {
  it('clips an emoji header to 150 units with "…", keeping every emoji whole', () => {
    const header = headerOf('🎥'.repeat(150));
    expect(header.length).toBeLessThanOrEqual(LIMITS.headerText);
    expect(header.endsWith('…')).toBe(true);
    expect(hasLoneSurrogate(header)).toBe(false);
    // 74 emoji (148 units) and the ellipsis (1) fit; a 75th would make 151.
    expect(header).toBe(`${'🎥'.repeat(74)}…`);
  });

  it('never splits a surrogate pair whatever the offset, and leaves a title that fits alone', () => {
    for (const lead of ['', 'a', 'ab', 'abc']) {
      const header = headerOf(lead + '😀'.repeat(100));
      expect(header.length, lead).toBeLessThanOrEqual(LIMITS.headerText);
      expect(hasLoneSurrogate(header), lead).toBe(false);
    }
    expect(headerOf('X3D 🎥 video')).toBe('X3D 🎥 video');
    expect(headerOf('🎥'.repeat(75))).toBe('🎥'.repeat(75));
  });

  it('keeps an emoji sequence (family, flag, skin tone) whole rather than leaving half of it', () => {
    const family = '👨‍👩‍👧';
    const clipped = clipPlain(`${'x'.repeat(140)}${family}${family}`, 150);
    expect(clipped.length).toBeLessThanOrEqual(150);
    expect(clipped).toBe(`${'x'.repeat(140)}${family}…`);
  });

  it('counts the escaped form, so "&" clipped near the end never leaves half an entity', () => {
    const clipped = clipPlain(`${'🎥'.repeat(70)}&&&&&`, 150);
    expect(clipped.length).toBeLessThanOrEqual(150);
    expect(clipped).toMatch(/^(🎥)+(&amp;)*…$/);
  });

  it('splits emoji-heavy section text into pieces of ≤ 3,000 units, losing nothing', () => {
    const text = '🎥 '.repeat(2500).trim();
    const pieces = splitEscaped(text, LIMITS.sectionText);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(hasLoneSurrogate(piece)).toBe(false);
    }
    expect(pieces.join(' ')).toBe(text);
  });

  it('hard-splits one long emoji word between emoji, not inside one', () => {
    const pieces = splitEscaped('😀'.repeat(2000), LIMITS.sectionText);
    expect(pieces.map((p) => p.length)).toEqual([3000, 1000]);
    for (const piece of pieces) expect(hasLoneSurrogate(piece)).toBe(false);
  });
});
