import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { testApp } from '../helpers/app.js';
import { consoleChat } from '../helpers/console-chat.js';

// The console writes a reply's files into the folder it is told (the current one in `npm start`).
const filesDir = mkdtempSync(join(tmpdir(), 'yomikai-console-files-'));
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

describe('reading sessions in the console chat', () => {
  it('add in Japanese, confirmed time, list, RSVP by number, reminders in the terminal at their time, ics file', async () => {
    // Tuesday 2026-12-01 09:00 in Tokyo.
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const app = testApp({ YOMIKAI_TIMEZONE: 'Asia/Tokyo' }, clock);
    const { input, screen, done, say } = consoleChat(app, { lang: 'ja', filesDir });

    const added = await say('/reading add title:"X3D" when:"金曜 20時" paper:X3D presenter:Aiko', 'セッション #1');
    expect(added).toContain('2026-12-04 (金) 20:00 Asia/Tokyo');
    expect(added).toContain('https://arxiv.org/abs/2004.04730');
    expect(added).toMatch(/\[1\] 参加 \(0\) {2}\[2\] 未定 \(0\) {2}\[3\] 不参加 \(0\)/);

    const rsvp = await say('1', '参加 1 · 未定 0 · 不参加 0');
    expect(rsvp).toContain('「参加」で登録しました');
    const listed = await say('/reading list', '読み会 (1 件)');
    expect(listed).toContain('#1 X3D');
    expect(listed).toContain('2026-12-04 (金) 20:00 Asia/Tokyo');

    // 24 h before (Thursday 20:00 Tokyo = 11:00 UTC) the reminder appears in the terminal.
    clock.set('2026-12-03T11:00:00Z');
    let from = screen.text.length;
    await app.tick();
    await screen.waitFor('あと 1d: X3D', from);
    const reminder = screen.text.slice(from);
    expect(reminder).toContain('発表者');
    expect(reminder).toContain('Aiko');
    expect(reminder).toContain('出欠を登録できます');

    // Its buttons are now what the numbers press.
    const maybe = await say('2', '参加 0 · 未定 1 · 不参加 0');
    expect(maybe).toContain('「未定」で登録しました');

    clock.set('2026-12-04T11:00:00Z');
    from = screen.text.length;
    await app.tick();
    await screen.waitFor('まもなく開始: X3D', from);
    expect(screen.text.slice(from)).not.toContain('あと 1d');

    const ics = await say('/reading ics', 'ファイルを書き出しました');
    expect(ics).toContain(join(filesDir, 'yomikai-reading.ics'));
    expect(existsSync(join(filesDir, 'yomikai-reading.ics'))).toBe(true);

    input.end();
    await done;
    app.close();
  });

  it('/reading list turns its pages with buttons, pressed by number', async () => {
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const app = testApp({ YOMIKAI_TIMEZONE: 'Asia/Tokyo' }, clock);
    const { input, done, say } = consoleChat(app, { lang: 'en' });
    for (let day = 10; day <= 18; day++) await say(`/reading add title:"Paper ${day}" when:"2026-12-${day} 20:00"`, `Session #${day - 9}`);

    const first = await say('/reading list', 'Reading sessions (9)');
    expect(first).toContain('Paper 17');
    expect(first).not.toContain('Paper 18');
    const next = /\[(\d+)\] Next ▶/.exec(first);
    expect(next).not.toBeNull();
    const second = await say(next![1]!, 'Paper 18');
    expect(second).toContain('Reading sessions (9)');
    expect(second).not.toContain('Paper 10');

    input.end();
    await done;
    app.close();
  });
});
