import { describe, expect, it } from 'vitest';
import { boundedDistance, TypoMeasure } from '../../src/catalog/search/distance.js';
import { normalize, SearchIndex, type SearchDoc } from '../../src/catalog/search/index.js';

const m = (id: string, names: string[], keywords?: string[]): SearchDoc => ({ id, kind: 'model', names, keywords });
const d = (id: string, names: string[], keywords?: string[]): SearchDoc => ({ id, kind: 'dataset', names, keywords });
const t = (id: string, names: string[]): SearchDoc => ({ id, kind: 'task', names });

/** A slice of the real catalog, with the spellings people actually type. */
const DOCS: SearchDoc[] = [
  m('x3d', ['X3D', 'エックススリーディー'], ['X3D: Expanding Architectures for Efficient Video Recognition']),
  m('slowfast', ['SlowFast', 'SlowFast Networks', 'スローファスト'], ['SlowFast Networks for Video Recognition']),
  m('detr', ['DETR', 'DEtection TRansformer'], ['End-to-End Object Detection with Transformers']),
  m('efficient-detr', ['Efficient DETR'], ['Efficient DETR: Improving End-to-End Object Detector with Dense Prior']),
  m('efficientnet', ['EfficientNet'], ['EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks']),
  m('efficientnet-v2', ['EfficientNet V2', 'EfficientNetV2'], ['EfficientNetV2: Smaller Models and Faster Training']),
  m('efficientdet', ['EfficientDet'], ['EfficientDet: Scalable and Efficient Object Detection']),
  m('nerf', ['NeRF', 'ナーフ', 'Neural Radiance Fields'], ['NeRF: Representing Scenes as Neural Radiance Fields']),
  m('kilonerf', ['KiloNeRF'], ['KiloNeRF: Speeding up Neural Radiance Fields with Thousands of Tiny MLPs']),
  m('nerf-minus-minus', ['NeRF--', 'NeRF minus minus'], ['NeRF--: Neural Radiance Fields Without Known Camera Parameters']),
  m('r2plus1d', ['R(2+1)D', 'R2plus1D', 'R2+1D'], ['A Closer Look at Spatiotemporal Convolutions for Action Recognition']),
  m('mobilenet', ['MobileNet', 'MobileNetV1'], ['MobileNets: Efficient Convolutional Neural Networks for Mobile Vision']),
  m('mobilenet-v2', ['MobileNetV2', 'MobileNet V2'], ['MobileNetV2: Inverted Residuals and Linear Bottlenecks']),
  m('transformer', ['Transformer', 'トランスフォーマー'], ['Attention Is All You Need']),
  m('vit', ['ViT', 'Vision Transformer'], ['An Image is Worth 16x16 Words']),
  m('video-swin', ['Video Swin Transformer', 'Video Swin']),
  m('dall-e', ['DALL·E', 'DALL-E', 'DALLE']),
  m('i3d', ['I3D', 'Inflated 3D ConvNet', 'Two-Stream Inflated 3D ConvNet']),
  m('c3d', ['C3D']),
  m('timesformer', ['TimeSformer']),
  d('kinetics', ['Kinetics', 'Kinetics-400', 'Kinetics-700']),
  d('mscoco', ['MS COCO', 'COCO', 'Microsoft COCO'], ['Microsoft COCO: Common Objects in Context']),
  d('imagenet', ['ImageNet', 'ILSVRC']),
  d('ucf101', ['UCF101', 'UCF-101']),
  d('ade20k', ['ADE20K']),
  t('semantic-segmentation', ['semantic segmentation', 'セマンティックセグメンテーション']),
  t('instance-segmentation', ['instance segmentation', 'インスタンスセグメンテーション']),
  t('action-recognition', ['action recognition', '行動認識']),
  t('medical-imaging', ['medical imaging', '医療画像']),
  t('object-detection', ['object detection', '物体検出']),
];

const index = new SearchIndex(DOCS);
const top = (query: string) => index.search(query)[0]?.id;

