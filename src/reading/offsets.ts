import { UserError } from '../core/errors.js';

/** Reminders go out 24 h and 1 h before a session and at its start unless a channel chooses otherwise. */
export const DEFAULT_OFFSETS: readonly number[] = [24 * 60, 60, 0];
const MAX_OFFSET = 14 * 24 * 60;
const MAX_STAGES = 6;

/** "24h,1h,0" → [1440, 60, 0] (minutes before the start, latest first). Also 30m, 2d, 1h30m. */
export function parseOffsets(raw: string): number[] {
  const parts = raw.normalize('NFKC').toLowerCase().split(/[,、\s]+/).filter(Boolean);
  const fail = () => new UserError('error.reading.badOffsets', { value: raw.trim().slice(0, 40) });
  if (parts.length === 0 || parts.length > MAX_STAGES) throw fail();
  const minutes = parts.map((part) => {
    if (part === '0' || part === 'start' || part === '開始') return 0;
    const match = /^(?:(\d{1,2})(?:d|日))?(?:(\d{1,3})(?:h|時間))?(?:(\d{1,4})(?:m|min|分))?$/.exec(part);
    if (!match) throw fail();
    const value = Number(match[1] ?? 0) * 1440 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
    if (value > MAX_OFFSET) throw fail();
    return value;
  });
  return [...new Set(minutes)].sort((a, b) => b - a);
}

export function formatOffsets(offsets: readonly number[]): string {
  return offsets.map(formatOffset).join(', ');
}

export function formatOffset(minutes: number): string {
  if (minutes === 0) return '0';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].join('');
}
