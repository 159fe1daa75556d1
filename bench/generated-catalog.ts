import type { EntryKind } from '../src/catalog/schema.js';
import { normalize, type SearchDoc } from '../src/catalog/search/index.js';

/**
 * A made-up catalog of any size that looks like the real one to a search
 * engine: CamelCase model names built from the stems papers actually use
 * ("Swin", "Mobile", "Former", "Mixer"), versions and sizes ("V2", "-L", "3D"),
 * lower-case and hyphenated aliases, katakana readings, the odd survey typo,
 * paper titles as keywords, and a two-sentence note in English and Japanese
 * (descriptions) like the real notes. Seeded, so every run measures the same catalog.
 * The real docs are included and no generated name may collide with a real
 * one, so the query table keeps one right answer.
 */

const STEMS = ['Eff', 'Mobile', 'Res', 'Dense', 'Shuffle', 'Ghost', 'Swin', 'Conv', 'Deep', 'Fast', 'Slow', 'Tiny',
  'Mega', 'Neural', 'Sparse', 'Dyna', 'Hyper', 'Meta', 'Uni', 'Omni', 'Point', 'Graph', 'Vox', 'Mask', 'Cross',
  'Time', 'Video', 'Flow', 'Depth', 'Light', 'Nano', 'Retina', 'Cascade', 'Pyramid', 'Axial', 'Local', 'Global'];
const SUFFIXES = ['Net', 'Former', 'Mixer', 'GAN', 'NeRF', 'Det', 'Seg', 'Flow', 'VAE', 'Diff', 'BERT', 'ViT', 'RNN',
  'Trans', 'Conv', 'Pose', 'Fusion', 'Rec', 'Track', 'Matcher'];
const VERSIONS = ['', '', '', 'V2', 'V3', '-L', '-XL', '-S', '3D', '++', '-B0', '-B7', '2D', '-Lite', ' Plus'];
const DATASET_WORDS = ['Urban', 'Indoor', 'Aerial', 'Street', 'Clinical', 'Retinal', 'Kitchen', 'Sports', 'Wild',
  'Driving', 'Speech', 'Crowd', 'Fashion', 'Satellite', 'Document', 'Egocentric', 'Surgical', 'Traffic'];
const DATASET_NOUNS = ['Scenes', 'Actions', 'Objects', 'Captions', 'Faces', 'Poses', 'Parts', 'Shapes', 'Clips'];
const TITLE_VERBS = ['Rethinking', 'Scaling', 'Revisiting', 'Learning', 'Towards', 'Improving', 'Accelerating'];
const TITLE_TOPICS = ['Video Recognition', 'Object Detection', 'Semantic Segmentation', 'Image Classification',
  'Neural Rendering', 'Representation Learning', 'Efficient Training', 'View Synthesis', 'Action Recognition'];
const KANA = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', 'タ', 'テ', 'ト',
  'ナ', 'ニ', 'ネ', 'ノ', 'フ', 'ヘ', 'マ', 'ミ', 'ム', 'メ', 'モ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ン', 'ー', 'ッ'];
/** Note sentences, English and Japanese, in the shape of the catalog's notes: a claim about a method, then a remark. */
const NOTE_SUBJECTS = ['A convolutional network', 'A vision transformer', 'A radiance field', 'A video model', 'A dataset',
  'A detector', 'A segmentation model', 'A generative model', 'An attention variant', 'A training recipe', 'A search method'];
const NOTE_CLAIMS = ['that scales depth and width together', 'that replaces attention with cheap mixing', 'trained on web images and captions',
  'that needs fewer labels', 'with a lighter backbone for mobile devices', 'that renders novel views from a few photos',
  'that factorises space and time', 'built on pretrained image filters', 'with long-range memory across segments',
  'that prunes channels during training', 'with pixel-level annotations of urban scenes', 'that distils a larger teacher'];
const NOTE_REMARKS = ['The survey lists it among the most-cited papers.', 'Later work built on its design.',
  'It was released together with its dataset.', 'Accuracy improved at a lower cost.', 'The code and weights are public.'];
const NOTE_JA_SUBJECTS = ['畳み込みネットワーク', 'ビジョントランスフォーマー', '放射輝度場', '動画モデル', 'データセット', '物体検出器',
  'セグメンテーションモデル', '生成モデル', '注意機構の変種', '学習手法', '探索手法'];
