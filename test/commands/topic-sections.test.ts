import { afterAll, describe, expect, it } from 'vitest';
import { replyText, run, testApp } from '../helpers/app.js';
import type { Lang } from '../../src/i18n/index.js';

/**
 * "/topic should know what a section is about" (issue 7, part 4): a section is
 * found by its entries, tasks and key terms in both languages, not only by its
 * title. Expectations are what a reader of the survey means by each query.
 */
const app = testApp();
afterAll(() => app.close());

const VIDEO = 1;
const EFFICIENT = 2;
const DATASETS = 3;
const TRANSFORMERS = 4;
const GENERATIVE = 5;
const OBJECTS = 6;
const CYCLE = 7;

async function sectionFor(query: string, lang: Lang = 'en'): Promise<number | string> {
  const result = await run(app, `/topic ${query}`, lang);
  if (result.status !== 'ok' || result.reply.kind !== 'topic') return `${result.status}: ${result.reply.title ?? result.reply.text}`;
  return Number(/^(\d+)\./.exec(result.reply.title ?? '')?.[1]);
}

describe('/topic finds what the issue found missing', () => {
  it.each([
    ['action recognition', VIDEO, 'en'],
    ['ViT', TRANSFORMERS, 'en'],
    ['slot attention', OBJECTS, 'en'],
    ['NAS', EFFICIENT, 'en'],
    ['画像翻訳', CYCLE, 'ja'],
  ] as const)('/topic %s → section %i', async (query, section, lang) => {
    expect(await sectionFor(query, lang)).toBe(section);
  });
});

describe('/topic on queries nobody tuned for', () => {
  it.each([
    // entries: models, datasets, concepts
    ['NeRF', GENERATIVE], ['x3d', VIDEO], ['Kinetics', VIDEO], ['optical flow', VIDEO], ['MobileNet', EFFICIENT],
    ['pruning', EFFICIENT], ['depthwise', EFFICIENT], ['Efficient DETR', EFFICIENT], ['DETR', TRANSFORMERS],
    ['positional encoding', TRANSFORMERS], ['attention is all you need', TRANSFORMERS], ['ImageNet', DATASETS],
    ['Hugging Face', DATASETS], ['label noise', DATASETS], ['annotation', DATASETS], ['volume rendering', GENERATIVE],
    ['CLIP', GENERATIVE], ['AIR', OBJECTS], ['foreground background', OBJECTS], ['Council-GAN', CYCLE],
    ['selfie2anime', CYCLE], ['GAN', CYCLE],
    // tasks, through the section their datasets are in
    ['image classification', DATASETS], ['medical imaging', DATASETS],
  ] as const)('/topic %s → section %i', async (query, section) => {
    expect(await sectionFor(query)).toBe(section);
  });

  it.each([
    ['枝刈り', EFFICIENT], ['自己注意', TRANSFORMERS], ['位置埋め込み', TRANSFORMERS], ['動的シーン', GENERATIVE],
    ['物体中心', OBJECTS], ['医療画像', DATASETS], ['セグメンテーション', DATASETS], ['キネティクス', VIDEO],
    ['画像変換', CYCLE], ['きねてぃくす', VIDEO], // hiragana before the IME converts it
  ] as const)('/topic %s (Japanese) → section %i', async (query, section) => {
    expect(await sectionFor(query, 'ja')).toBe(section);
  });

  it('still opens sections by title, alias and number', async () => {
    expect(await sectionFor('video')).toBe(VIDEO);
    expect(await sectionFor('Transformer')).toBe(TRANSFORMERS);
    expect(await sectionFor('サイクル一貫性', 'ja')).toBe(CYCLE);
    expect(await sectionFor('efficient')).toBe(EFFICIENT);
    expect(await sectionFor('6')).toBe(OBJECTS);
  });

  it('says nothing matches when the survey has no such subject', async () => {
    for (const query of ['reinforcement learning', '自己教師あり']) {
      const result = await run(app, `/topic ${query}`, 'ja');
      expect(result.status, query).toBe('user-error');
      expect(result.reply.ephemeral).toBe(true);
    }
  });
});

describe('/topic explains how it found a section', () => {
  it('names the entry it went through, with the alias that was typed', async () => {
    expect((await run(app, '/topic ViT')).reply.text).toMatch(/^Found through “ViT”\.\n\n/);
    expect((await run(app, '/topic NAS')).reply.text).toMatch(/^Found through “NAS” \(Neural Architecture Search\)\.\n\n/);
    expect((await run(app, '/topic 自己注意', 'ja')).reply.text).toMatch(/^「自己注意」（Self-Attention）から見つけた章です。\n\n/);
  });

  it('names a key term of the section', async () => {
    const text = replyText(await run(app, '/topic slot attention'));
    expect(text).toContain('Found through “Slot Attention”.');
    expect(text).toContain('AIR'); // the section's own entries follow
  });

  it('adds nothing when the section was asked for by its own name', async () => {
    const { reply } = await run(app, '/topic nerf');
    expect(reply.text).toMatch(/^Centres on NeRF/);
  });
});

describe('/topic when a query fits two sections equally', () => {
  it('lets the user pick, privately, with the command for each', async () => {
    // "semantic" starts a task of the datasets section and a loss of the NeRF section.
    const { reply, status } = await run(app, '/topic semantic');
    expect(status).toBe('ok');
    expect(reply.ephemeral).toBe(true);
    expect(reply.title).toBe('Several sections match "semantic". Pick one:');
    const values = (reply.fields ?? []).map((field) => field.value);
    expect(values).toEqual(expect.arrayContaining([expect.stringMatching(/^\/topic 3 — through Semantic segmentation$/), expect.stringMatching(/^\/topic 5 — through Semantic Consistency Loss$/)]));
  });
});
