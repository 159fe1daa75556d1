/** One line of `yomikai doctor`: what was checked, and for a failure what to do about it. */
export interface CheckLine {
  ok: boolean;
  what: string;
  /** On a failure: the one thing to do. On a pass: an optional note. */
  detail?: string;
}

export const pass = (what: string, detail?: string): CheckLine => ({ ok: true, what, ...(detail ? { detail } : {}) });
export const fail = (what: string, detail: string): CheckLine => ({ ok: false, what, detail });

export function formatLine(line: CheckLine): string {
  return `${line.ok ? 'ok  ' : 'FAIL'}  ${line.what}${line.detail ? ` — ${line.detail}` : ''}`;
}

/** A check that threw where it should have answered is a failure line, never a crash of the doctor. */
export async function guarded(what: string, run: () => Promise<CheckLine[]> | CheckLine[]): Promise<CheckLine[]> {
  try {
    return await run();
  } catch (error) {
    return [fail(what, `the check itself failed: ${error instanceof Error ? error.message : String(error)}`)];
  }
}

/** A channel the database schedules posts in (a quiz, reading reminders): the platform checks look at each. */
export interface ScheduledChannel {
  platform: string;
  channel: string;
  why: string;
}
