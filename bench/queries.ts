/**
 * What people actually type into /model, /dataset and /search, with the entry
 * they mean. Shared by the benchmark's timing loop and its top-1 accuracy, so
 * every engine is judged on the same realistic mix: exact names, aliases,
 * casing, typos, full-width input, Japanese and pasted noise.
 * Ids are the real catalog's (data/catalog/*.yaml).
 *
 * This is the TUNED table: the engine's ranking was developed while looking at
 * these rows, so winning them proves little on its own. held-out-queries.ts
 * holds the queries nobody tuned for.
 */
export interface BenchQuery {
  query: string;
  expected: string;
  /** What the query exercises, for reading failures. */
  style: 'exact' | 'alias' | 'casing' | 'typo' | 'full-width' | 'japanese' | 'noise' | 'prefix' | 'title';
}

export const TUNED_QUERIES: readonly BenchQuery[] = [
  { query: 'X3D', expected: 'x3d', style: 'exact' },
  { query: 'SlowFast', expected: 'slowfast', style: 'exact' },
  { query: 'I3D', expected: 'i3d', style: 'exact' },
  { query: 'TimeSformer', expected: 'timesformer', style: 'exact' },
  { query: 'ViViT', expected: 'vivit', style: 'exact' },
  { query: 'DETR', expected: 'detr', style: 'exact' },
  { query: 'NeRF', expected: 'nerf', style: 'exact' },
  { query: 'KiloNeRF', expected: 'kilonerf', style: 'exact' },
  { query: 'EfficientNet', expected: 'efficientnet', style: 'exact' },
  { query: 'Efficient DETR', expected: 'efficient-detr', style: 'exact' },
  { query: 'Kinetics', expected: 'kinetics', style: 'exact' },
  { query: 'Cityscapes', expected: 'cityscapes', style: 'exact' },
  { query: 'COCO', expected: 'mscoco', style: 'alias' },
  { query: 'ILSVRC', expected: 'imagenet', style: 'alias' },
  { query: 'Sth-Sth', expected: 'something-something', style: 'alias' },
  { query: 'Vision Transformer', expected: 'vit', style: 'alias' },
  { query: 'R(2+1)D', expected: 'r2plus1d', style: 'alias' },
  { query: 'r2plus1d', expected: 'r2plus1d', style: 'alias' },
  { query: 'NeRF--', expected: 'nerf-minus-minus', style: 'alias' },
  { query: 'Quo Vadis', expected: 'i3d', style: 'alias' },
  { query: 'EffNetV2', expected: 'efficientnet-v2', style: 'alias' },
  { query: 'video swin', expected: 'video-swin', style: 'casing' },
  { query: 'mobilenetv2', expected: 'mobilenet-v2', style: 'casing' },
  { query: 'dall-e', expected: 'dall-e', style: 'casing' },
  { query: 'MLP MIXER', expected: 'mlp-mixer', style: 'casing' },
  { query: 'wiki40b', expected: 'wiki-40b', style: 'casing' },
  { query: 'padchest', expected: 'padchest', style: 'casing' },
  { query: 'non local', expected: 'non-local', style: 'casing' },
  { query: 'slowfst', expected: 'slowfast', style: 'typo' },
  { query: 'effcientnet', expected: 'efficientnet', style: 'typo' },
  { query: 'mobilnet', expected: 'mobilenet', style: 'typo' },
  { query: 'trasformer', expected: 'transformer', style: 'typo' },
  { query: 'imagnet', expected: 'imagenet', style: 'typo' },
  { query: 'linfomer', expected: 'linformer', style: 'typo' },
  { query: 'efficentdet', expected: 'efficientdet', style: 'typo' },
  { query: 'timesfromer', expected: 'timesformer', style: 'typo' },
  { query: 'ＳｌｏｗＦａｓｔ', expected: 'slowfast', style: 'full-width' },
  { query: 'Ｘ３Ｄ', expected: 'x3d', style: 'full-width' },
  { query: 'ＲｅｐＶＧＧ', expected: 'repvgg', style: 'full-width' },
  { query: 'ナーフ', expected: 'nerf', style: 'japanese' },
  { query: 'セマンティックセグメンテーション', expected: 'semantic-segmentation', style: 'japanese' },
  { query: '行動認識', expected: 'action-recognition', style: 'japanese' },
  { query: '医療画像', expected: 'medical-imaging', style: 'japanese' },
  { query: '物体検出', expected: 'object-detection', style: 'japanese' },
  { query: 'キネティクス', expected: 'kinetics', style: 'japanese' },
  { query: 'Slow\u200bFast', expected: 'slowfast', style: 'noise' },
  { query: 'X3D 🚀', expected: 'x3d', style: 'noise' },
  { query: 'ucf1', expected: 'ucf101', style: 'prefix' },
];
