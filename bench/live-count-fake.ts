import { systemClock } from '../src/core/clock.js';
import { APP_ID, CHANNEL_ID, FakeDiscord, buttonPress, fakeUser, type RestCall } from '../test/adapters/discord/fake-discord.js';
import { percentile } from './stats.js';

/**
 * The Discord side of the live-count bench, in a process of its own (forked
 * by live-count-bench.ts) so the fake's HTTP work is not billed to the bot:
 * the loopback Discord (test/adapters/discord/fake-discord.ts), the burst of
 * button presses over its gateway, and every figure, measured from outside.
 */
export interface BurstResult {
  members: number;
  /** Wall time over which the presses were sent. */
  sendMs: number;
  /** From the INTERACTION_CREATE being sent to the interaction callback reaching the fake. */
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  /** PATCHes of the round message (live counts) until it showed every answer. */
  edits: number;
  /** The most of those PATCHes in any 5-second window (Discord allows 5 per 5 s per channel). */
  editsPer5s: number;
  /** The longest an acknowledged answer waited to appear in the count on the message. */
  maxBehindMs: number;
  finalCount: number;
}

export type ToFake = { type: 'burst'; members: number; withinMs: number } | { type: 'stop' };
export type FromFake = { type: 'ready'; apiUrl: string; appId: string } | { type: 'result'; result: BurstResult };

const now = () => systemClock.now().getTime();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const answersShown = (call: RestCall): number => Number(call.body?.embeds?.[0]?.fields?.find((f: { name: string }) => f.name === 'Answers')?.value);
const isAck = (call: RestCall) => call.method === 'POST' && call.path.startsWith('/v10/interactions/');

async function burst(fake: FakeDiscord, members: number, withinMs: number): Promise<BurstResult> {
  const roundMessage = fake.channelMessages(CHANNEL_ID)[0];
  if (!roundMessage) throw new Error('live-count bench: the round was not posted');
  const buttons = ((roundMessage.components as any[])[0].components as { custom_id: string }[]).map((b) => b.custom_id);
  const patchPath = `/v10/channels/${CHANNEL_ID}/messages/${String(roundMessage.id)}`;
  // Built first, so the sending loop only sends.
  const presses: Record<string, unknown>[] = Array.from({ length: members }, (_, i) =>
    buttonPress(buttons[i % 4]!, roundMessage, { user: fakeUser(String(600000000000000000n + BigInt(i)), `member${i}`), permissions: '0' }),
  );
  const sentAt = new Map<string, number>();
  const batches = 50;
  const perBatch = Math.ceil(members / batches);
  const start = now();
  for (let b = 0; b < batches; b++) {
    for (const press of presses.slice(b * perBatch, (b + 1) * perBatch)) {
      sentAt.set(String(press.id), now());
      fake.dispatchInteraction(press);
    }
    const next = start + ((b + 1) * withinMs) / batches;
    if (next > now()) await pause(next - now());
  }
  const sendMs = now() - start;
  // One listener, not one per press: the fake records every call, so the acknowledgements are read back after.
  let acked = 0;
  await fake.waitForCall((call) => isAck(call) && sentAt.has(call.path.split('/')[3]!) && ++acked >= members, 60_000);
  await fake.waitForCall((call) => call.method === 'PATCH' && call.path === patchPath && answersShown(call) === members, 60_000);

  const acks = fake.calls.filter((call) => isAck(call) && sentAt.has(call.path.split('/')[3]!));
  const latencies = acks.map((call) => call.at - sentAt.get(call.path.split('/')[3]!)!);
  const edits = fake.calls.filter((call) => call.method === 'PATCH' && call.path === patchPath);
  const ackTimes = acks.map((call) => call.at).sort((a, b) => a - b);
  // The k-th acknowledged answer is on the message once a PATCH shows at least k answers.
  const behind = ackTimes.map((at, k) => (edits.find((e) => answersShown(e) >= k + 1)?.at ?? Infinity) - at);
  return {
    members,
    sendMs,
    ackP50Ms: percentile(latencies, 0.5),
    ackP99Ms: percentile(latencies, 0.99),
    ackMaxMs: Math.max(...latencies),
    edits: edits.length,
    editsPer5s: Math.max(...edits.map((e) => edits.filter((o) => o.at >= e.at && o.at < e.at + 5000).length)),
    maxBehindMs: Math.max(...behind),
    finalCount: answersShown(edits.at(-1)!),
  };
}

// Run as a child process: answer the parent over IPC.
if (process.send) {
  const fake = new FakeDiscord();
  await fake.listen();
  const send = (message: FromFake) => process.send!(message);
  process.on('message', (message: ToFake) => {
    if (message.type === 'stop') void fake.close().then(() => process.exit(0));
    if (message.type === 'burst') void burst(fake, message.members, message.withinMs).then((result) => send({ type: 'result', result }));
  });
  send({ type: 'ready', apiUrl: fake.apiUrl, appId: APP_ID });
}
