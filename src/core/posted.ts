import type { Logger } from './logger.js';
import type { Place } from './invocation.js';
import type { Reply } from './reply.js';

/**
 * A feature that wants to know which message one of its replies became (the
 * /reading add confirmation, whose RSVP counts it keeps live) marks the reply
 * with `Reply.track`; an adapter that posted that reply in a channel and
 * learnt the message's id reports it here, and the handler whose pattern
 * claims the track records it. Nothing in the track is trusted: the handler
 * re-checks it against its own tables and the place.
 */
export interface PostedHandler {
  pattern: RegExp;
  posted(track: string, where: { place: Place; messageId: string }): void | Promise<void>;
}

/** Tells the feature that claims `reply.track` where the reply was posted; a failure is logged, never thrown at the user. */
export async function reportPosted(
  services: { posted?: readonly PostedHandler[]; logger: Logger },
  reply: Reply,
  place: Place,
  messageId: string,
): Promise<void> {
  const track = reply.track;
  if (!track || !messageId) return;
  const handler = services.posted?.find((h) => h.pattern.test(track));
  if (!handler) return;
  try {
    await handler.posted(track, { place, messageId });
  } catch (error) {
    services.logger.warn({ err: error, track, channel: place.channel, message: messageId }, 'posted message not recorded');
  }
}
