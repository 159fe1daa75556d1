import { systemClock } from '../src/core/clock.js';
import { FakeSlackChannels, buttonClickBody, fakeServer, signedHeaders, slackApi, type FakeServer } from '../test/fakes/slack.js';
import { figures, spread, type BurstResult } from './live-count-figures.js';

/**
 * The Slack side of the live-count bench, in a process of its own: the fake
 * Web API that keeps the channel (test/fakes/slack.ts), a
 * response_url server, and the burst of signed clicks sent to the bot's Bolt
 * app in HTTP mode, each timed from here.
 */
export type ToSlackFake = { type: 'burst'; members: number; withinMs: number; port: number } | { type: 'stop' };
export type FromSlackFake = { type: 'ready'; apiUrl: string } | { type: 'result'; result: BurstResult };

type Block = { type: string; elements?: { action_id?: string }[]; fields?: { text: string }[] };
const now = () => systemClock.now().getTime();
const answersShown = (blocks: unknown[]): number =>
  Number((blocks as Block[]).flatMap((b) => b.fields ?? []).find((f) => f.text.startsWith('*Answers*'))?.text.split('\n')[1]);

interface SlackSide {
  channels: FakeSlackChannels;
  api: FakeServer;
  responses: FakeServer;
  /** chat.update calls: when, which message, the count shown. */
  updates: { at: number; ts: string; count: number }[];
  /** response_url path → when the private answer arrived. */
  answeredAt: Map<string, number>;
}

async function burst({ channels, api, responses, updates, answeredAt }: SlackSide, members: number, withinMs: number, port: number): Promise<BurstResult> {
  const round = channels.messages[0];
  if (!round) throw new Error('live-count bench: the round was not posted');
  const actions = (round.blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []).map((e) => e.action_id ?? '');
  const bodies = Array.from({ length: members }, (_, i) =>
    buttonClickBody({ actionId: actions[i % 4]!, responseUrl: `${responses.url}/r/${i}`, user: { id: `UM${i}`, name: `member${i}` }, messageTs: round.ts, ephemeral: false }),
  );
  const sentAt: number[] = [];
  const acks: Promise<number>[] = [];
  const sendMs = await spread(members, withinMs, now, (i) => {
    const body = bodies[i]!;
    const timestamp = Math.floor(now() / 1000);
    sentAt[i] = now();
    const headers = signedHeaders(body, timestamp);
    acks.push(fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body }).then(async (response) => {
      const at = now();
      await response.text();
      if (response.status !== 200) throw new Error(`Bolt answered ${response.status}`);
      return at;
    }));
  });
  const ackedAt = await Promise.all(acks);
  await responses.waitFor(() => answeredAt.size >= members, 60_000);
  await api.waitFor(() => updates.filter((u) => u.ts === round.ts).at(-1)?.count === members, 60_000);
  return figures({
    platform: 'slack',
    members,
    sendMs,
    latencies: ackedAt.map((at, i) => at - sentAt[i]!),
    ackedAt,
    answerLatencies: sentAt.map((at, i) => answeredAt.get(`/r/${i}`)! - at),
    edits: updates.filter((u) => u.ts === round.ts).map(({ at, count }) => ({ at, count })),
  });
}

if (process.send) {
  const channels = new FakeSlackChannels();
  const updates: { at: number; ts: string; count: number }[] = [];
  const update = channels.handlers['chat.update']!;
  const api = await fakeServer(
    slackApi({
      ...channels.handlers,
      'chat.update': (request) => {
        updates.push({ at: now(), ts: String(request.body.ts), count: answersShown((request.body.blocks as unknown[]) ?? []) });
        return update(request);
      },
    }),
  );
  const answeredAt = new Map<string, number>();
  const responses = await fakeServer((request) => {
    answeredAt.set(request.path, now());
    return { ok: true };
  });
  const send = (message: FromSlackFake) => process.send!(message);
  process.on('message', (message: ToSlackFake) => {
    if (message.type === 'stop') void Promise.all([api.close(), responses.close()]).then(() => process.exit(0));
    if (message.type === 'burst') {
      void burst({ channels, api, responses, updates, answeredAt }, message.members, message.withinMs, message.port).then((result) => send({ type: 'result', result }));
    }
  });
  send({ type: 'ready', apiUrl: `${api.url}/api/` });
}
