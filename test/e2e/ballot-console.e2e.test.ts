import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { testApp } from '../helpers/app.js';
import { consoleChat } from '../helpers/console-chat.js';

describe('nominate and vote in the console chat', () => {
  it('nominate in Japanese, open a vote, vote by number, the result at the close', async () => {
    // Tuesday 2026-12-01 09:00 in Tokyo.
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const app = testApp({ YOMIKAI_TIMEZONE: 'Asia/Tokyo' }, clock);
    const { input, screen, done, say } = consoleChat(app, { lang: 'ja' });

    expect(await say('/reading nominate paper:X3D note:"動画の効率化"', '推薦しました')).toContain('メモ: 動画の効率化');
    await say('/reading nominate paper:2104.00680', 'arXiv:2104.00680');
    const opened = await say('/reading vote closes:"金曜 18時"', '投票: 次に読む論文は?');
    expect(opened).toContain('2026-12-04 (金) 18:00 Asia/Tokyo');
    expect(opened).toContain('[1] 1. X3D(0)');
    expect(opened).toContain('候補の番号を入力すると投票できます');
    expect(await say('2', 'あなたの票')).toContain('arXiv:2104.00680');

    clock.set('2026-12-04T09:00:00Z');
    const from = screen.text.length;
    await app.tick();
    await screen.waitFor('投票結果: arXiv:2104.00680', from);
    expect(screen.text.slice(from)).toContain('1 票中 1 票で arXiv:2104.00680 に決まりました');

    input.end();
    await done;
    app.close();
  });
});
