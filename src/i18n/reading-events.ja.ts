/** Japanese messages of sessions mirrored into Discord's Events list; merged into ja.ts. */
export const readingEventsJa = {
  'cmd.reading.events.description': 'このサーバーの Discord イベント一覧にセッションを載せる/やめる(管理者)',
  'cmd.reading.events.example': '/reading events state:off',
  'cmd.reading.events.state': 'on(既定)または off',
  'reading.events.on': 'このサーバーのセッションをイベント一覧にも載せます(Discord 自身のリマインダーや「興味あり」が使えます)。ボットに「イベントの管理」権限が必要です。',
  'reading.events.off': 'このサーバーのセッションはイベント一覧に載せません。ボットが作ったイベントは1分ほどで削除されます。',
  'reading.events.none': 'このプラットフォームには独自のイベント一覧がないため、ここで切り替えるものはありません。リマインダーと /reading ics はこれまでどおり使えます。',
  'reading.events.hint': 'ヒント: yomikai に「イベントの管理」権限を与えると(サーバー設定 → ロール)、セッションがこのサーバーのイベント一覧にも載ります。不要なら /reading events state:off で止められます。',
  'reading.event.paper': '論文: {paper}',
  'reading.event.presenter': '発表者: {name}',
} as const;
