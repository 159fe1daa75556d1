/** English messages of the reading-session time layer (when, repeat); merged into en.ts. */
export const readingTimeEn = {
  'error.when.unparseable': 'Could not read "{value}" as a date and time. Examples: when:"next Friday 20:00", when:"tomorrow 19:30", when:"2026-12-04 20:00", when:"金曜 20時".',
  'error.when.past': '"{value}" is {time}, which has already passed. Give a time in the future, e.g. when:"next Friday 20:00".',
  'error.when.impossibleDate': '"{date}" is not a real date — that month has no such day. Check the day, e.g. when:"2027-02-28 20:00".',
  'error.when.halfUnderstood': 'Only part of "{value}" was understood: "{leftover}" was not. Give just the date and time, e.g. when:"next Friday 20:00" (put a place in the title instead).',
  'error.when.zoneInText': '"{value}" names a time zone inside the time. Give the zone with the timezone option instead, e.g. when:"next Friday 20:00" timezone:America/New_York.',
  'error.when.needDay': '"{value}" does not name a day. Give a date or a weekday with the time, e.g. when:"2027-01-08 20:00" or when:"next Friday 20:00".',
  'error.when.needTime': '"{value}" has a day but no time. Add a 24-hour time, e.g. when:"{example}".',
  'error.when.weekdayMismatch': '"{value}" does not add up: {date} is a {weekday}. Give the date or the weekday alone, e.g. when:"{example}".',
  'error.when.skippedTime': '{time} does not exist on {date} in {zone}: the clocks jump forward for daylight saving time. Choose another time, e.g. when:"{example}".',
  'error.repeat.bad': 'Could not read "{value}" as a repeat. Use weekly, biweekly, monthly or weekdays such as mon,thu, optionally with an end: repeat:"weekly until 2027-03-31" or repeat:"weekly x10".',
  'error.repeat.badEnd': '"{value}" does not end the series clearly: give either an end date (until 2027-03-31) or a number of sessions from 1 to {max} (x10), not both. Example: repeat:"biweekly x6".',
  'error.repeat.endBeforeStart': 'The series would end on {until}, before its first session on {start}. Give a later end, e.g. repeat:"weekly until {example}".',
  'error.repeat.startNotInDays': 'The first session is on a {weekday}, which is not one of the repeat days ({days}). Start on one of those days, or add it, e.g. repeat:"{example}".',
} as const;
