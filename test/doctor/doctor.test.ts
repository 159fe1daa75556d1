import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { allCommands, allMigrations, openAppDatabase } from '../../src/app.js';
import { deployCommands } from '../../src/adapters/discord/deploy.js';
import { runDoctor } from '../../src/doctor/run.js';
import { APP_ID, CHANNEL_ID, FakeDiscord, GUILD_ID } from '../fakes/discord.js';
import { GRANTED_SCOPES, SIGNING_SECRET, WithHeaders, fakeServer, method, slackApi, type FakeServer } from '../fakes/slack.js';
import { FakeOpenAI } from '../fakes/openai.js';
import { yomikai } from '../store/db-cli-helpers.js';

/**
 * `yomikai doctor` against the loopback Discord, Slack and OpenAI, each
 * mistake planted once: every mistake is a FAIL line saying what to do, and
 * exit 1; the same set-up without it passes with exit 0.
 */
const work = mkdtempSync(join(tmpdir(), 'yomikai-doctor-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
let serial = 0;

/** A database with a daily quiz in one Slack channel (in `zone`) and one in the fake Discord's channel. */
function databaseWithSchedule(channel = 'C100', zone = 'Asia/Tokyo', discordChannel = CHANNEL_ID): string {
  const file = join(work, `doctor-${++serial}.db`);
  const db = openAppDatabase(file);
  const insert = db.prepare(
    `INSERT INTO quiz_schedules (channel_key, platform, scope, channel, hour, minute, days, timezone, reveal_after, created_by, updated_at)
     VALUES (?, ?, ?, ?, 9, 0, 'daily', ?, 60, 'U1', '2026-12-01T00:00:00Z')`,
  );
  insert.run(`slack:T1:${channel}`, 'slack', 'T1', channel, zone);
  insert.run(`discord:${GUILD_ID}:${discordChannel}`, 'discord', GUILD_ID, discordChannel, zone);
  db.close();
  return file;
}

async function doctor(env: Record<string, string>, file = databaseWithSchedule()): Promise<{ code: number; text: string }> {
  let text = '';
  const out = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
  const code = await runDoctor(loadConfig({}, { YOMIKAI_DB: file, ...env }), out);
  return { code, text };
}

async function discord(deployed: boolean): Promise<FakeDiscord> {
  const fake = new FakeDiscord();
  await fake.listen();
  closers.push(() => fake.close());
  if (deployed) await deployCommands({ token: 't', applicationId: APP_ID, apiUrl: fake.apiUrl }, allCommands());
  return fake;
}

async function slack(overrides: Parameters<typeof slackApi>[0] = {}): Promise<FakeServer> {
  const server = await fakeServer(slackApi(overrides));
  closers.push(() => server.close());
  return server;
}

const discordEnv = (fake: FakeDiscord, applicationId = APP_ID) => ({ DISCORD_TOKEN: 'token', DISCORD_APPLICATION_ID: applicationId, DISCORD_API_URL: fake.apiUrl });
const slackEnv = (server: FakeServer) => ({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${server.url}/api/` });

describe('yomikai doctor on Discord', () => {
  it('token, application id and deployed commands in order: all ok, exit 0', async () => {
    const { code, text } = await doctor(discordEnv(await discord(true)));
    expect(text).toContain('ok    Discord: DISCORD_APPLICATION_ID matches the token');
    expect(text).toContain(`ok    Discord: channel ${CHANNEL_ID} (daily quiz): the bot may view, send and embed`);
    expect(text).toMatch(/ok {4}Discord: the \d+ slash commands \(global\) are in sync with commands\//);
    expect(text).toContain('All checks passed.');
    expect(code).toBe(0);
  });

  it('a wrong application id: says which one the token belongs to', async () => {
    const { code, text } = await doctor(discordEnv(await discord(true), '100000000000000777'));
    expect(text).toContain(`FAIL  Discord: DISCORD_APPLICATION_ID is 100000000000000777, but the token belongs to application ${APP_ID} — set DISCORD_APPLICATION_ID=${APP_ID}`);
    expect(code).toBe(1);
  });

  it('commands never deployed: out of sync, run discord:deploy', async () => {
    const { code, text } = await doctor(discordEnv(await discord(false)));
    expect(text).toMatch(/FAIL {2}Discord: slash commands \(global\) out of sync: \/model missing.* — run npm run discord:deploy/);
    expect(code).toBe(1);
  });

  it('a scheduled channel where the bot may not send: names the permission', async () => {
    const fake = await discord(true);
    const forbidden = '300000000000000008';
    fake.forbiddenChannels.add(forbidden);
    const { code, text } = await doctor(discordEnv(fake), databaseWithSchedule('C100', 'Asia/Tokyo', forbidden));
    expect(text).toContain(`FAIL  Discord: channel ${forbidden} (daily quiz): the bot lacks Send Messages — allow them for the bot's role`);
    expect(code).toBe(1);
  });
});

