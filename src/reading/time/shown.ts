/**
 * User text as quoted back in a message: on one line, and cut to `max`
 * characters (code points, so an emoji or rare kanji is never split in half).
 */
export function shown(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}
