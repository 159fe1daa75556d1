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
