import type { App as BoltApp } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { ReplyAttachment } from '../../core/reply.js';
import { slackErrorCode } from './deliver.js';

type WebClient = BoltApp['client'];

/** Where an attachment went: the command's channel, or the asker's direct messages with the bot. */
export type Shared = 'channel' | 'dm';

export interface ShareTarget {
  /** The channel the command was run in. */
  channel: string;
  /** Who ran it: a private answer's file goes to their DM with the bot. */
  userId: string;
  /** The answer is shown to the whole channel, so its file is too. */
  inChannel: boolean;
}

/**
 * A response_url can carry text and blocks but no file, so attachments (a
 * calendar) are uploaded as real files with `files.uploadV2` — which asks
 * `files.getUploadURLExternal` for an upload URL, sends the bytes there and
 * shares them with `files.completeUploadExternal` — into the channel when the
 * answer is public, else into the asker's DM with the bot (a file completed
 * without a channel stays private to the bot, so its link would not open for
 * the asker). Needs `files:write` (and `im:write` for the DM); undefined when
 * Slack refuses, and the caller shows the file as a code block as before.
 */
export async function shareAttachments(client: WebClient, files: readonly ReplyAttachment[], target: ShareTarget, logger: Logger): Promise<Shared | undefined> {
  try {
    const channel = target.inChannel ? target.channel : await directMessageChannel(client, target.userId);
    await client.files.uploadV2({
      channel_id: channel,
      file_uploads: files.map((file) => ({ file: Buffer.from(file.content, 'utf8'), filename: file.name, title: file.name })),
    });
    return target.inChannel ? 'channel' : 'dm';
  } catch (error) {
    logger.warn({ err: error, code: slackErrorCode(error), channel: target.channel }, 'slack file upload failed; the file is shown as text instead (is files:write granted?)');
    return undefined;
  }
}

async function directMessageChannel(client: WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new Error('conversations.open returned no channel');
  return id;
}
