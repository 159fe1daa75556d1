/**
 * Words that carry no meaning of their own in a description: removed from the
 * notes when they are indexed and from the query when it is asked, so "the
 * NeRF with thousands of tiny MLPs" and "NeRF thousands tiny MLPs" rank alike.
 * English only: Japanese particles (の, を, は, で …) are hiragana, and runs of
 * hiragana are dropped by the tokenizer as a whole (text-tokens.ts).
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor of to in on at by for from with without into onto over under about as than then ' +
    'is are was were be been being am do does did done has have had having it its itself this that these those ' +
    'there here which who whom whose what when where why how all any both each few more most other some such ' +
    'no not only own same so too very can could will would shall should may might must just also one ones ' +
    'i me my we our you your he him his she her they them their us thing things something way ' +
    'like uses use used using make makes made get gets got paper model method approach idea remember'
  ).split(' '),
);
