/**
 * The key form every name and query is compared in.
 *
 * People type model names in many shapes — "R(2+1)D", "r2+1d", "Ｒ２＋１Ｄ",
 * "EfficientNet-B0", "DALL·E" — and paste text from chat that carries
 * zero-width joiners and emoji. Matching happens on a form that keeps only what
 * identifies a name: letters (including kana, kanji and the long vowel mark ー,
 * which is a letter in Unicode), digits and combining marks, lower-cased.
 */

/**
 * Characters that are invisible or decorative: zero-width spaces and joiners,
 * bidi controls, variation selectors, tag characters, emoji and their skin-tone
 * modifiers, regional-indicator flags and the keycap mark. Removed before NFKC,
 * because NFKC would otherwise turn some of them (™, ①) into letters.
 */
const NOISE =
  /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\uFE00-\uFE0F\u20E3\u{E0000}-\u{E007F}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]/gu;

/**
 * A run of two or more minus signs that ends a word ("NeRF--") is part of the
 * name, not punctuation: spelled out, so "NeRF--" and "NeRF" stay different
 * keys and "nerf minus minus" finds the former. The katakana ー is not here.
 */
const TRAILING_MINUSES = /(?<=[\p{L}\p{N}])[-\u2010-\u2015\u2212]{2,}(?![\p{L}\p{N}])/gu;

/**
 * Hiragana, folded to katakana: loanword names are written in katakana
 * (セグメンテーション, ナーフ), but people often send them before the IME
 * converts (せぐめんてーしょん).
 */
const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/g;
const toKatakana = (char: string) => String.fromCharCode(char.charCodeAt(0) + 0x60);

/**
 * Width and case folded, invisible characters removed — the part of the name
 * key form that descriptive text shares (text-tokens.ts). Hiragana stay
 * hiragana here: in running text they are mostly particles and endings.
 */
export function foldWidthAndCase(text: string): string {
  // Plain ASCII (most English notes) has nothing NFKC or the noise filter would change.
  return /^[\x20-\x7e]*$/.test(text) ? text.toLowerCase() : text.replace(NOISE, '').normalize('NFKC').toLowerCase();
}

/** Hiragana written as katakana: せぐめんと → セグメント. */
export function hiraganaToKatakana(text: string): string {
  return text.replace(HIRAGANA, toKatakana);
}

/** "+" is meaningful in names like R(2+1)D; papers also write it "plus" (R2plus1D). */
const PLUS = /\+/g;

/** Everything that is not a letter, digit or combining mark. */
const NOT_NAME_CHARACTER = /[^\p{L}\p{N}\p{M}]+/gu;

/** Lower-case NFKC, noise removed, "+"/"--" spelled out, but spaces and punctuation kept. */
function fold(text: string): string {
  return text
    .replace(NOISE, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(HIRAGANA, toKatakana)
    .replace(PLUS, 'plus')
    .replace(TRAILING_MINUSES, (run) => 'minus'.repeat(run.length));
}

/** The key form used for matching: "R(2+1)D" → "r2plus1d", "ＥｆｆｉｃｉｅｎｔＮｅｔ－Ｖ２" → "efficientnetv2". */
export function normalize(text: string): string {
  return fold(text).replace(NOT_NAME_CHARACTER, '');
}

/**
 * The words of a name or keyword, each in key form: "Efficient DETR" → ["efficient", "detr"],
 * "Attention Is All You Need" → ["attention", "is", "all", "you", "need"]. Japanese has no
 * spaces, so a Japanese phrase stays one word; substring matching covers it instead.
 */
export function splitWords(text: string): string[] {
  return fold(text)
    .split(NOT_NAME_CHARACTER)
    .filter((word) => word.length > 0);
}
