/**
 * Descriptive queries (issue 16): what a student remembers of a paper — its
 * idea, not its name — typed in English or Japanese, with the entries that
 * answer it. Written from what each paper is about (the papers themselves, as
 * one remembers them after a reading group), NOT from the wording of the
 * catalog's notes, and committed before the descriptive index existed or was
 * tuned.
 *
 * HELD-OUT, like held-out-queries.ts: never change the engine to win a row of
 * this table. A query is answered when any of `expected` is among the first
 * three hits (the target is ≥ 90%); where two entries are both a right answer
 * (a model and the concept it introduced) both are listed.
 */
export interface DescriptiveQuery {
  query: string;
  /** Any of these in the top 3 counts; the first is the entry most students would mean. */
  expected: readonly string[];
  lang: 'en' | 'ja';
}

const en = (query: string, ...expected: string[]): DescriptiveQuery => ({ query, expected, lang: 'en' });
const ja = (query: string, ...expected: string[]): DescriptiveQuery => ({ query, expected, lang: 'ja' });

export const DESCRIPTIVE_QUERIES: readonly DescriptiveQuery[] = [
  // English
  en('the NeRF with thousands of tiny MLPs', 'kilonerf'),
  en('the one that needs no camera poses', 'nerf-minus-minus', 'nerf-camera-pose'),
  en('scale depth width and resolution at once', 'efficientnet', 'compound-scaling'),
  en('chest x-ray dataset with radiology reports', 'padchest'),
  en('finding lung nodules in CT scans', 'luna16'),
  en('x-ray and CT images of covid patients', 'bimcv-covid19'),
  en('match images and captions with contrastive learning', 'clip'),
  en('generate an image from a text prompt', 'dall-e'),
  en('turn a selfie into an anime face', 'selfie2anime'),
  en('horse to zebra without paired images', 'cycle-consistency-loss'),
  en('vision transformer trained with a distillation token', 'deit'),
  en('split the image into 16x16 patches and feed them to a transformer', 'vit', 'patch-tokens'),
  en('object detection as set prediction with bipartite matching', 'detr'),
  en('slow pathway and fast pathway for video', 'slowfast'),
  en('inflate 2d imagenet filters into 3d', 'i3d', 'inflation'),
  en('factorize a 3d convolution into spatial and temporal parts', 'r2plus1d', '2plus1d-convolution', 'p3d'),
  en('attention with linear complexity through low-rank projection', 'linformer', 'efficient-attention'),
  en('locality sensitive hashing attention to save memory', 'reformer'),
  en('segment-level recurrence for longer context in language models', 'transformer-xl'),
  en('an LSTM language model with a single attention head instead of a transformer', 'sha-rnn'),
  en('randomly drop whole layers while training', 'stochastic-depth'),
  en('channel attention that reweights feature maps', 'senet', 'se-block'),
  en('multi-branch in training, plain 3x3 convs at inference', 'repvgg', 'structural-reparameterization'),
  en('architecture search that shares weights between child models', 'enas', 'nas-parameter-sharing'),
  en('architecture search measuring latency on real phones', 'mnasnet'),
  en('radiance fields for dynamic scenes with moving objects', 'nsff', 'nerf-dynamic-scenes'),
  en('estimate camera pose by inverting a trained radiance field', 'inerf'),
  en('view synthesis from just a few images with CLIP features', 'dietnerf', 'semantic-consistency-loss'),
  en('meta-learned initial weights for coordinate networks', 'learnit'),
  en('only MLPs, no convolutions and no attention, for vision', 'mlp-mixer'),
  en('benchmark for self-driving cars with lidar and stereo', 'kitti'),
  en('a million CAD models of mechanical parts', 'abc'),
  // Japanese
  ja('小さなMLPを大量に使うNeRF', 'kilonerf'),
  ja('カメラ姿勢がわからなくても学習できるNeRF', 'nerf-minus-minus', 'nerf-camera-pose'),
  ja('深さ・幅・解像度を同時にスケールする', 'efficientnet', 'compound-scaling'),
  ja('胸部X線のデータセット', 'padchest', 'bimcv-covid19'),
  ja('肺結節を見つけるCTのデータ', 'luna16'),
  ja('新型コロナ患者の画像データセット', 'bimcv-covid19'),
  ja('画像と文章を対比学習で結びつける', 'clip'),
  ja('文章から画像を生成する', 'dall-e'),
  ja('自撮り写真をアニメ顔に変換', 'selfie2anime'),
  ja('対になる画像がなくても馬をシマウマに変える', 'cycle-consistency-loss'),
  ja('蒸留で少ないデータでも学習できるビジョントランスフォーマー', 'deit'),
  ja('画像をパッチに分けてトランスフォーマーに入れる', 'vit', 'patch-tokens'),
  ja('トランスフォーマーで物体検出', 'detr'),
  ja('遅い経路と速い経路の2つで動画を見る', 'slowfast'),
  ja('2次元のフィルタを3次元に膨らませる', 'i3d', 'inflation'),
  ja('3次元畳み込みを空間と時間に分解する', 'r2plus1d', '2plus1d-convolution', 'p3d'),
  ja('注意機構の計算量を線形にする', 'linformer', 'efficient-attention'),
  ja('ハッシュを使ってメモリを節約するトランスフォーマー', 'reformer'),
  ja('学習中に層をランダムに飛ばす', 'stochastic-depth'),
  ja('チャネルごとに重み付けする注意', 'senet', 'se-block'),
  ja('学習時は多分岐で推論時は普通の3x3畳み込みになる', 'repvgg', 'structural-reparameterization'),
  ja('スマホでの実測レイテンシを考えたアーキテクチャ探索', 'mnasnet'),
  ja('動く物体がある動画から新しい視点を合成する', 'nsff', 'nerf-dynamic-scenes'),
  ja('数枚の画像だけで新しい視点を作る', 'dietnerf'),
  ja('畳み込みも注意機構も使わずMLPだけの画像モデル', 'mlp-mixer'),
  ja('自動運転のためのベンチマーク', 'kitti'),
  ja('室内を3Dスキャンしたデータ', 'scannet', 'matterport3d'),
  ja('都市の道路風景のセグメンテーション', 'cityscapes'),
  ja('人の行動を写したYouTube動画のデータセット', 'kinetics'),
  ja('物体への動作の動画で時間の理解が必要なもの', 'something-something'),
];
