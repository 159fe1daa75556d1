import { channelKeyOf } from '../core/invocation.js';
import type { PostedHandler } from '../core/posted.js';
import { ADD_TRACK_PATTERN, parseAddTrack } from './buttons.js';
import type { ReadingService } from './service.js';
import type { ReadingAddMessageStore } from './store/add-messages.js';

/**
 * Records where a /reading add confirmation was posted, once the adapter
 * knows. The track names only the meeting; it is recorded only when that
 * meeting's session belongs to the channel the message was posted in.
 */
export function readingPosted(reading: ReadingService, messages: ReadingAddMessageStore): PostedHandler {
  return {
    pattern: ADD_TRACK_PATTERN,
    posted(track, { place, messageId }) {
      const occurrenceId = parseAddTrack(track);
      const occurrence = occurrenceId === undefined ? undefined : reading.deps.occurrences.get(occurrenceId);
      const session = occurrence && reading.get(occurrence.sessionId);
      if (!occurrence || !session || session.channelKey !== channelKeyOf(place)) return;
      messages.record(occurrence.id, messageId, reading.deps.clock.now());
    },
  };
}
