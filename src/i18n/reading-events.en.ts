/** English messages of sessions mirrored into Discord's Events list; merged into en.ts. */
export const readingEventsEn = {
  'cmd.reading.events.description': 'Show sessions in this server’s Discord Events list, or stop (managers)',
  'cmd.reading.events.example': '/reading events state:off',
  'cmd.reading.events.state': 'on (the default) or off',
  'reading.events.on': 'Sessions of this server will be shown in its Events list (Discord’s own reminders and “Interested”). The bot needs the Manage Events permission for it.',
  'reading.events.off': 'Sessions of this server will no longer be shown in its Events list; the events the bot made are removed within a minute.',
  'reading.events.none': 'This platform has no events list of its own: nothing to turn on or off here. Reminders and /reading ics work as before.',
  'reading.events.hint': 'Tip: give yomikai the Manage Events permission (Server Settings → Roles) and its sessions also appear in this server’s Events list. Or turn this off with /reading events state:off.',
  'reading.event.paper': 'Paper: {paper}',
  'reading.event.presenter': 'Presenter: {name}',
} as const;
