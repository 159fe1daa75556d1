import { afterAll, describe, expect, it } from 'vitest';
import { replyText, run, testApp } from '../helpers/app.js';
import { ConsoleSession } from '../../src/adapters/console/session.js';

const app = testApp();
afterAll(() => app.close());

describe('/model', () => {
  it('shows the X3D paper: title, first author, year, venue, arXiv link and the survey point', async () => {
    const result = await run(app, '/model X3D');
    expect(result.status).toBe('ok');
    const { reply } = result;
    expect(reply.kind).toBe('model');
    expect(reply.title).toBe('X3D');
    expect(reply.url).toBe('https://arxiv.org/abs/2004.04730');
    const fields = Object.fromEntries((reply.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields['Paper']).toBe('X3D: Expanding Architectures for Efficient Video Recognition');
    expect(fields['Authors']).toContain('Christoph Feichtenhofer');
    expect(fields['Year']).toBe('2020');
    expect(fields['Venue']).toBe('CVPR 2020');
    expect(reply.text).toMatch(/resolution/i);
    expect(reply.links?.map((l) => l.url)).toContain('https://arxiv.org/abs/2004.04730');
  });

  it.each([
    ['x3d', 'X3D'],
    ['slowfst', 'SlowFast Networks'],
    ['effcientnet', 'EfficientNet'],
    ['detr', 'DETR'],
    ['nerf', 'NeRF'],
    ['Ｘ３Ｄ', 'X3D'],
    ['Quo Vadis', 'I3D'],
    ['ナーフ', 'NeRF'],
    ['two-stream', 'Two-Stream ConvNet'], // not a choice with I3D, whose long name merely starts so
  ])('%s finds %s', async (query, title) => {
    const { reply, status } = await run(app, `/model ${query}`);
    expect(status).toBe('ok');
    expect(reply.title).toBe(title);
  });

  it('shows where the survey wrote it differently, with readable labels', async () => {
    const fields = Object.fromEntries(((await run(app, '/model i3d')).reply.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields['The survey wrote']).toMatch(/^Paper: Wuo Vadis, Acition Recognition\?/);
  });

  it('answers in Japanese with --lang ja', async () => {
    const result = await run(app, '/model X3D', 'ja');
    expect(result.lang).toBe('ja');
    expect(replyText(result)).toContain('論文');
    expect(replyText(result)).toContain('動画認識');
  });

  it('lists candidates for an ambiguous name instead of guessing', async () => {
    const { reply, status } = await run(app, '/model efficient');
    expect(status).toBe('ok');
    expect(reply.kind).toBe('list');
    const names = (reply.fields ?? []).map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['EfficientNet', 'EfficientDet', 'Efficient DETR']));
  });

  it('suggests close names when nothing matches', async () => {
    const { reply, status } = await run(app, '/model mobilenetttt');
    expect(status).toBe('user-error');
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toMatch(/Nothing in the catalog matches "mobilenetttt"/);
    expect(reply.text).toContain('Did you mean:');
    expect(reply.text).toContain('• /model MobileNet');
    expect(reply.text?.split('\n').filter((line) => line.startsWith('•')).length).toBeLessThanOrEqual(3);
  });
});

describe('/dataset', () => {
  it('lists semantic and instance segmentation datasets with classes and size for "segmentation"', async () => {
    const result = await run(app, '/dataset segmentation');
    expect(result.status).toBe('ok');
    const text = replyText(result);
    for (const name of ['ADE20K', 'Cityscapes', 'SUN', 'SIFT Flow', 'Open Images']) expect(text).toContain(name);
    expect(text).toMatch(/Semantic segmentation/);
    expect(text).toMatch(/Instance segmentation/);
    expect(text).toMatch(/150 classes/); // ADE20K's benchmark classes
    expect(text).toMatch(/2,785,498 masks/); // Open Images V6 instance masks, not its classification figures
  });

  it('finds a task from a Japanese query', async () => {
    const text = replyText(await run(app, '/dataset 医療画像'));
    for (const name of ['LUNA16', 'PadChest', 'BIMCV']) expect(text).toContain(name);
  });

  it('shows one dataset for a dataset name', async () => {
    const { reply } = await run(app, '/dataset coco');
    expect(reply.kind).toBe('dataset');
    expect(reply.title).toMatch(/COCO/);
    expect(reply.url).toBe('https://arxiv.org/abs/1405.0312');
  });
});

