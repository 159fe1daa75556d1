/** 読み会の日時まわり（when・repeat）の日本語メッセージ。ja.ts にまとめられる。 */
export const readingTimeJa = {
  'error.when.unparseable': '「{value}」を日時として読めません。例: when:"金曜 20時"、when:"明日の19時半"、when:"12月4日 20:00"、when:"next Friday 20:00"',
  'error.when.past': '「{value}」は {time} で、もう過ぎています。これから先の日時を指定してください。例: when:"来週の金曜 20時"',
  'error.when.impossibleDate': '「{date}」は存在しない日付です（その月にその日はありません）。日を確かめてください。例: when:"2027-02-28 20:00"',
  'error.when.halfUnderstood': '「{value}」の一部しか読めませんでした（「{leftover}」が読めません）。日時だけを指定してください。例: when:"来週の金曜 20時"（場所などはタイトルへ）',
  'error.when.zoneInText': '「{value}」には時刻の中にタイムゾーンがあります。タイムゾーンは timezone で指定してください。例: when:"来週の金曜 20時" timezone:Asia/Tokyo',
  'error.when.needDay': '「{value}」では日が決まりません。日付か曜日を時刻と一緒に指定してください。例: when:"2027-01-08 20:00"、when:"来週の金曜 20時"',
  'error.when.needTime': '「{value}」には日付はありますが時刻がありません。24時間制の時刻を加えてください。例: when:"{example}"',
  'error.when.weekdayMismatch': '「{value}」は食い違っています: {date} は{weekday}です。日付か曜日のどちらかだけを指定してください。例: when:"{example}"',
  'error.when.skippedTime': '{zone} では {date} の {time} は夏時間への切り替えで存在しません。別の時刻を指定してください。例: when:"{example}"',
  'error.repeat.bad': '「{value}」を繰り返しとして読めません。weekly（毎週）、biweekly（隔週）、monthly（毎月）、または mon,thu / 月,木 のような曜日で、終わりも指定できます。例: repeat:"weekly until 2027-03-31"、repeat:"毎週 10回"',
  'error.repeat.badEnd': '「{value}」では終わりがはっきりしません。終了日（until 2027-03-31）か、1〜{max} の回数（x10、10回）のどちらか一方を指定してください。例: repeat:"biweekly x6"',
  'error.repeat.endBeforeStart': '繰り返しの終わり（{until}）が初回（{start}）より前です。もっと後の日を指定してください。例: repeat:"weekly until {example}"',
  'error.repeat.startNotInDays': '初回は{weekday}ですが、繰り返しの曜日（{days}）に含まれていません。その曜日から始めるか、曜日を加えてください。例: repeat:"{example}"',
} as const;