describe('yomikai doctor on Slack', () => {
  it('scopes granted and the bot in the scheduled channel: all ok, exit 0', async () => {
    const server = await slack();
    const { code, text } = await doctor(slackEnv(server));
    expect(text).toContain('ok    Slack: channel C100 (daily quiz): the bot is a member');
    expect(text).toContain('All checks passed.');
    expect(code).toBe(0);
    expect((await server.waitFor(method('conversations.info'))).body.channel).toBe('C100');
  });

  it('a missing scope: named, with where to add it', async () => {
    const granted = GRANTED_SCOPES.split(',').filter((scope) => scope !== 'chat:write').join(',');
    const server = await slack({ 'auth.test': () => new WithHeaders({ ok: true, user_id: 'UBOT', team_id: 'T1', user: 'yomikai' }, { 'x-oauth-scopes': granted }) });
    const { code, text } = await doctor(slackEnv(server));
    expect(text).toContain('FAIL  Slack: the token lacks the scopes chat:write — add them under OAuth & Permissions');
    expect(code).toBe(1);
  });

  it('a token from before calendar files (no files:write): named, because the check follows the manifest', async () => {
    const granted = GRANTED_SCOPES.split(',').filter((scope) => scope !== 'files:write').join(',');
    const server = await slack({ 'auth.test': () => new WithHeaders({ ok: true, user_id: 'UBOT', team_id: 'T1', user: 'yomikai' }, { 'x-oauth-scopes': granted }) });
    const { code, text } = await doctor(slackEnv(server));
    expect(text).toContain('FAIL  Slack: the token lacks the scopes files:write');
    expect(code).toBe(1);
  });

  it('the bot not in a scheduled channel: says to invite it', async () => {
    const server = await slack({ 'conversations.info': (r) => ({ ok: true, channel: { id: r.body.channel, is_member: false } }) });
    const { code, text } = await doctor(slackEnv(server));
    expect(text).toContain('FAIL  Slack: channel C100 (daily quiz): the bot is not a member — invite it: /invite @yomikai in that channel');
    expect(code).toBe(1);
  });

  it('a refused token: says where to copy it from', async () => {
    const server = await slack({ 'auth.test': () => ({ ok: false, error: 'invalid_auth' }) });
    const { code, text } = await doctor(slackEnv(server));
    expect(text).toContain('FAIL  Slack: auth.test refuses SLACK_BOT_TOKEN (invalid_auth)');
    expect(code).toBe(1);
  });
});

describe('yomikai doctor, local checks', () => {
  it('as a program: no platforms, a sound database, exit 0 with every line ok', async () => {
    const { code, stdout } = await yomikai('doctor', '--db', databaseWithSchedule());
    expect(stdout.trim().split('\n').every((line) => line.startsWith('ok    ') || line === 'All checks passed.')).toBe(true);
    expect(stdout).toContain(`sound and writable, schema ${allMigrations().length} of ${allMigrations().length}`);
    expect(code).toBe(0);
  });

  it('a database SQLite may only read: not writable, says what to do', async () => {
    const file = databaseWithSchedule();
    // Root ignores permission bits; SQLite's own read-only mark (header byte 18 above 2) holds for everyone.
    const bytes = readFileSync(file);
    bytes[18] = 3;
    writeFileSync(file, bytes);
    const { code, text } = await doctor({}, file);
    expect(text).toContain(`FAIL  database ${file}: not writable (SQLITE_READONLY) — make the file and its folder writable`);
    expect(code).toBe(1);
  });

  it('a schedule in a zone this Node does not know', async () => {
    let text = '';
    const out = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
    const code = await runDoctor(loadConfig({}, { YOMIKAI_DB: databaseWithSchedule('C1', 'Mars/Olympus_Mons') }), out);
    expect(text).toContain('FAIL  time zones unknown to this Node: Mars/Olympus_Mons');
    expect(code).toBe(1);
  });

  it('summaries on and the model server failing, then answering', async () => {
    const llm = new FakeOpenAI();
    await llm.listen();
    closers.push(() => llm.close());
    llm.mode = '500';
    const failing = await doctor({ OPENAI_BASE_URL: llm.baseUrl, SUMMARY_TIMEOUT_MS: '10000' });
    expect(failing.text).toMatch(/FAIL {2}summaries: .* did not answer \(server-error/);
    expect(failing.code).toBe(1);
    llm.mode = 'normal';
    const answering = await doctor({ OPENAI_BASE_URL: llm.baseUrl, SUMMARY_TIMEOUT_MS: '10000' });
    expect(answering.text).toContain('answers');
    expect(answering.code).toBe(0);
    expect(llm.requests.at(-1)?.body).toMatchObject({ max_tokens: 1 });
  });
});
