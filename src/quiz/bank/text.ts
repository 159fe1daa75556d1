/**
 * Folds what a reader would not see as a difference — surrounding and repeated
 * spaces, letter case, full- and half-width forms (NFKC turns "ＡＢＣ" into
 * "ABC") — so "two different choices" means different to a person.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** Button labels are measured by platforms in UTF-16 code units, which is what String#length counts. */
export function utf16Length(text: string): number {
  return text.length;
}
