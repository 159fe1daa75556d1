import { closestNames } from './closest.js';
import { knownTimeZones } from './timezone.js';

/**
 * Zone names for "did you mean": people type the city ("tokyo", "Berlin",
 * "new york"), so match on the last part of each IANA name first.
 */
export function suggestTimeZones(input: string, limit = 3): string[] {
  const zones = knownTimeZones();
  const city = (zone: string) => (zone.split('/').pop() ?? zone).toLowerCase();
  const typed = input.trim().toLowerCase().replace(/\s+/g, '_');
  const byCity = new Map<string, string>();
  for (const zone of zones) if (!byCity.has(city(zone))) byCity.set(city(zone), zone);
  const exactCity = byCity.get(typed.split('/').pop() ?? typed);
  if (exactCity) return [exactCity];
  const close = closestNames(typed.split('/').pop() ?? typed, [...byCity.keys()], limit);
  return close.map((name) => byCity.get(name) ?? name);
}

/** Zones most study groups pick, offered before anything is typed. */
const COMMON_ZONES = [
  'Asia/Tokyo', 'UTC', 'Asia/Seoul', 'Asia/Shanghai', 'Asia/Singapore', 'Asia/Kolkata', 'Australia/Sydney',
  'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'America/Chicago', 'America/Los_Angeles',
];

/**
 * Zone names for autocomplete: those whose city starts with the text first
 * ("tok" → Asia/Tokyo), then any containing it ("america/"), alphabetically.
 */
export function completeTimeZones(text: string, limit = 25): string[] {
  const typed = text.trim().toLowerCase().replace(/\s+/g, '_');
  if (typed === '') return COMMON_ZONES.slice(0, limit);
  const zones = [...new Set([...knownTimeZones(), 'UTC'])];
  const city = (zone: string) => (zone.split('/').pop() ?? zone).toLowerCase();
  const byCity = zones.filter((zone) => city(zone).startsWith(typed));
  const containing = zones.filter((zone) => !city(zone).startsWith(typed) && zone.toLowerCase().includes(typed));
  return [...byCity.sort(), ...containing.sort()].slice(0, limit);
}
