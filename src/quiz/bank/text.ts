/**
 * Folds what a reader would not see as a difference — surrounding and repeated
 * spaces, letter case, full- and half-width forms (NFKC turns "ＡＢＣ" into
 * "ABC") — so "two different choices" means different to a person.
 *
 * Generating the bank folds the same catalog strings many thousand times, so
 * results are remembered; the memory is capped and simply starts over when full.
 */
export function foldText(text: string): string {
  let folded = folded_.get(text);
  if (folded === undefined) {
    if (folded_.size >= FOLD_MEMORY) folded_.clear();
    folded = text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
    folded_.set(text, folded);
  }
  return folded;
}

const FOLD_MEMORY = 20_000;
const folded_ = new Map<string, string>();

/** Button labels are measured by platforms in UTF-16 code units, which is what String#length counts. */
export function utf16Length(text: string): number {
  return text.length;
}
