import { MessageFlags, type APIEmbed, type APIEmbedField } from 'discord.js';
import { boldPieces, type Reply, type ReplyField, type ReplyKind } from '../../core/reply.js';
import { renderComponents, type ButtonRow } from './components.js';
import { LIMITS } from './limits.js';
import { clipUnits, escapeText, splitText } from './text.js';

/** One Discord message body, in the API's own JSON shape (REST and discord.js both take it). */
export interface DiscordMessage {
  /** Only the deliberate mention of a reply (`<@id>`); everything else is in embeds, which never ping. */
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** Nothing is parsed for pings; `users` lists the one member a reply mentions on purpose. */
  allowed_mentions: { parse: []; users?: string[] };
  files?: { name: string; data: Buffer; contentType: string }[];
  flags?: MessageFlags.Ephemeral;
}

export const KIND_COLOURS: Record<ReplyKind, number> = {
  model: 0x3b82f6,
  dataset: 0x22c55e,
  concept: 0xa855f7,
  topic: 0xf59e0b,
  task: 0x14b8a6,
  list: 0x64748b,
  help: 0x5865f2,
  settings: 0x475569,
  error: 0xef4444,
  quiz: 0xec4899,
  summary: 0x0ea5e9,
  reading: 0x14b8a6,
};

/**
 * A Reply as one or more Discord messages: the first answers the
 * interaction, any others follow it. Text too long for one place is split
 * into continuation fields, extra embeds and — past 6,000 characters, which
 * Discord counts per message — extra messages; nothing is cut silently.
 * All text is escaped, so catalog or user text can neither format nor ping.
 */
export function renderReply(reply: Reply): DiscordMessage[] {
  const { rows, overflowLinks } = renderComponents(reply.buttons, reply.links);
  const packer = new EmbedPacker(KIND_COLOURS[reply.kind]);
  if (reply.title) packer.first.title = clipUnits(escapeText(reply.title), LIMITS.title);
  if (reply.url && /^https?:\/\//.test(reply.url)) packer.first.url = reply.url;
  packer.count(packer.first.title?.length ?? 0);
  if (reply.text) for (const chunk of splitText(escapeText(reply.text), LIMITS.description)) packer.addDescription(chunk);
  for (const field of reply.fields ?? []) for (const piece of fieldPieces(field)) packer.addField(piece);
  if (overflowLinks.length > 0) {
    // Masked links are markdown we write on purpose: only their labels are escaped.
    const value = overflowLinks.map((link) => `[${escapeText(link.label)}](${link.url})`).join('\n');
    for (const piece of fieldPieces({ name: '🔗', value }, false)) packer.addField(piece);
  }
  if (reply.footer) packer.addFooter(clipUnits(reply.footer, LIMITS.footer));
  const ephemeral = reply.ephemeral || reply.kind === 'error';
  const mention = reply.mention && /^\d{5,25}$/.test(reply.mention.userId) ? reply.mention.userId : undefined;
  const files = (reply.attachments ?? []).map((file) => ({ name: file.name, data: Buffer.from(file.content, 'utf8'), contentType: file.type }));
  return packer.messages().map((embeds, index) => ({
    ...(index === 0 && mention ? { content: `<@${mention}>` } : {}),
    embeds,
    components: index === 0 ? rows : [],
    allowed_mentions: index === 0 && mention ? { parse: [], users: [mention] } : { parse: [] },
    ...(index === 0 && files.length > 0 ? { files } : {}),
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  }));
}

/** A field whose value is over 1,024 characters becomes "Name (1/3)", "Name (2/3)", … */
function fieldPieces(field: ReplyField, escape = true): APIEmbedField[] {
  const shown = withLocalTimes(escape ? escapeWithBold(field) : field.value, field.times, field.relative);
  const values = splitText(shown, LIMITS.fieldValue).map((value) => value || '\u200b');
  const name = escapeText(field.name) || '\u200b';
  if (values.length === 1) return [{ name: clipUnits(name, LIMITS.fieldName), value: values[0] ?? '\u200b', inline: Boolean(field.inline) }];
  return values.map((value, index) => {
    const suffix = ` (${index + 1}/${values.length})`;
    return { name: clipUnits(name, LIMITS.fieldName - suffix.length) + suffix, value, inline: false };
  });
}

/** Escaped text, with the field's bold ranges as `**…**` — markdown we write, around escaped text. */
function escapeWithBold(field: ReplyField): string {
  if (!field.bold?.length) return escapeText(field.value);
  return boldPieces(field)
    .map((piece) => (piece.bold && piece.text.trim() ? `**${escapeText(piece.text)}**` : escapeText(piece.text)))
    .join('');
}

/**
 * A field listing instants (one a line, written in the place's zone) gets
 * `<t:…:F>` beside each line: Discord shows it in every member's own zone —
 * and, when the field asks, `<t:…:R>` ("in 3 days") too.
 */
function withLocalTimes(value: string, times: readonly string[] | undefined, relative = false): string {
  if (!times?.length) return value;
  return value
    .split('\n')
    .map((line, i) => {
      const at = Date.parse(times[i] ?? '');
      if (!Number.isFinite(at)) return line;
      const seconds = Math.floor(at / 1000);
      return `${line} · <t:${seconds}:F>${relative ? ` (<t:${seconds}:R>)` : ''}`;
    })
    .join('\n');
}

/** Fills embeds in order, opening a new embed at 25 fields and a new message at 6,000 characters or 10 embeds. */
class EmbedPacker {
  private readonly groups: APIEmbed[][];
  private total = 0;

  constructor(private readonly colour: number) {
    this.groups = [[{ color: colour }]];
  }

  get first(): APIEmbed {
    return this.groups[0]?.[0] as APIEmbed;
  }

  count(chars: number): void {
    this.total += chars;
  }

  addDescription(chunk: string): void {
    const embed = this.embedWithRoom(chunk.length, (e) => e.description === undefined && !e.fields?.length && !e.footer);
    embed.description = chunk;
  }

  addField(field: APIEmbedField): void {
    const embed = this.embedWithRoom(field.name.length + field.value.length, (e) => (e.fields?.length ?? 0) < LIMITS.fields && !e.footer);
    (embed.fields ??= []).push(field);
  }

  addFooter(text: string): void {
    const embed = this.embedWithRoom(text.length, (e) => !e.footer);
    embed.footer = { text };
  }

  messages(): APIEmbed[][] {
    const filled = this.groups
      .map((embeds) => embeds.filter((embed) => Object.keys(embed).length > 1))
      .filter((embeds) => embeds.length > 0);
    // Discord rejects an empty message; a Reply with nothing to show still gets a visible answer.
    return filled.length > 0 ? filled : [[{ color: this.colour, description: '\u200b' }]];
  }

  private embedWithRoom(chars: number, fits: (embed: APIEmbed) => boolean): APIEmbed {
    if (this.total + chars > LIMITS.messageEmbedText) {
      this.groups.push([{ color: this.colour }]);
      this.total = 0;
    }
    const group = this.groups[this.groups.length - 1] as APIEmbed[];
    let embed = group[group.length - 1] as APIEmbed;
    if (!fits(embed)) {
      embed = { color: this.colour };
      if (group.length < LIMITS.embedsPerMessage) group.push(embed);
      else {
        this.groups.push([embed]);
        this.total = 0;
      }
    }
    this.total += chars;
    return embed;
  }
}
