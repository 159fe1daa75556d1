/**
 * A platform's own events list (Discord's guild scheduled events): an
 * optional, additive port an adapter may offer (ChatAdapter.events). The
 * reading feature keeps its sessions mirrored there through it and knows no
 * SDK; a platform without such a list (Slack, the console) offers none.
 */

/** One event as the feature wants it to look. */
export interface MirroredEvent {
  /** The event's name (the session title). */
  name: string;
  /** Paper and presenter lines; the adapter appends `marker` as the last line. */
  description: string;
  /** The channel the session belongs to: the adapter writes it as the event's location. */
  channel: string;
  start: Date;
  end: Date;
  /**
   * A key unique to this event for ever (this database, this claim): a retry
   * after a crash finds the event it may already have created by it.
   */
  marker: string;
}

/** Why a call did not happen: the first two are answers, the last is retried on a later tick. */
export type MirrorFailure = 'no-permission' | 'gone' | 'failed';
export type MirrorResult = { ok: true; eventId: string } | { ok: false; reason: MirrorFailure; detail?: string };

/** Whether the bot may manage events in a scope (a Discord server); unknown when the platform did not answer. */
export type MirrorPermission = 'allowed' | 'missing' | 'unknown';

/** What a look for an event by its marker found. */
export type MirrorLookup = { state: 'found'; eventId: string } | { state: 'absent' } | { state: 'unknown'; detail?: string };

export interface EventMirror {
  /** May the bot create, edit and delete events in this scope? `fresh` asks the platform again instead of its cache. */
  permission(scope: string, fresh?: boolean): Promise<MirrorPermission>;
  /** The bot's own event carrying this marker, if one exists. */
  find(scope: string, marker: string): Promise<MirrorLookup>;
  create(scope: string, event: MirroredEvent): Promise<MirrorResult>;
  update(scope: string, eventId: string, event: MirroredEvent): Promise<MirrorResult>;
  /** Removes the event; one already gone counts as removed. */
  remove(scope: string, eventId: string): Promise<MirrorResult>;
}
