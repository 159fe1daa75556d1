import type { BenchQuery } from './queries.js';

/**
 * Queries the engine was NOT tuned on: written for issue 7 as a student would
 * type them, with the expected entry taken from what the student means (and
 * checked to exist in data/catalog/*.yaml), before any engine was run on them.
 * None appears in the tuned table (queries.ts) or in test/catalog/search.test.ts.
 *
 * Rule: never change the engine to win a row of this table. If a later change
 * wants a case from here, move the case to the tuned table (and say so in the
 * commit), then add a fresh held-out query in its place.
 */
export const HELD_OUT_QUERIES: readonly BenchQuery[] = [
  // typos
  { query: 'effecientnet', expected: 'efficientnet', style: 'typo' },
  { query: 'efficeintdet', expected: 'efficientdet', style: 'typo' },
  { query: 'reformr', expected: 'reformer', style: 'typo' },
  { query: 'kinetcis', expected: 'kinetics', style: 'typo' },
  { query: 'citiscapes', expected: 'cityscapes', style: 'typo' },
  { query: 'transfomer-xl', expected: 'transformer-xl', style: 'typo' },
  { query: 'vision transfomer', expected: 'vit', style: 'typo' },
  { query: 'sparse transfromer', expected: 'sparse-transformer', style: 'typo' },
  { query: 'objectorn', expected: 'objectron', style: 'typo' },
  { query: 'scanobjetnn', expected: 'scanobjectnn', style: 'typo' },
  // casing and spacing
  { query: 'GoogleNet', expected: 'googlenet', style: 'casing' },
  { query: 'scan net', expected: 'scannet', style: 'casing' },
  { query: 'Matterport 3D', expected: 'matterport3d', style: 'casing' },
  { query: 'mlp mixr', expected: 'mlp-mixer', style: 'typo' },
  { query: 'slowfast network', expected: 'slowfast', style: 'alias' },
  { query: 'vGg16', expected: 'vgg', style: 'casing' },
  { query: 'layernorm', expected: 'layer-norm', style: 'casing' },
  { query: 'multihead attention', expected: 'multi-head-attention', style: 'casing' },
  { query: 'ade 20k', expected: 'ade20k', style: 'casing' },
  // aliases and short forms
  { query: 'EffDet', expected: 'efficientdet', style: 'alias' },
  { query: 'K700', expected: 'kinetics', style: 'alias' },
  { query: 'MP3D', expected: 'matterport3d', style: 'alias' },
  { query: 'DWConv', expected: 'depthwise-conv', style: 'alias' },
  { query: 'NLNet', expected: 'non-local', style: 'alias' },
  { query: 'Inception v1', expected: 'googlenet', style: 'alias' },
  { query: 'SUN397', expected: 'sun', style: 'alias' },
  { query: 'ssv2', expected: 'something-something', style: 'alias' },
  { query: 'kinetics400', expected: 'kinetics', style: 'alias' },
  { query: 'imagenet21k', expected: 'imagenet', style: 'alias' },
  { query: 'coco2017', expected: 'mscoco', style: 'alias' },
  { query: 'squeeze and excitation', expected: 'senet', style: 'alias' },
  // the start of a name, as typed before autocomplete helps
  { query: 'timesf', expected: 'timesformer', style: 'prefix' },
  { query: 'scanobj', expected: 'scanobjectnn', style: 'prefix' },
  { query: 'padch', expected: 'padchest', style: 'prefix' },
  { query: 'linfor', expected: 'linformer', style: 'prefix' },
  { query: 'dietn', expected: 'dietnerf', style: 'prefix' },
  { query: 'cityscape', expected: 'cityscapes', style: 'prefix' },
  { query: '位置埋め込', expected: 'positional-encoding', style: 'prefix' },
  { query: 'ボリュームレンダ', expected: 'volume-rendering', style: 'prefix' },
  // Japanese, including hiragana typed before the IME converts it
  { query: 'いめーじねっと', expected: 'imagenet', style: 'japanese' },
  { query: 'もばいるねっと', expected: 'mobilenet', style: 'japanese' },
  { query: 'ビジョントランスフォーマ', expected: 'vit', style: 'japanese' },
  { query: '機械翻訳', expected: 'machine-translation', style: 'japanese' },
  { query: 'オプティカルフロー', expected: 'optical-flow', style: 'japanese' },
  // full-width input from a Japanese keyboard
  { query: 'ＶｉＴ', expected: 'vit', style: 'full-width' },
  { query: 'ＣＬＩＰ', expected: 'clip', style: 'full-width' },
  { query: 'ｍｏｂｉｌｅｎｅｔ', expected: 'mobilenet', style: 'full-width' },
  // pasted from chat
  { query: '`ViLT`', expected: 'vilt', style: 'noise' },
  { query: 'DeiT!!', expected: 'deit', style: 'noise' },
  { query: 'kitti 👀', expected: 'kitti', style: 'noise' },
  { query: '"Reformer"', expected: 'reformer', style: 'noise' },
  // a paper's title, remembered roughly
  { query: 'an image is worth 16x16 words', expected: 'vit', style: 'title' },
  { query: 'end-to-end object detection with transformers', expected: 'detr', style: 'title' },
  { query: 'neural scene flow fields', expected: 'nsff', style: 'title' },
];
