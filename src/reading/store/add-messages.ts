import type { Db } from '../../store/db.js';

/**
 * Where the confirmation of /reading add was posted in its channel (migration
 * 0011), so the live-count refresh edits it as it edits reminders. A message
 * is recorded once; a second report of the same one changes nothing.
 */
export class ReadingAddMessageStore {
  private readonly insert;
  private readonly forOccurrence;

  constructor(db: Db) {
    this.insert = db.prepare<[number, string, string]>(
      'INSERT INTO reading_add_messages (occurrence_id, message_id, posted_at) VALUES (?, ?, ?) ON CONFLICT (occurrence_id, message_id) DO NOTHING',
    );
    this.forOccurrence = db.prepare<[number], { message_id: string }>('SELECT message_id FROM reading_add_messages WHERE occurrence_id = ? ORDER BY posted_at, rowid');
  }

  record(occurrenceId: number, messageId: string, at: Date): void {
    this.insert.run(occurrenceId, messageId, at.toISOString());
  }

  messagesFor(occurrenceId: number): string[] {
    return this.forOccurrence.all(occurrenceId).map((row) => row.message_id);
  }
}
