import { systemClock } from '../src/core/clock.js';
import { APP_ID, CHANNEL_ID, FakeDiscord, buttonPress, fakeUser, type RestCall } from '../test/fakes/discord.js';
import { figures, spread, type BurstResult } from './live-count-figures.js';

/**
 * The Discord side of the live-count bench, in a process of its own (forked
 * by live-count-bench.ts) so the fake's HTTP work is not billed to the bot:
 * the loopback Discord (test/fakes/discord.ts), the burst of
 * button presses over its gateway, and every figure, measured from outside.
 */
export type ToFake = { type: 'burst'; members: number; withinMs: number } | { type: 'stop' };
export type FromFake = { type: 'ready'; apiUrl: string; appId: string } | { type: 'result'; result: BurstResult };

const now = () => systemClock.now().getTime();
const answersShown = (call: RestCall): number => Number(call.body?.embeds?.[0]?.fields?.find((f: { name: string }) => f.name === 'Answers')?.value);
const isAck = (call: RestCall) => call.method === 'POST' && call.path.startsWith('/v10/interactions/');
const interactionOf = (call: RestCall) => call.path.split('/')[3] ?? '';

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
  const sendMs = await spread(members, withinMs, now, (i) => {
    sentAt.set(String(presses[i]!.id), now());
    fake.dispatchInteraction(presses[i]!);
  });
  // One listener, not one per press: the fake records every call, so the acknowledgements are read back after.
  let acked = 0;
  await fake.waitForCall((call) => isAck(call) && sentAt.has(interactionOf(call)) && ++acked >= members, 60_000);
  await fake.waitForCall((call) => call.method === 'PATCH' && call.path === patchPath && answersShown(call) === members, 60_000);

  const acks = fake.calls.filter((call) => isAck(call) && sentAt.has(interactionOf(call)));
  return figures({
    platform: 'discord',
    members,
    sendMs,
    latencies: acks.map((call) => call.at - sentAt.get(interactionOf(call))!),
    ackedAt: acks.map((call) => call.at),
    edits: fake.calls.filter((call) => call.method === 'PATCH' && call.path === patchPath).map((call) => ({ at: call.at, count: answersShown(call) })),
  });
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
