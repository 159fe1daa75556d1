import { percentile } from './stats.js';

/** What the live-count bench reports for one burst of presses, measured from the platform's side. */
export interface BurstResult {
  platform: 'discord' | 'slack';
  members: number;
  /** Wall time over which the presses were sent. */
  sendMs: number;
  /** From the press being sent to its acknowledgement (Discord: the interaction callback; Slack: Bolt's HTTP answer). */
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  /** Slack only: from the press to the private answer reaching its response_url. */
  answerP99Ms?: number;
  /** Edits of the round message (live counts) until it showed every answer. */
  edits: number;
  /** The most of those edits in any 5-second window (Discord allows 5 per 5 s per channel). */
  editsPer5s: number;
  /** The longest an acknowledged answer waited to appear in the count on the message. */
  maxBehindMs: number;
  finalCount: number;
}

export interface Observed {
  platform: BurstResult['platform'];
  members: number;
  sendMs: number;
  /** Per press: sent → acknowledged. */
  latencies: number[];
  /** When each press was acknowledged. */
  ackedAt: number[];
  /** Each edit of the round message: when it arrived and the count it showed. */
  edits: { at: number; count: number }[];
  answerLatencies?: number[];
}

export function figures(o: Observed): BurstResult {
  const ackTimes = [...o.ackedAt].sort((a, b) => a - b);
  // The k-th acknowledged answer is on the message once an edit shows at least k answers.
  const behind = ackTimes.map((at, k) => (o.edits.find((e) => e.count >= k + 1)?.at ?? Infinity) - at);
  return {
    platform: o.platform,
    members: o.members,
    sendMs: o.sendMs,
    ackP50Ms: percentile(o.latencies, 0.5),
    ackP99Ms: percentile(o.latencies, 0.99),
    ackMaxMs: Math.max(...o.latencies),
    ...(o.answerLatencies ? { answerP99Ms: percentile(o.answerLatencies, 0.99) } : {}),
    edits: o.edits.length,
    editsPer5s: Math.max(...o.edits.map((e) => o.edits.filter((other) => other.at >= e.at && other.at < e.at + 5000).length)),
    maxBehindMs: Math.max(...behind),
    finalCount: o.edits.at(-1)?.count ?? 0,
  };
}

/** Sends `count` things evenly over `withinMs`, in 50 batches (a timer per batch, not per press). */
export async function spread(count: number, withinMs: number, now: () => number, send: (index: number) => void): Promise<number> {
  const batches = 50;
  const perBatch = Math.ceil(count / batches);
  const start = now();
  for (let b = 0; b < batches; b++) {
    for (let i = b * perBatch; i < Math.min(count, (b + 1) * perBatch); i++) send(i);
    const next = start + ((b + 1) * withinMs) / batches;
    if (next > now()) await new Promise((resolve) => setTimeout(resolve, next - now()));
  }
  return now() - start;
}