const NOTE_JA_CLAIMS = ['深さと幅を同時に拡大する', '注意機構を軽い混合に置き換えた', 'ウェブの画像と説明文で学習した', 'ラベルが少なくて済む',
  'モバイル向けに軽量化した', '数枚の写真から新しい視点を描く', '空間と時間を分解した', '学習済みの画像フィルタを使う',
  'セグメントをまたぐ長い記憶を持つ', '学習中にチャネルを枝刈りする', '都市風景に画素単位の注釈を付けた', '大きな教師モデルを蒸留した'];
const NOTE_JA_REMARKS = ['サーベイでは被引用数の多い論文として挙げられている。', '後続の研究がこの設計を引き継いだ。',
  'データセットと同時に公開された。', '少ない計算量で精度が向上した。', 'コードと重みが公開されている。'];
const SYLLABLES = ['ka', 'ri', 'to', 'ne', 'mo', 'sa', 'lu', 'vi', 'do', 'ze', 'pa', 'ko', 'mi', 'ra', 'ti', 'no'];

/** mulberry32: tiny, fast and good enough to make data, and identical on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCatalog(size: number, realDocs: readonly SearchDoc[], seed = 2021): SearchDoc[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const realKeys = new Set(realDocs.flatMap((doc) => doc.names.map(normalize)));
  const taken = new Set(realKeys);
  const docs: SearchDoc[] = [...realDocs];

  const invent = (): { kind: EntryKind; name: string; keywords: string[] } => {
    const roll = random();
    if (roll < 0.7) {
      const coined = random() < 0.5 ? pick(STEMS) : capitalize(pick(SYLLABLES) + pick(SYLLABLES));
      const name = `${coined}${random() < 0.3 ? pick(STEMS) : ''}${pick(SUFFIXES)}${pick(VERSIONS)}`;
      return { kind: 'model', name, keywords: [`${name}: ${pick(TITLE_VERBS)} ${pick(TITLE_TOPICS)}`] };
    }
    if (roll < 0.9) {
      const name = `${pick(DATASET_WORDS)}${pick(DATASET_NOUNS)}-${Math.floor(random() * 2000)}`;
      return { kind: 'dataset', name, keywords: [`The ${name} Dataset for ${pick(TITLE_TOPICS)}`] };
    }
    const name = `${pick(DATASET_WORDS)} ${pick(TITLE_TOPICS)}`;
    return { kind: random() < 0.5 ? 'concept' : 'task', name: `${name} ${Math.floor(random() * 1000)}`, keywords: [] };
  };

  let serial = 0;
  while (docs.length < size) {
    const { kind, name, keywords } = invent();
    const key = normalize(name);
    if (taken.has(key)) continue;
    taken.add(key);
    const names = [name];
    if (random() < 0.5) names.push(name.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase());
    if (random() < 0.4) names.push(Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(KANA)).join(''));
    if (random() < 0.1) names.push(withTypo(name, random));
    const aliases = names.slice(1).filter((alias) => !realKeys.has(normalize(alias)));
    docs.push({ id: `gen-${++serial}`, kind, names: [name, ...aliases], keywords, descriptions: inventNote(pick) });
  }
  return docs;
}

/** A note in each language, about as long as the real ones (real: 178 English and 81 Japanese characters on average). */
function inventNote(pick: <T>(list: readonly T[]) => T): string[] {
  return [
    `${pick(NOTE_SUBJECTS)} ${pick(NOTE_CLAIMS)}, ${pick(NOTE_CLAIMS)}. ${pick(NOTE_REMARKS)} ${pick(NOTE_REMARKS)}`,
    `${pick(NOTE_JA_CLAIMS)}${pick(NOTE_JA_SUBJECTS)}で、${pick(NOTE_JA_CLAIMS)}。${pick(NOTE_JA_REMARKS)}${pick(NOTE_JA_REMARKS)}`,
  ];
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The survey's kind of typo: one letter dropped. */
function withTypo(name: string, random: () => number): string {
  const at = 1 + Math.floor(random() * Math.max(1, name.length - 2));
  return name.slice(0, at) + name.slice(at + 1);
}
