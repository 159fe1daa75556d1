import type { Handler } from './slack.js';

export interface FakeProfile {
  /** The handle (users.info `name`). */
  name: string;
  display_name?: string;
  real_name?: string;
}

/**
 * users.info as Slack answers it, with `profile.display_name` and
 * `real_name`; counts the look-ups per user (the display-name cache is tested
 * by how rarely it asks) and fails for the users in `failing` the way a
 * token without users:read does. Spread `handlers` into slackApi.
 */
export class FakeSlackUsers {
  readonly profiles = new Map<string, FakeProfile>();
  readonly failing = new Set<string>();
  readonly lookups: string[] = [];

  readonly handlers: Record<string, Handler> = {
    'users.info': ({ body }) => {
      const id = String(body.user);
      this.lookups.push(id);
      if (this.failing.has(id)) return { ok: false, error: 'missing_scope', needed: 'users:read' };
      const profile = this.profiles.get(id);
      return {
        ok: true,
        user: {
          id,
          name: profile?.name ?? id.toLowerCase(),
          real_name: profile?.real_name ?? '',
          is_admin: false,
          is_owner: false,
          profile: { display_name: profile?.display_name ?? '', real_name: profile?.real_name ?? '' },
        },
      };
    },
  };

  lookupsOf(id: string): number {
    return this.lookups.filter((seen) => seen === id).length;
  }
}
