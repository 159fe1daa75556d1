import { describe, expect, it } from 'vitest';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';
import { ManualClock } from '../../src/core/clock.js';
import { replyText } from '../helpers/app.js';
import { AIKO, BEN, readingHarness, say, sessionCount } from './harness.js';

// Now: Tuesday 2026-12-01 09:00 in Tokyo.
const NOW = '2026-12-01T00:00:00Z';

describe('/reading add refuses bad input clearly and stores nothing', () => {
  const cases: { name: string; line: string; en: RegExp; ja: RegExp; suggests?: string }[] = [
    { name: 'a past time', line: '/reading add title:X when:"2026-11-30 20:00"', en: /already passed/, ja: /過ぎ/ },
    { name: '31 Feb', line: '/reading add title:X when:"2027-02-31 20:00"', en: /not a real date/, ja: /日付/ },
    { name: 'an unparseable when', line: '/reading add title:X when:"whenever suits"', en: /Could not read "whenever suits"/, ja: /whenever suits/ },
    { name: 'a misspelt zone', line: '/reading add title:X when:"2026-12-04 20:00" timezone:Asia/Tokio', en: /Unknown time zone "Asia\/Tokio"/, ja: /Asia\/Tokio/, suggests: 'Asia/Tokyo' },
    { name: 'an empty title', line: '/reading add title:"  " when:"2026-12-04 20:00"', en: /title/, ja: /title/ },
    { name: 'a 2,000-character title', line: `/reading add title:"${'x'.repeat(2000)}" when:"2026-12-04 20:00"`, en: /too long \(2000 characters\); at most 200/, ja: /2000/ },
    { name: 'an unknown paper', line: '/reading add title:X when:"2026-12-04 20:00" paper:X3D-Mega', en: /Nothing in the catalog matches "X3D-Mega" for \/reading add/, ja: /X3D-Mega/ },
    { name: 'a repeat ending before its start', line: '/reading add title:X when:"2026-12-04 20:00" repeat:"weekly until 2026-12-02"', en: /before its first session/, ja: /2026-12-02/ },
  ];

  for (const c of cases) {
    it(`${c.name} (en and ja)`, async () => {
      const h = readingHarness(new ManualClock(NOW));
      for (const [lang, pattern] of [['en', c.en], ['ja', c.ja]] as const) {
        const result = await say(h.app, c.line, { lang });
        expect(result.status, replyText(result)).toBe('user-error');
        expect(result.reply.ephemeral).toBe(true);
        expect(replyText(result)).toMatch(pattern);
        if (c.suggests) expect(replyText(result)).toContain(c.suggests);
      }
      expect(sessionCount(h.app)).toBe(0);
      h.app.close();
    });
  }

  it('a misspelt paper is found the way /model finds it, and the confirmation names what was understood', async () => {
    const h = readingHarness(new ManualClock(NOW));
    const result = await say(h.app, '/reading add title:X when:"2026-12-04 20:00" paper:SlowFsat');
    expect(result.status).toBe('ok');
    expect(result.reply.fields?.find((f) => f.name === 'Paper')?.value).toMatch(/^SlowFast Networks — https:\/\/arxiv\.org\/abs\//);
    h.app.close();
  });

  it('@everyone and <!channel> in a title are shown but never ping', async () => {
    const h = readingHarness(new ManualClock(NOW));
    const result = await say(h.app, '/reading add title:"@everyone <!channel> read X3D" when:"2026-12-04 20:00"');
    expect(result.status).toBe('ok');
    expect(result.reply.title).toBe('@everyone <!channel> read X3D');
    const [discord] = renderDiscord(result.reply);
    expect(discord?.allowed_mentions).toEqual({ parse: [] });
    expect(discord?.content).toBeUndefined();
    expect(discord?.embeds[0]?.title).not.toContain('@everyone');
    const slack = JSON.stringify(renderSlack(result.reply));
    expect(slack).not.toContain('<!channel>');
    expect(slack).toContain('&lt;!channel&gt;');
    h.app.close();
  });

  it('only the creator or a manager may cancel or change a session', async () => {
    const h = readingHarness(new ManualClock(NOW));
    await say(h.app, '/reading add title:X3D when:"2026-12-04 20:00"', { actor: AIKO });
    for (const line of ['/reading cancel session:1', '/reading edit session:1 when:"2026-12-05 20:00"', '/reading skip session:1']) {
      const refused = await say(h.app, line, { actor: BEN });
      expect(refused.status).toBe('user-error');
      expect(replyText(refused)).toContain('added by someone else');
    }
    expect((await say(h.app, '/reading list', { actor: BEN })).reply.fields?.[0]?.value).toContain('2026-12-04 (Fri) 20:00');
    expect((await say(h.app, '/reading cancel session:1', { actor: { ...BEN, manager: true } })).status).toBe('ok');
    expect(replyText(await say(h.app, '/reading list'))).toContain('No sessions planned');
    h.app.close();
  });
});
