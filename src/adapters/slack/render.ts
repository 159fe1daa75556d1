import { boldPieces, type Reply, type ReplyButton, type ReplyField } from '../../core/reply.js';
import { bold, escapeCodeBlock, escapeMrkdwn, escapeText, mrkdwnLink } from './escape.js';
import { LIMITS, clipPlain, slackLength, splitEscaped } from './limits.js';

/**
 * Reply → Block Kit. Pure: no Bolt import, so the limits are unit-tested
 * without a server. Anything too long for one block is split across blocks,
 * and anything too long for one message continues in the next message —
 * nothing is cut silently.
 */
type PlainText = { type: 'plain_text'; text: string; emoji: boolean };
type Mrkdwn = { type: 'mrkdwn'; text: string };
export type SlackButton = { type: 'button'; text: PlainText; action_id: string; value: string; style?: 'primary' | 'danger' };
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn }
  | { type: 'section'; fields: Mrkdwn[] }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'actions'; elements: SlackButton[] };

export interface SlackMessage {
  /** Plain fallback for notifications and screen readers; escaped like the blocks. */
  text: string;
  blocks: SlackBlock[];
}

/** A button whose value differs from its id (the share button carries the command to re-run). */
export type SlackReplyButton = ReplyButton & { value?: string };

export interface RenderOptions {
  /** Extra buttons (e.g. "Share in channel"), added after the reply's own. */
  extraButtons?: readonly SlackReplyButton[];
}

export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const mention = slackMention(reply);
  const blocks: SlackBlock[] = [
    // The one deliberate ping (a reminder's presenter): markup we write, around an id we checked.
    ...(mention ? [{ type: 'section', text: mrkdwn(mention) } as SlackBlock] : []),
    ...titleBlocks(reply),
    ...(reply.text ? sections(escapeMrkdwn(reply.text)) : []),
    ...fieldBlocks(reply.fields ?? []),
    ...contextBlocks((reply.links ?? []).map((link) => mrkdwnLink(link.url, link.label))),
    ...actionBlocks([...(reply.buttons ?? []), ...(options.extraButtons ?? [])]),
    ...(reply.footer ? contextBlocks([escapeMrkdwn(reply.footer)]) : []),
    // A response_url cannot carry a file: handlers upload attachments (files.ts) and drop them from the
    // reply; one still here (the upload was refused) arrives as a code block to copy.
    ...(reply.attachments ?? []).flatMap((file) => [
      ...contextBlocks([escapeMrkdwn(file.name)]),
      ...splitEscaped(escapeCodeBlock(file.content), LIMITS.sectionText - 8).map((piece) => ({ type: 'section', text: mrkdwn('```' + piece + '```') }) as SlackBlock),
    ]),
  ];
  const fallback = (mention ? `${mention} ` : '') + fallbackText(reply);
  if (blocks.length === 0) return [{ text: fallback, blocks: [{ type: 'section', text: mrkdwn(fallback || '…') }] }];
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.blocksPerMessage) {
    const part = messages.length + 1;
    const parts = Math.ceil(blocks.length / LIMITS.blocksPerMessage);
    messages.push({
      text: part === 1 ? fallback : `${fallback.split('\n')[0] ?? ''} (${part}/${parts})`,
      blocks: blocks.slice(i, i + LIMITS.blocksPerMessage),
    });
  }
  return messages;
}

/** Title and text as plain lines, for notifications and `chat.postMessage` previews. */
export function fallbackText(reply: Reply): string {
  const lines = [reply.title, reply.text].filter((line): line is string => Boolean(line));
  if (lines.length === 0) lines.push(...(reply.fields ?? []).map((field) => `${field.name}: ${field.value}`));
  return splitEscaped(escapeText(lines.join('\n')), LIMITS.fallbackText)[0] ?? '';
}

function titleBlocks(reply: Reply): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  if (reply.title) blocks.push({ type: 'header', text: plain(reply.title, LIMITS.headerText) });
  if (reply.url) blocks.push(...contextBlocks([mrkdwnLink(reply.url, reply.url)]));
  return blocks;
}

function sections(escaped: string): SlackBlock[] {
  return splitEscaped(escaped, LIMITS.sectionText).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
}

