import type { readingFeedEn } from './reading-feed.en.js';

/** 読み会カレンダーフィード(/reading feed)の日本語メッセージ(ja.ts に取り込まれる)。 */
export const readingFeedJa: { readonly [K in keyof typeof readingFeedEn]: string } = {
  'cmd.reading.feed.description': 'このチャンネルの読み会をカレンダーアプリで購読するアドレス(変更も自動で反映)',
  'cmd.reading.feed.example': '/reading feed',
  'cmd.reading.feed.action': 'rotate: このチャンネルのフィードのアドレスをすべて無効にして新しく作る(管理者)',
  'error.reading.feed.managersOnly': 'カレンダーフィードを作り直せるのは管理者だけです(全員が購読しているアドレスが無効になるため)。',
  'reading.feed.title': 'このチャンネルのカレンダーフィード',
  'reading.feed.intro': '一度購読すれば、変更・休み・中止はカレンダーに自動で反映されます(カレンダーアプリの確認は数時間おき)。このアドレスはあなた専用です。知っている人は誰でも予定を読めるので、人に見せないでください。もう一度実行すると新しいアドレスが作られ、このアドレスは使えなくなります。',
  'reading.feed.rotated': 'このチャンネルのフィードのこれまでのアドレスはすべて使えなくなりました。新しいアドレスを共有するか、メンバーに /reading feed をもう一度実行してもらってください。',
  'reading.feed.webcal': '購読 (webcal)',
  'reading.feed.https': 'アドレス (https)',
  'reading.feed.howto': '購読のしかた',
  'reading.feed.google': 'Google カレンダー: 他のカレンダー → + → URL で追加 に https のアドレスを貼り付け。',
  'reading.feed.apple': 'Apple カレンダー: webcal のリンクを開くか、ファイル → 新規カレンダー照会 に貼り付け。',
  'reading.feed.outlook': 'Outlook: カレンダーを追加 → Web から購読 に https のアドレスを貼り付け。',
  'reading.feed.noPublicUrl': 'カレンダーフィードにはインターネットから届くアドレスが必要ですが、このボットには設定されていません。ボットの運用者へ: PUBLIC_URL に HTTP サーバーへ届く https のアドレスを設定し(例: PUBLIC_URL=https://yomikai.example.org。/reading/feed/ を HEALTH_PORT・FEED_PORT・Slack の PORT のどれかへ転送)、再起動してください。それまでは /reading ics で一度きりのカレンダーファイルを取得できます。',
};
