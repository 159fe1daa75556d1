/**
 * "in 2 hours", "in 90 minutes", "2時間後", "1時間30分後": a span from now, in
 * milliseconds, or undefined when the text is not one. Done here rather than
 * by chrono because chrono adds the span to a wall clock at a fixed offset,
 * which is an hour off when the span crosses a DST change; a span is plain
 * instant arithmetic.
 */
const EN = /^in\s+(?:(\d{1,4})\s*(?:h|hrs?|hours?))?\s*(?:and\s+)?(?:(\d{1,5})\s*(?:m|mins?|minutes?))?$/i;
const EN_AN_HOUR = /^in\s+an?\s+hour$/i;
const JA = /^(?:(\d{1,4})\s*時間)?\s*(?:(\d{1,5})\s*分)?\s*後$/;

export function parseRelative(text: string): number | undefined {
  if (EN_AN_HOUR.test(text)) return 3_600_000;
  const match = EN.exec(text) ?? JA.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return (Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60_000;
}
