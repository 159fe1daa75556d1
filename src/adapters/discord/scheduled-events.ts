import {
  DiscordAPIError,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  PermissionFlagsBits,
  type Client,
  type Guild,
} from 'discord.js';
import type { EventMirror, MirroredEvent, MirrorFailure, MirrorLookup, MirrorPermission, MirrorResult } from '../../core/event-mirror.js';
import type { Logger } from '../../core/logger.js';

/** Discord error codes the mirror answers by name. */
const FAILURES: Record<number, MirrorFailure> = {
  10070: 'gone', // Unknown Guild Scheduled Event
  50001: 'no-permission', // Missing Access
  50013: 'no-permission', // Missing Permissions
};
/** Discord's limit on an external event's location. */
const LOCATION_MAX = 100;

/**
 * Sessions in a server's Events list, through discord.js's
 * `guild.scheduledEvents`: external events (type 3, members only) named
 * after the session, with the paper and presenter in the description, the
 * channel as the location and a marker as the description's last line — a
 * retry finds an event it made before a crash by that line. Removing is a
 * DELETE (not status CANCELED, which Discord keeps and cannot undo), and one
 * already gone counts as removed.
 */
export class DiscordScheduledEvents implements EventMirror {
  constructor(
    private readonly client: Client,
    private readonly logger: Logger,
  ) {}

  /** Manage Events at the server level (what external events need), from discord.js's cache unless `fresh`. */
  async permission(scope: string, fresh = false): Promise<MirrorPermission> {
    try {
      const guild = await this.guild(scope, fresh);
      const me = !fresh && guild.members.me ? guild.members.me : await guild.members.fetchMe({ force: true });
      return me.permissions.has(PermissionFlagsBits.ManageEvents) ? 'allowed' : 'missing';
    } catch (error) {
      this.logger.warn({ scope, detail: detailOf(error) }, 'discord: could not read the bot’s permissions in a server');
      return 'unknown';
    }
  }

  async find(scope: string, marker: string): Promise<MirrorLookup> {
    try {
      const guild = await this.guild(scope);
      const events = await guild.scheduledEvents.fetch({ withUserCount: false });
      const ours = events.find((event) => event.creatorId === this.client.user?.id && (event.description ?? '').trimEnd().endsWith(marker));
      return ours ? { state: 'found', eventId: ours.id } : { state: 'absent' };
    } catch (error) {
      return { state: 'unknown', detail: detailOf(error) };
    }
  }

  async create(scope: string, event: MirroredEvent): Promise<MirrorResult> {
    try {
      const guild = await this.guild(scope);
      const created = await guild.scheduledEvents.create({
        ...(await this.fields(event)),
        privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly,
        entityType: GuildScheduledEventEntityType.External,
      });
      return { ok: true, eventId: created.id };
    } catch (error) {
      return failure(error);
    }
  }

  async update(scope: string, eventId: string, event: MirroredEvent): Promise<MirrorResult> {
    try {
      const guild = await this.guild(scope);
      const edited = await guild.scheduledEvents.edit(eventId, await this.fields(event));
      return { ok: true, eventId: edited.id };
    } catch (error) {
      return failure(error);
    }
  }

  /** What create and update both send: the event as the Events list shows it. */
  private async fields(event: MirroredEvent) {
    return {
      name: event.name,
      scheduledStartTime: event.start,
      scheduledEndTime: event.end,
      description: describe(event),
      entityMetadata: { location: await this.location(event.channel) },
    };
  }

  async remove(scope: string, eventId: string): Promise<MirrorResult> {
    try {
      const guild = await this.guild(scope);
      await guild.scheduledEvents.delete(eventId);
      return { ok: true, eventId };
    } catch (error) {
      const result = failure(error);
      return !result.ok && result.reason === 'gone' ? { ok: true, eventId } : result;
    }
  }

  private guild(scope: string, fresh = false): Promise<Guild> {
    return this.client.guilds.fetch({ guild: scope, force: fresh });
  }

  /** `#channel-name` (the location is plain text); the id when the channel cannot be read. */
  private async location(channelId: string): Promise<string> {
    const channel = await this.client.channels.fetch(channelId).catch(() => null);
    const name = channel && 'name' in channel && typeof channel.name === 'string' ? channel.name : channelId;
    return `#${name}`.slice(0, LOCATION_MAX);
  }
}

/** The feature's lines, then the marker as the last line. */
function describe(event: MirroredEvent): string {
  return [event.description, event.marker].filter((part) => part !== '').join('\n\n');
}

function failure(error: unknown): MirrorResult {
  const reason = error instanceof DiscordAPIError && typeof error.code === 'number' ? (FAILURES[error.code] ?? 'failed') : 'failed';
  return { ok: false, reason, detail: detailOf(error) };
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
