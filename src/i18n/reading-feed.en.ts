/** English messages of the reading group's calendar feed (/reading feed), merged into en.ts. */
export const readingFeedEn = {
  'cmd.reading.feed.description': 'A calendar address for this channel’s sessions, kept up to date in your calendar app',
  'cmd.reading.feed.example': '/reading feed',
  'cmd.reading.feed.action': 'rotate: end every address of this channel’s feed and make a new one (managers)',
  'error.reading.feed.managersOnly': 'Only managers can rotate the calendar feed: it ends the address every member subscribed to.',
  'reading.feed.title': 'Calendar feed for this channel',
  'reading.feed.intro': 'Subscribe once and edits, skips and cancellations reach your calendar by themselves (calendar apps check every few hours). This address is yours: keep it private — anyone with it can read the schedule. Asking again makes you a new address and ends this one.',
  'reading.feed.rotated': 'Every earlier address of this channel’s feed has stopped working. Share this new one, or ask members to run /reading feed again.',
  'reading.feed.webcal': 'Subscribe (webcal)',
  'reading.feed.https': 'Address (https)',
  'reading.feed.howto': 'How to subscribe',
  'reading.feed.google': 'Google Calendar: Other calendars → + → From URL, paste the https address.',
  'reading.feed.apple': 'Apple Calendar: open the webcal link, or File → New Calendar Subscription and paste it.',
  'reading.feed.outlook': 'Outlook: Add calendar → Subscribe from web, paste the https address.',
  'reading.feed.noPublicUrl': 'A calendar feed needs an address the internet can reach, and this bot has none set. Whoever runs the bot: set PUBLIC_URL to the https address that reaches its HTTP server (e.g. PUBLIC_URL=https://yomikai.example.org, with /reading/feed/ sent to HEALTH_PORT, FEED_PORT or Slack’s PORT), then restart. Until then, /reading ics gives a one-off calendar file.',
} as const;