/**
 * Short inline fields sit side by side (Block Kit shows section fields in two
 * columns, ≤ 10 per section); long or multi-line ones get a full-width
 * section of their own, split at 3,000 characters.
 */
function fieldBlocks(fields: readonly ReplyField[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let row: Mrkdwn[] = [];
  const flush = () => {
    for (let i = 0; i < row.length; i += LIMITS.fieldsPerSection) {
      blocks.push({ type: 'section', fields: row.slice(i, i + LIMITS.fieldsPerSection) });
    }
    row = [];
  };
  for (const field of fields) {
    const text = [bold(field.name), escapeWithBold(field)].filter(Boolean).join('\n');
    if (field.inline && !field.value.includes('\n') && slackLength(text) <= LIMITS.fieldText) {
      row.push(mrkdwn(text));
      continue;
    }
    flush();
    blocks.push(...sections(text));
  }
  flush();
  return blocks;
}

/** Escaped mrkdwn, with the field's bold ranges as `*…*` (bold() keeps a `*` inside from ending it early). */
function escapeWithBold(field: ReplyField): string {
  if (!field.bold?.length) return escapeMrkdwn(field.value);
  return boldPieces(field)
    .map((piece) => (piece.bold ? bold(piece.text) || escapeMrkdwn(piece.text) : escapeMrkdwn(piece.text)))
    .join('');
}

/** Context blocks hold ≤ 10 elements; links are joined into as few elements as fit. */
function contextBlocks(items: readonly string[]): SlackBlock[] {
  if (items.length === 0) return [];
  const elements = items.flatMap((item) => splitEscaped(item, LIMITS.contextText)).map(mrkdwn);
  const joined = packElements(elements.map((e) => e.text), ' · ', LIMITS.contextText).map(mrkdwn);
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < joined.length; i += LIMITS.elementsPerContext) {
    blocks.push({ type: 'context', elements: joined.slice(i, i + LIMITS.elementsPerContext) });
  }
  return blocks;
}

function packElements(texts: readonly string[], separator: string, max: number): string[] {
  const packed: string[] = [];
  for (const text of texts) {
    const last = packed[packed.length - 1];
    if (last !== undefined && slackLength(last + separator + text) <= max) packed[packed.length - 1] = last + separator + text;
    else packed.push(text);
  }
  return packed;
}

/**
 * Slack buttons have no disabled state, so a disabled one (◀ on page 1) is
 * left out. An id over 255 characters can't be an action_id; ids come from
 * our own code (paging caps queries at 80), so such a button is dropped
 * rather than breaking the whole message.
 */
function actionBlocks(buttons: readonly SlackReplyButton[]): SlackBlock[] {
  const seen = new Set<string>();
  const elements: SlackButton[] = [];
  for (const button of buttons) {
    const value = button.value ?? button.id;
    if (button.disabled || seen.has(button.id) || button.id.length > LIMITS.actionId || value.length > LIMITS.buttonValue) continue;
    seen.add(button.id);
    elements.push({
      type: 'button',
      text: plain(button.label, LIMITS.buttonText),
      action_id: button.id,
      value,
      // Slack has no green; a correct answer shows as primary.
      ...(button.style === 'primary' || button.style === 'success' ? { style: 'primary' } : button.style === 'danger' ? { style: 'danger' } : {}),
    });
  }
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.elementsPerActions) {
    blocks.push({ type: 'actions', elements: elements.slice(i, i + LIMITS.elementsPerActions) });
  }
  return blocks;
}

/** Labels and headers only (never content, which is split, not cut). */
function plain(text: string, max: number): PlainText {
  return { type: 'plain_text', text: clipPlain(text, max), emoji: true };
}

function mrkdwn(text: string): Mrkdwn {
  return { type: 'mrkdwn', text };
}

/** `<@U…>` for a reply's deliberate mention, when the id is a real Slack user id (anything else stays unpinged). */
function slackMention(reply: Reply): string | undefined {
  const id = reply.mention?.userId;
  return id && /^[UW][A-Z0-9]{2,20}$/.test(id) ? `<@${id}>` : undefined;
}
