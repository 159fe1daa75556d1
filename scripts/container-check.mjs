// The run half of scripts/container-check.sh: checks a built image with podman against a fake
// Discord started here on 127.0.0.1 (the test suite's own, from dist/test). Exits non-zero on
// the first failed check. PODMAN_FLAGS / RUN_FLAGS add options where a machine needs them
// (this one: PODMAN_FLAGS="--runtime runc --cgroup-manager cgroupfs" RUN_FLAGS="--ulimit host").
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { FakeDiscord, APP_ID, chatInput } from '../dist/test/fakes/discord.js';

const image = process.argv[2];
const global = (process.env.PODMAN_FLAGS ?? '').split(' ').filter(Boolean);
const runFlags = (process.env.RUN_FLAGS ?? '').split(' ').filter(Boolean);
const name = `yomikai-check-${process.pid}`;
const volume = `${name}-data`;
const WAIT_MS = 120_000; // a hang detector only: a loaded machine may be slow

// Asynchronous on purpose: the fake Discord lives in this process and must keep answering while
// podman runs (a bot shutting down closes its gateway connection with the fake).
const exec = promisify(execFile);
const podman = async (...args) => (await exec('podman', [...global, ...args], { encoding: 'utf8', maxBuffer: 16 << 20 })).stdout;
const run = (...args) => podman('run', ...runFlags, ...args);
function check(ok, what, detail = '') {
  if (!ok) throw new Error(`FAILED: ${what}${detail ? `\n${detail}` : ''}`);
  console.log(`ok: ${what}`);
}

const fake = new FakeDiscord();
try {
  const bytes = Number((await podman('image', 'inspect', '--format', '{{.Size}}', image)).trim());
  console.log(`image ${image}: ${(bytes / 1e6).toFixed(0)} MB`);
  const inside = await run('--rm', '--network', 'none', '--entrypoint', 'sh', image, '-c', [
    'for t in gcc g++ cc make python3; do command -v $t; done',
    // Our dev-only packages (the @types some production packages depend on stay, as npm keeps them).
    'for d in node_modules/typescript node_modules/vitest node_modules/fuse.js node_modules/minisearch node_modules/ical.js node_modules/.bin/tsc dist/test dist/bench test src bench; do test -e $d && echo $d; done',
    'find dist -name "*.test.js" | head -3',
    'id -u',
  ].join('; '));
  const lines = inside.trim().split('\n');
  check(lines.length === 1 && lines[0] !== '0', 'no compilers, no dev dependencies, no test files; runs as a user of its own', inside);

  const answer = await run('--rm', '--network', 'none', image, 'ask', '/model X3D');
  check(/X3D/.test(answer) && /arxiv\.org/.test(answer), 'the one-shot CLI answers /model X3D', answer);

  await fake.listen();
  await podman('volume', 'create', volume);
  const env = ['-e', 'DISCORD_TOKEN=container-check-token', '-e', `DISCORD_APPLICATION_ID=${APP_ID}`, '-e', `DISCORD_API_URL=${fake.apiUrl}`];
  const startBot = async () => (await run('-d', '--name', name, '--network', 'host', '-v', `${volume}:/data`, ...env, image)).trim();

  await startBot();
  await fake.waitForConnections(1, WAIT_MS);
  const saved = await ask(chatInput('settings', { language: 'ja' }));
  check(/ja|日本語/.test(saved), 'the bot connects to the fake Discord and answers /settings language:ja', saved);
  await podman('healthcheck', 'run', name);
  check((await podman('inspect', '--format', '{{.State.Running}}', name)).trim() === 'true', 'still running after answering; the HEALTHCHECK passes');
  await stopCleanly();

  await startBot();
  await fake.waitForConnections(2, WAIT_MS);
  const model = await ask(chatInput('model', { name: 'X3D' }));
  check(/X3D/.test(model), 'a second start on the same volume answers /model X3D', model);
  await stopCleanly();
  const report = await run('--rm', '--network', 'none', '-v', `${volume}:/data`, image, 'db', 'check');
  check(/integrity: ok/.test(report) && /place_settings\s+1\b/.test(report), 'the volume kept the setting the first start saved (db check)', report);
  console.log('container check passed');
} finally {
  await podman('rm', '-f', name).catch(() => {});
  await podman('volume', 'rm', '-f', volume).catch(() => {});
  await fake.close();
}

/** Sends a slash command through the fake gateway and resolves with the reply the bot sends back. */
async function ask(interaction) {
  fake.dispatchInteraction(interaction);
  const call = await fake.waitForCall(
    (c) => c.path.includes(interaction.token) && (c.method === 'PATCH' || c.body?.type === 4),
    WAIT_MS,
  );
  return JSON.stringify(call.body);
}

/** podman stop sends SIGTERM and SIGKILLs after 10 s; exit code 0 means the bot's own shutdown ended it. */
async function stopCleanly() {
  const started = performance.now();
  await podman('stop', '-t', '10', name);
  console.log(`podman stop took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const code = (await podman('inspect', '--format', '{{.State.ExitCode}}', name)).trim();
  check(code === '0', 'SIGTERM (podman stop -t 10) ends the bot by its own clean shutdown (exit 0, not killed)', `exit code ${code}\n${await podman('logs', '--tail', '20', name)}`);
  await podman('rm', name);
}