describe('/topic and /search', () => {
  it('lists the seven sections without a name', async () => {
    const { reply } = await run(app, '/topic');
    expect(reply.fields).toHaveLength(7);
    expect(reply.fields?.[0]?.name).toMatch(/^1\. Video recognition/);
  });

  it('opens a section by an alias, with its entries', async () => {
    const text = replyText(await run(app, '/topic nerf'));
    expect(text).toContain('KiloNeRF');
    expect(text).toContain('DietNeRF');
  });

  it('takes a typed page:N on paged commands, and explains a page past the end', async () => {
    const second = await run(app, '/search net page:2');
    expect(second.status).toBe('ok');
    expect(second.reply.footer).toMatch(/^Page 2 of \d+$/);
    const past = await run(app, '/dataset segmentation page:9');
    expect(past.status).toBe('user-error');
    expect(past.reply.text).toBe('There is no page 9: this list has 1.');
  });

  it('opens a section by its number', async () => {
    const { reply } = await run(app, '/topic 6');
    expect(reply.title).toBe('6. Object-oriented representation learning');
  });

  it('says "one dataset" rather than "1 datasets"', async () => {
    const { reply } = await run(app, '/dataset machine translation');
    expect(reply.text).toBe('One dataset in the survey is filed under Machine translation.');
  });

  it('groups search results by kind', async () => {
    const { reply } = await run(app, '/search nerf');
    const groups = (reply.fields ?? []).map((f) => f.name);
    expect(groups.some((g) => g.startsWith('Models and methods'))).toBe(true);
    expect(groups.some((g) => g.startsWith('Sections'))).toBe(true);
  });

  it('pages long search results with buttons that re-run the query for the next page', async () => {
    const session = new ConsoleSession(app, 'en');
    const first = await session.handle('/search net');
    if (first.type !== 'result') throw new Error('no result');
    const buttons = first.result.reply.buttons ?? [];
    expect(buttons.map((b) => [b.id, Boolean(b.disabled)])).toEqual([
      ['p2:search:0:en:net', true],
      ['p2:search:2:en:net', false],
    ]);
    const pressed = await session.handle('2'); // the console presses the second button
    if (pressed.type !== 'result') throw new Error('no result');
    expect(pressed.result.reply.footer).toMatch(/^Page 2 of \d+$/);
    const names = (result: typeof pressed.result) => (result.reply.fields ?? []).map((f) => f.value).join('\n');
    expect(names(pressed.result)).not.toBe(names(first.result));
  });
});

describe('/help and /settings', () => {
  it('lists every command', async () => {
    const { reply } = await run(app, '/help');
    const names = (reply.fields ?? []).map((f) => f.name.split(' ')[0]);
    expect(names).toEqual(app.registry.names().map((n) => `/${n}`));
  });

  it('explains one command with an example', async () => {
    const text = replyText(await run(app, '/help dataset'));
    expect(text).toContain('/dataset <query>');
    expect(text).toContain('/dataset segmentation');
  });

  it('saves language and time zone, and replies in the new language', async () => {
    const local = testApp();
    const result = await run(local, '/settings language:ja timezone:asia/tokyo');
    expect(result.status).toBe('ok');
    expect(replyText(result)).toContain('Asia/Tokyo');
    expect(replyText(result)).toContain('保存しました');
    expect(local.settings.get('console:local')).toEqual({ language: 'ja', timezone: 'Asia/Tokyo' });
    local.close();
  });
});
