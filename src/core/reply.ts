/**
 * The neutral reply every command returns. Adapters render it (Discord embeds,
 * Slack Block Kit, terminal text); nothing here knows about a platform.
 *
 * All strings are plain text. Adapters escape them for their markup, so a
 * command never has to think about `@everyone`, `<!channel>` or markdown.
 */
export type ReplyKind = 'model' | 'dataset' | 'concept' | 'topic' | 'task' | 'list' | 'help' | 'settings' | 'error' | 'quiz' | 'summary' | 'reading';

export interface ReplyField {
  name: string;
  value: string;
  /** A hint that the field is short enough to sit beside others. */
  inline?: boolean;
  /**
   * Instants the value lists, one a line, already written out in `value` in the
   * place's zone. Discord adds `<t:…:F>` beside each so every member also sees
   * their own local time; other adapters show `value` as it is.
   */
  times?: string[];
  /** Discord also adds `<t:…:R>` ("in 3 days") beside each of `times`. */
  relative?: boolean;
  /**
   * [start, end) ranges of `value` to show in bold (the words a search matched
   * in an excerpt), ascending and not overlapping. Adapters that can bold do;
   * the text stays escaped either way.
   */
  bold?: readonly (readonly [number, number])[];
}

/** `value` cut into plain and bold pieces by `bold` (empty pieces left out). */
export function boldPieces(field: Pick<ReplyField, 'value' | 'bold'>): { text: string; bold: boolean }[] {
  const pieces: { text: string; bold: boolean }[] = [];
  let at = 0;
  for (const [start, end] of field.bold ?? []) {
    if (start < at || end <= start || end > field.value.length) continue;
    if (start > at) pieces.push({ text: field.value.slice(at, start), bold: false });
    pieces.push({ text: field.value.slice(start, end), bold: true });
    at = end;
  }
  if (at < field.value.length) pieces.push({ text: field.value.slice(at), bold: false });
  return pieces;
}

/** A file sent with a reply (a calendar): a Discord/Slack upload, a written file in the console. */
export interface ReplyAttachment {
  name: string;
  content: string;
  /** MIME type, e.g. text/calendar. */
  type: string;
}

export interface ReplyLink {
  label: string;
  url: string;
}

export interface ReplyButton {
  /** A short, versioned id (see core/paging.ts); handlers re-check everything it claims. */
  id: string;
  label: string;
  style?: 'primary' | 'secondary' | 'success' | 'danger';
  disabled?: boolean;
}

export interface Reply {
  kind: ReplyKind;
  title?: string;
  /** Where the title links to (the paper's arXiv page, a dataset's home). */
  url?: string;
  text?: string;
  fields?: ReplyField[];
  links?: ReplyLink[];
  buttons?: ReplyButton[];
  footer?: string;
  attachments?: ReplyAttachment[];
  /**
   * The one deliberate ping a reply may carry (a reminder naming its
   * presenter): Discord and Slack mention this user id; everything else in a
   * reply stays ping-free. The console shows the label.
   */
  mention?: { userId: string; label: string };
  /**
   * Meant for the whole channel (a session card others RSVP on): Slack, which
   * answers privately by default, posts it in the channel.
   */
  inChannel?: boolean;
  /** Shown only to the person who asked (errors, "did you mean"). */
  ephemeral?: boolean;
  /**
   * The feature wants this reply's message id once it is posted in a channel
   * (a card whose counts it keeps live): see core/posted.ts. Adapters that
   * cannot learn the id leave the reply untracked.
   */
  track?: string;
}

/** An error or refusal, shown only to the person who asked. */
export function privateError(text: string): Reply {
  return { kind: 'error', text, ephemeral: true };
}
