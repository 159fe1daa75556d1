import { boldPieces, type Reply, type ReplyField } from '../../core/reply.js';

export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
}

export const PLAIN: TextStyle = { bold: (s) => s, dim: (s) => s };
export const ANSI: TextStyle = { bold: (s) => `\u001b[1m${s}\u001b[22m`, dim: (s) => `\u001b[2m${s}\u001b[22m` };

/**
 * A Reply as terminal text. Inline fields share a line; buttons are numbered
 * so the console chat can "click" them by typing the number.
 */
export function renderText(reply: Reply, style: TextStyle = PLAIN): string {
  const out: string[] = [];
  // The terminal's one reader is already here; a reply's mention is shown as a name.
  if (reply.mention) out.push(`@${reply.mention.label.replace(/^@/, '')}`);
  if (reply.title) out.push(style.bold(reply.title) + (reply.url ? `  ${style.dim(reply.url)}` : ''));
  if (reply.text) out.push(reply.text);
  const fields = reply.fields ?? [];
  let inline: string[] = [];
  const flush = () => {
    if (inline.length > 0) out.push(inline.join('  ·  '));
    inline = [];
  };
  for (const original of fields) {
    const field = { ...original, value: withBold(original, style) };
    if (field.inline && !field.value.includes('\n')) {
      inline.push(`${style.bold(field.name)}: ${field.value}`);
      continue;
    }
    flush();
    out.push(field.value.includes('\n') ? `${style.bold(field.name)}:\n${indent(field.value)}` : `${style.bold(field.name)}: ${field.value}`);
  }
  flush();
  for (const link of reply.links ?? []) out.push(`${link.label}: ${link.url}`);
  const buttons = (reply.buttons ?? []).map((button, i) => (button.disabled ? style.dim(`[${i + 1}] ${button.label}`) : `[${i + 1}] ${button.label}`));
  if (buttons.length > 0) out.push(buttons.join('  '));
  if (reply.footer) out.push(style.dim(reply.footer));
  return out.join('\n');
}

/** A field's value with its bold ranges in the style's bold (plain text shows them unmarked). */
function withBold(field: ReplyField, style: TextStyle): string {
  if (!field.bold?.length) return field.value;
  return boldPieces(field)
    .map((piece) => (piece.bold ? style.bold(piece.text) : piece.text))
    .join('');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
