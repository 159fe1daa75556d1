/** True for a time zone name the runtime knows (IANA names such as Asia/Tokyo, and UTC). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The runtime's canonical spelling of a zone ("asia/tokyo" → "Asia/Tokyo"). */
export function canonicalTimeZone(name: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
}

/** Every zone name this runtime lists, for "did you mean". */
export function knownTimeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}
