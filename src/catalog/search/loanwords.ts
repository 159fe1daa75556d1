/**
 * Katakana loanwords of this field and the English word each stands for: a
 * Japanese query "トランスフォーマー" also looks for "transformer", so it finds
 * what the English term finds (in the English notes as well as the Japanese).
 * Keys are in key form (normalize(): katakana, no spaces); values are English
 * words, stemmed like any other English word when indexed. A general glossary
 * of the survey's vocabulary — not a list of answers to any query table.
 */
const PAIRS: readonly (readonly [string, string])[] = [
  ['トランスフォーマー', 'transformer'], ['トランスフォーマ', 'transformer'], ['データセット', 'dataset'],
  ['データ', 'data'], ['データベース', 'database'], ['セグメンテーション', 'segmentation'], ['ネットワーク', 'network'],
  ['モデル', 'model'], ['アテンション', 'attention'], ['カメラ', 'camera'], ['ポーズ', 'pose'], ['レンダリング', 'rendering'],
  ['ニューラル', 'neural'], ['フィルタ', 'filter'], ['フィルター', 'filter'], ['パッチ', 'patch'], ['トークン', 'token'],
  ['ベンチマーク', 'benchmark'], ['アーキテクチャ', 'architecture'], ['アーキテクチャー', 'architecture'],
  ['レイテンシ', 'latency'], ['レイテンシー', 'latency'], ['スケール', 'scale'], ['スケーリング', 'scaling'],
  ['ビジョン', 'vision'], ['テキスト', 'text'], ['キャプション', 'caption'], ['ピクセル', 'pixel'], ['クラス', 'class'],
  ['ラベル', 'label'], ['アノテーション', 'annotation'], ['ビデオ', 'video'], ['フレーム', 'frame'],
  ['オプティカルフロー', 'optical flow'], ['フロー', 'flow'], ['エンコーダ', 'encoder'], ['エンコーダー', 'encoder'],
  ['デコーダ', 'decoder'], ['デコーダー', 'decoder'], ['レイヤー', 'layer'], ['レイヤ', 'layer'], ['ブロック', 'block'],
  ['チャネル', 'channel'], ['チャンネル', 'channel'], ['パラメータ', 'parameter'], ['パラメーター', 'parameter'],
  ['プルーニング', 'pruning'], ['サーチ', 'search'], ['メモリ', 'memory'], ['メモリー', 'memory'], ['ハッシュ', 'hash'],
  ['シーン', 'scene'], ['オブジェクト', 'object'], ['ボリューム', 'volume'], ['シーケンス', 'sequence'],
  ['コンテキスト', 'context'], ['トレーニング', 'training'], ['スキャン', 'scan'], ['ポイントクラウド', 'point cloud'],
  ['ドメイン', 'domain'], ['ノイズ', 'noise'], ['アニメ', 'anime'], ['セルフィー', 'selfie'], ['ランダム', 'random'],
  ['リカレント', 'recurrent'], ['モバイル', 'mobile'], ['ハイブリッド', 'hybrid'], ['ゼロショット', 'zero shot'],
  ['スパース', 'sparse'], ['リニア', 'linear'], ['カーネル', 'kernel'], ['ピラミッド', 'pyramid'], ['ボトルネック', 'bottleneck'],
  ['ベクトル', 'vector'], ['グラフ', 'graph'], ['タスク', 'task'], ['ラベリング', 'labeling'], ['ビュー', 'view'],
  ['レイ', 'ray'], ['サンプリング', 'sampling'], ['サンプル', 'sample'], ['イメージ', 'image'], ['ゲーム', 'game'],
  ['ロボット', 'robot'], ['ジェネレータ', 'generator'], ['ディスクリミネータ', 'discriminator'], ['スタイル', 'style'],
  ['コンボリューション', 'convolution'], ['プーリング', 'pooling'], ['ドロップアウト', 'dropout'], ['ウェブ', 'web'],
  ['マルチモーダル', 'multimodal'], ['マルチヘッド', 'multi head'], ['ヘッド', 'head'], ['ノード', 'node'],
  ['コーパス', 'corpus'], ['センサー', 'sensor'], ['ライダー', 'lidar'], ['ステレオ', 'stereo'], ['スマホ', 'smartphone'],
  ['スマートフォン', 'smartphone'], ['ユーチューブ', 'youtube'], ['ウィキペディア', 'wikipedia'], ['アルゴリズム', 'algorithm'],
  ['コスト', 'cost'], ['スピード', 'speed'], ['メタ', 'meta'], ['サーベイ', 'survey'], ['ライセンス', 'license'],
];

/** normalize()d katakana → English words. */
export const LOANWORDS: ReadonlyMap<string, readonly string[]> = new Map(PAIRS.map(([kana, english]) => [kana, english.split(' ')]));
