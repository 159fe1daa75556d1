import {
  MessageFlags,
  MessagePayload,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
} from 'discord.js';
import type { DiscordMessage } from './render.js';

/** Discord drops an interaction not answered within 3 s; past this we defer and edit instead. */
export const DEFER_AFTER_MS = 1500;

type Answerable = ChatInputCommandInteraction | ButtonInteraction;

export interface AnswerOptions {
  /**
   * Asked once the messages are ready: whether the caller needs the id of the
   * public message the reply becomes (a tracked card, core/posted.ts). Only
   * then is the reply sent `withResponse`, which returns the message.
   */
  wantMessageId?: () => boolean;
}

/**
 * Answers an interaction with messages that may still be in the making:
 * directly when they are ready within DEFER_AFTER_MS, otherwise by deferring
 * first and editing once they are. `update` answers a button by replacing
 * the message it sits on. Resolves with the public reply's message id when
 * `wantMessageId` asked for it and Discord told it.
 */
export async function answerInTime(
  interaction: Answerable,
  work: Promise<DiscordMessage[]>,
  how: 'reply' | 'update',
  options: AnswerOptions = {},
): Promise<string | undefined> {
  // If deferring itself fails we never await `work`; its later rejection must not crash the process.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), DEFER_AFTER_MS);
  });
  const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
  if (first !== 'late') return answerNow(interaction, first, how, options);
  if (how === 'update' && interaction.isButton()) await interaction.deferUpdate();
  else await interaction.deferReply();
  return answerDeferred(interaction, await work);
}

async function answerNow(interaction: Answerable, messages: DiscordMessage[], how: 'reply' | 'update', options: AnswerOptions): Promise<string | undefined> {
  const [head, ...rest] = messages;
  if (!head) return undefined;
  let messageId: string | undefined;
  // An error about a button (a stale page) goes to the presser alone; the shared message stays as it was.
  if (how === 'update' && interaction.isButton() && !isEphemeral(head)) await interaction.update(typedFiles(interaction, head, updateOptions(head)));
  else if (how === 'reply' && !isEphemeral(head) && !head.files?.length && options.wantMessageId?.()) {
    const response = await interaction.reply({ ...replyOptions(head), withResponse: true });
    messageId = response.resource?.message?.id;
  } else await interaction.reply(typedFiles(interaction, head, replyOptions(head)));
  for (const message of rest) await interaction.followUp(typedFiles(interaction, message, replyOptions(message)));
  return messageId;
}

async function answerDeferred(interaction: Answerable, messages: DiscordMessage[]): Promise<string | undefined> {
  const [head, ...rest] = messages;
  if (!head) return undefined;
  let messageId: string | undefined;
  if (isEphemeral(head)) {
    // A deferred reply is public and cannot turn private: drop the "thinking…" and answer privately.
    if (interaction.isChatInputCommand()) await interaction.deleteReply();
    await interaction.followUp(typedFiles(interaction, head, replyOptions(head)));
  } else {
    messageId = (await interaction.editReply(typedFiles(interaction, head, updateOptions(head)))).id;
  }
  for (const message of rest) await interaction.followUp(typedFiles(interaction, message, replyOptions(message)));
  return messageId;
}

/**
 * discord.js keeps only an attachment's data and name (MessagePayload.resolveFile),
 * so `/reading ics` went out as application/octet-stream on an interaction
 * reply, while channel posts (adapter.ts, raw REST) carried text/calendar.
 * A payload whose files are already resolved keeps each file's content type.
 */
function typedFiles<T extends InteractionReplyOptions | InteractionUpdateOptions>(interaction: Answerable, message: DiscordMessage, options: T): T | MessagePayload {
  if (!message.files?.length) return options;
  const payload = MessagePayload.create(interaction, options);
  payload.files = message.files.map((file) => ({ name: file.name, data: file.data, contentType: file.contentType }));
  return payload;
}

export function isEphemeral(message: DiscordMessage): boolean {
  return message.flags === MessageFlags.Ephemeral;
}

export function replyOptions(message: DiscordMessage): InteractionReplyOptions {
  return {
    ...(message.content ? { content: message.content } : {}),
    ...(message.files ? { files: message.files.map((file) => ({ attachment: file.data, name: file.name })) } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowed_mentions,
    ...(isEphemeral(message) ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

function updateOptions(message: DiscordMessage): InteractionUpdateOptions {
  return {
    ...(message.files ? { files: message.files.map((file) => ({ attachment: file.data, name: file.name })) } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowed_mentions,
  };
}
