import { BOT, GUILD_ID, nextId } from './discord-payloads.js';

/** Discord's Manage Events bit, and the id of the bot's own role in the fake server. */
export const MANAGE_EVENTS = 1n << 33n;
export const BOT_ROLE_ID = '200000000000000002';

interface Call {
  method: string;
  path: string;
  body: any;
}

/**
 * Guild scheduled events as Discord keeps them: List / Create / Get / Modify /
 * Delete under `/guilds/:id/scheduled-events`. Writes need Manage Events on
 * the bot's role (403 Missing Permissions otherwise); an external event needs
 * a location and an end time (400 otherwise); an unknown id is 404 10070.
 */
export class FakeScheduledEvents {
  /** Events as Discord holds them now, by id. */
  readonly events = new Map<string, Record<string, any>>();
  /** The bot role's permissions: Manage Events unless a test takes it away. */
  botRolePermissions = String(MANAGE_EVENTS);

  /** The bot's role, listed in the fake server's roles. */
  role() {
    return { id: BOT_ROLE_ID, name: 'yomikai', permissions: this.botRolePermissions, position: 1, color: 0, hoist: false, managed: true, mentionable: false };
  }

  list(): Record<string, any>[] {
    return [...this.events.values()];
  }

  route({ method, path, body }: Call): [number, unknown] | undefined {
    const m = /^\/v10\/guilds\/(\d+)\/scheduled-events(?:\/(\d+))?$/.exec(path);
    if (!m || m[1] !== GUILD_ID) return undefined;
    const id = m[2];
    if (method === 'GET') {
      if (!id) return [200, this.list()];
      const found = this.events.get(id);
      return found ? [200, found] : unknown();
    }
    if ((BigInt(this.botRolePermissions) & MANAGE_EVENTS) === 0n) return [403, { code: 50013, message: 'Missing Permissions' }];
    if (method === 'POST' && !id) {
      if (body?.entity_type === 3 && (!body.entity_metadata?.location || !body.scheduled_end_time)) return [400, { code: 50035, message: 'Invalid Form Body' }];
      const created = {
        id: nextId(),
        guild_id: GUILD_ID,
        channel_id: null,
        creator_id: BOT.id,
        creator: BOT,
        status: 1,
        entity_id: null,
        user_count: 0,
        image: null,
        ...pick(body, ['name', 'description', 'scheduled_start_time', 'scheduled_end_time', 'privacy_level', 'entity_type', 'entity_metadata']),
      };
      this.events.set(created.id, created);
      return [200, created];
    }
    const stored = id ? this.events.get(id) : undefined;
    if (!id || !stored) return unknown();
    if (method === 'PATCH') {
      const edited = { ...stored, ...pick(body, ['name', 'description', 'scheduled_start_time', 'scheduled_end_time', 'privacy_level', 'entity_metadata', 'status']) };
      this.events.set(id, edited);
      return [200, edited];
    }
    if (method === 'DELETE') {
      this.events.delete(id);
      return [204, undefined];
    }
    return undefined;
  }
}

function unknown(): [number, unknown] {
  return [404, { code: 10070, message: 'Unknown Guild Scheduled Event' }];
}

/** The fields of `body` that are present (undefined ones are not sent in JSON). */
function pick(body: any, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => body && body[key] !== undefined).map((key) => [key, body[key]]));
}