describe('normalize', () => {
  it.each([
    ['R(2+1)D', 'r2plus1d'],
    ['r2+1d', 'r2plus1d'],
    ['Ｒ（２＋１）Ｄ', 'r2plus1d'],
    ['EfficientNet-V2', 'efficientnetv2'],
    ['ＥｆｆｉｃｉｅｎｔＮｅｔ', 'efficientnet'],
    ['DALL·E', 'dalle'],
    ['NeRF--', 'nerfminusminus'],
    ['セマンティック・セグメンテーション', 'セマンティックセグメンテーション'],
    ['ｾｸﾞﾒﾝﾃｰｼｮﾝ', 'セグメンテーション'],
    ['X\u200b3\u200dD 🚀', 'x3d'],
    ['👍🏽', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('search: the query table', () => {
  it.each([
    // exact names and aliases, any casing
    ['X3D', 'x3d'], ['x3d', 'x3d'], ['slowfast', 'slowfast'], ['SLOWFAST', 'slowfast'], ['coco', 'mscoco'],
    ['ms-coco', 'mscoco'], ['ILSVRC', 'imagenet'], ['ucf-101', 'ucf101'], ['dall-e', 'dall-e'], ['DALLE', 'dall-e'],
    // tier order: exact beats longer names that contain the query
    ['detr', 'detr'], ['nerf', 'nerf'], ['efficientnet', 'efficientnet'], ['mobilenet', 'mobilenet'],
    ['NeRF--', 'nerf-minus-minus'], ['nerf minus minus', 'nerf-minus-minus'],
    // punctuation and "+"
    ['R(2+1)D', 'r2plus1d'], ['r2+1d', 'r2plus1d'], ['R2plus1D', 'r2plus1d'], ['r 2+1 d', 'r2plus1d'],
    // prefixes, words, keywords
    ['slowf', 'slowfast'], ['video swin', 'video-swin'], ['vision transformer', 'vit'], ['attention is all you need', 'transformer'],
    // typos
    ['slowfst', 'slowfast'], ['effcientnet', 'efficientnet'], ['mobilnet', 'mobilenet'], ['trasformer', 'transformer'],
    ['Kinetcs', 'kinetics'], ['timesfromer', 'timesformer'],
    // full width
    ['ＳｌｏｗＦａｓｔ', 'slowfast'], ['Ｘ３Ｄ', 'x3d'],
    // Japanese
    ['行動認識', 'action-recognition'], ['医療画像', 'medical-imaging'], ['医療', 'medical-imaging'], ['ナーフ', 'nerf'],
    ['セマンティックセグメンテーション', 'semantic-segmentation'], ['トランスフォーマ', 'transformer'],
    // hiragana typed before the IME converts it to katakana
    ['なーふ', 'nerf'], ['せまんてぃっくせぐめんてーしょん', 'semantic-segmentation'],
    // invisible noise
    ['Slow\u200bFast', 'slowfast'], ['🔥 NeRF 🔥', 'nerf'], ['\ufeffdetr\u2060', 'detr'],
  ])('%s → %s', (query, expected) => {
    expect(top(query)).toBe(expected);
  });
});

describe('search: ranking and shape', () => {
  it('lists the exact name before names that merely contain it', () => {
    expect(index.search('nerf').map((hit) => hit.id).slice(0, 3)).toEqual(['nerf', 'nerf-minus-minus', 'kilonerf']);
    expect(index.search('detr').map((hit) => hit.id).slice(0, 2)).toEqual(['detr', 'efficient-detr']);
    expect(index.search('efficientnet').map((hit) => hit.id).slice(0, 2)).toEqual(['efficientnet', 'efficientnet-v2']);
  });

  it('says how each hit matched and what text matched', () => {
    expect(index.search('coco')[0]).toMatchObject({ id: 'mscoco', how: 'exact', matched: 'COCO' });
    expect(index.search('slowf')[0]).toMatchObject({ how: 'prefix', matched: 'SlowFast' });
    expect(index.search('kilo')[0]?.how).toBe('prefix');
    expect(index.search('nerf').find((hit) => hit.id === 'kilonerf')?.how).toBe('substring');
    expect(index.search('mobilnet')[0]).toMatchObject({ id: 'mobilenet', how: 'fuzzy' });
  });

  it('scores an exact name above an alias, and every tier above the next', () => {
    const name = index.search('mscoco')[0]!.score;
    const alias = index.search('coco')[0]!.score;
    const prefix = index.search('slowf')[0]!.score;
    const fuzzy = index.search('slowfst')[0]!.score;
    expect(name).toBeGreaterThan(alias);
    expect(alias).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(fuzzy);
  });

  it('returns one hit per id, best first, within the limit', () => {
    const hits = index.search('efficient');
    expect(new Set(hits.map((hit) => hit.id)).size).toBe(hits.length);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
    expect(index.search('e', { limit: 3 })).toHaveLength(3);
    expect(index.search('e').length).toBeLessThanOrEqual(10);
    expect(index.search('e', { limit: 0 })).toEqual([]);
  });

  it('finds CJK substrings shared by several tasks', () => {
    const ids = index.search('セグメンテーション').map((hit) => hit.id);
    expect(ids).toEqual(expect.arrayContaining(['semantic-segmentation', 'instance-segmentation']));
  });

  it('filters by kind', () => {
    expect(index.search('kinetics', { kinds: ['model'] })).toEqual([]);
    expect(index.search('detection', { kinds: ['task'] }).map((hit) => hit.id)).toEqual(['object-detection']);
    expect(index.search('efficient', { kinds: ['dataset'] })).toEqual([]);
  });

  it('never fuzzes very short queries', () => {
    expect(index.search('x4').map((hit) => hit.how)).not.toContain('fuzzy');
    expect(index.search('zz')).toEqual([]);
  });

  it('gives nothing for empty or noise-only input', () => {
    for (const query of ['', '   ', '---', '\u200b\u200d', '🔥🚀', '・・・']) expect(index.search(query)).toEqual([]);
    expect(index.best('')).toBeUndefined();
    expect(index.complete('')).toEqual([]);
  });

  // How long these take is measured by `npm run bench` (runLongQueryBench), not asserted here.
  it('cuts a 5,000-character query to its first 512 characters before matching', () => {
    for (const query of ['a'.repeat(5000), 'efficientnet '.repeat(400), '行動認識'.repeat(1250), '🔥'.repeat(2500)]) {
      const hits = index.search(query);
      expect(hits).toEqual(index.search(query.slice(0, 512)));
      expect(hits.every((hit) => hit.how === 'word')).toBe(true);
    }
    expect(index.search('efficientnet '.repeat(400))[0]?.id).toBe('efficientnet');
    // The cut is what bounds the cost: text past character 512 is never looked at.
    expect(index.search(`${' '.repeat(509)}X3D`)[0]?.id).toBe('x3d');
    expect(index.search(`${' '.repeat(512)}X3D`)).toEqual([]);
  });
});

describe('best', () => {
  it.each([
    ['x3d', 'x3d'], ['coco', 'mscoco'], ['efficientnet', 'efficientnet'], ['detr', 'detr'], ['slowf', 'slowfast'],
    ['mobilnet', 'mobilenet'], ['行動認識', 'action-recognition'], ['医療', 'medical-imaging'],
  ])('%s is confidently %s', (query, expected) => {
    expect(index.best(query)?.id).toBe(expected);
  });

  it.each(['efficient', 'mobile', 'セグメンテーション', 'e', 'qwertyuiop'])('%s is ambiguous or unknown', (query) => {
    expect(index.best(query)).toBeUndefined();
  });

  it('answers within the requested kinds only', () => {
    expect(index.best('detection')?.id).toBe('detr'); // unique prefix of 'DEtection TRansformer'
    expect(index.best('detection', { kinds: ['task'] })?.id).toBe('object-detection');
    expect(index.best('efficient', { kinds: ['dataset'] })).toBeUndefined();
  });
});

describe('suggest', () => {
  it('offers at most three, tolerating one more typo than search', () => {
    expect(index.search('eficeintnte')).toEqual([]);
    const ids = index.suggest('eficeintnte').map((hit) => hit.id);
    expect(ids[0]).toBe('efficientnet');
    expect(ids.length).toBeLessThanOrEqual(3);
    expect(index.suggest('efficient')).toHaveLength(3);
    expect(index.suggest('efficient', { limit: 5 })).toHaveLength(5);
  });
});

describe('complete', () => {
  it('lists prefix matches first, shortest first, up to 25', () => {
    const hits = index.complete('e');
    expect(hits.length).toBeLessThanOrEqual(25);
    expect(hits.slice(0, 3).map((hit) => hit.id)).toEqual(['efficientdet', 'efficientnet', 'efficient-detr']);
    const firstNonPrefix = hits.findIndex((hit) => hit.how !== 'prefix');
    expect(hits.slice(firstNonPrefix).every((hit) => hit.how !== 'prefix')).toBe(true);
  });

  it('completes Japanese and narrows by kind', () => {
    expect(index.complete('行動')[0]?.id).toBe('action-recognition');
    expect(index.complete('mobile', { kinds: ['model'] }).map((hit) => hit.id)).toEqual(['mobilenet', 'mobilenet-v2']);
  });
});

describe('typo distance', () => {
  /** The textbook optimal-string-alignment table, as the reference. */
  function reference(a: string, b: string): number {
    const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const row = table[i]!;
        row[j] = Math.min(table[i - 1]![j]! + 1, row[j - 1]! + 1, table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, table[i - 2]![j - 2]! + 1);
      }
    }
    return table[a.length]![b.length]!;
  }

  it('counts a transposition as one edit', () => {
    expect(boundedDistance('trasnformer', 'transformer', 2)).toBe(1);
    expect(new TypoMeasure('slowfst').distance('slowfast', 2)).toBe(1);
    expect(new TypoMeasure('ca').distance('abc', 3)).toBe(3); // OSA, not unrestricted Damerau
  });

  it('agrees with the reference table, bit-parallel and bounded, on near-miss strings', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = 'abcdeー医';
    const letter = () => alphabet[Math.floor(random() * alphabet.length)]!;
    for (let round = 0; round < 3000; round++) {
      const a = Array.from({ length: 1 + Math.floor(random() * 31) }, letter).join('');
      const edited = [...a];
      for (let edits = Math.floor(random() * 4); edits > 0; edits--) {
        const at = Math.floor(random() * edited.length);
        const operation = Math.floor(random() * 4);
        if (operation === 0) edited.splice(at, 0, letter());
        else if (operation === 1) edited.splice(at, 1);
        else if (operation === 2) edited[at] = letter();
        else if (at + 1 < edited.length) [edited[at], edited[at + 1]] = [edited[at + 1]!, edited[at]!];
      }
      const b = edited.join('');
      const bound = Math.floor(random() * 4);
      const expected = Math.min(reference(a, b), bound + 1);
      expect(new TypoMeasure(a).distance(b, bound), `${a} / ${b}`).toBe(expected);
      expect(boundedDistance(a, b, bound), `${a} / ${b}`).toBe(expected);
    }
  });
});
