import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/core/logger.js';
import { dispatch } from '../src/core/dispatch.js';
import type { Invocation } from '../src/core/invocation.js';
import { renderText } from '../src/adapters/console/render.js';
import { renderReply as renderDiscord } from '../src/adapters/discord/render.js';
import { renderReply as renderSlack } from '../src/adapters/slack/render.js';
import type { Reply } from '../src/core/reply.js';
import { percentile } from './stats.js';
import type { Completer } from '../src/summary/client.js';

export interface DispatchRow {
  command: string;
  medianUs: number;
  p99Us: number;
  samples: number;
}

type Renderer = (reply: Reply) => unknown;

const RENDERERS: Record<string, Renderer> = {
  console: renderText,
  discord: renderDiscord,
  slack: renderSlack,
};

const COMMANDS: [string, Record<string, string>, keyof typeof RENDERERS][] = [
  ['model', { name: 'X3D' }, 'console'],
  ['model', { name: 'X3D' }, 'discord'],
  ['model', { name: 'X3D' }, 'slack'],
  ['model', { name: 'slowfst' }, 'console'],
  ['dataset', { query: 'segmentation' }, 'discord'],
  ['search', { query: 'attention' }, 'slack'],
  // A cache hit: the entry's facts hashed and looked up in SQLite; the warm-up's first call filled the cache.
  ['summarize', { entry: 'X3D' }, 'discord'],
];

/** Summaries on, with the model replaced by an in-process answer: the benchmark measures our side only. */
const cachedModel: Completer = async () => ({ ok: true, text: 'A summary of X3D from the catalog facts.', tokens: 100 });

/**
 * A command from Invocation to a rendered message — console text, Discord
 * embeds or Slack blocks: option validation, search, Reply building and
 * rendering — everything but the network. The database is
 * in memory, so the settings read is the only storage work.
 */
export async function runDispatchBench(samples = 20_000): Promise<DispatchRow[]> {
  const app = createApp(loadConfig({ YOMIKAI_DB: ':memory:', OPENAI_API_KEY: 'bench' }, {}), silentLogger(), undefined, { completer: cachedModel });
  const rows: DispatchRow[] = [];
  for (const [command, options, target] of COMMANDS) {
    const render = RENDERERS[target] ?? renderText;
    const invocation: Invocation = {
      command,
      options,
      actor: { id: 'bench' },
      place: { platform: 'console', scope: 'bench', channel: 'bench' },
    };
    for (let i = 0; i < 1000; i++) render((await dispatch(invocation, app)).reply); // warm-up
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const start = process.hrtime.bigint();
      const result = await dispatch(invocation, app);
      render(result.reply);
      times.push(Number(process.hrtime.bigint() - start) / 1000);
      if (result.status !== 'ok') throw new Error(`/${command} failed in the benchmark: ${result.reply.text}`);
    }
    rows.push({
      command: `/${command} ${Object.values(options).join(' ')} → ${target}`,
      medianUs: percentile(times, 0.5),
      p99Us: percentile(times, 0.99),
      samples,
    });
  }
  app.close();
  return rows;
}
