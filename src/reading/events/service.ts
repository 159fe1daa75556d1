import type { Clock } from '../../core/clock.js';
import type { Place } from '../../core/invocation.js';
import { withDeadline } from '../../schedule/deadline.js';
import type { EventSettingsStore } from '../store/guild-events.js';
import type { GuildEventSync } from './sync.js';

/** How long /reading add waits for a permission check it has no answer for yet: the reply must not wait long. */
const HINT_CHECK_MS = 1_500;

/**
 * What the commands see of the events mirror: the per-server switch and the
 * one-time hint. A place whose platform has no events list (Slack, the
 * console) or that is a DM has neither.
 */
export class ReadingEventsService {
  constructor(private readonly deps: { settings: EventSettingsStore; sync: GuildEventSync; clock: Clock }) {}

  /** This place's platform keeps an events list of its own (a Discord server). */
  available(place: Place): boolean {
    return !place.scope.startsWith('dm:') && this.deps.sync.mirrorOf(place.platform) !== undefined;
  }

  enabled(place: Place): boolean {
    return this.deps.settings.enabled(place.platform, place.scope);
  }

  /** Turns the mirror on or off for the whole server; the next pass creates or removes the events. */
  setEnabled(place: Place, on: boolean): void {
    this.deps.settings.setEnabled(place.platform, place.scope, on);
    this.deps.sync.poke();
  }

  /**
   * True once per server, when the mirror is on but the bot may not manage
   * events there: /reading add then says how to turn it on (or off). The
   * last check's answer is used; without one, the platform is asked briefly.
   */
  async hintFor(place: Place): Promise<boolean> {
    const mirror = this.deps.sync.mirrorOf(place.platform);
    if (!mirror || !this.available(place) || !this.enabled(place)) return false;
    const { settings } = this.deps;
    let permission = settings.permission(place.platform, place.scope);
    if (permission === undefined) {
      const asked = await withDeadline(mirror.permission(place.scope), HINT_CHECK_MS, () => 'unknown' as const);
      if (asked === 'unknown') return false;
      settings.setPermission(place.platform, place.scope, asked);
      permission = asked;
    }
    return permission === 'missing' && settings.takeHint(place.platform, place.scope, this.deps.clock.now());
  }
}
