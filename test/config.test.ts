import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { configProblems } from './helpers/config-problems.js';

const problems = configProblems;

describe('config', () => {
  it('has working defaults with an empty environment (console mode)', () => {
    const config = loadConfig({}, {});
    expect(config.defaultLang).toBe('en');
    expect(config.defaultTimezone).toBe('UTC');
    expect(config.discord).toBeUndefined();
    expect(config.slack).toBeUndefined();
    expect(config.dbPath).toMatch(/yomikai\.db$/);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({}, { YOMIKAI_LANG: '  ', DISCORD_TOKEN: '' }).defaultLang).toBe('en');
  });

  it.each([
    [{ YOMIKAI_LANG: 'fr' }, 'YOMIKAI_LANG="fr" is not valid'],
    [{ YOMIKAI_TIMEZONE: 'Tokyo' }, 'YOMIKAI_TIMEZONE="Tokyo" is not valid: expected an IANA time zone such as Asia/Tokyo'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud" is not valid'],
    [{ PORT: '99999', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }, 'PORT="99999" is not valid'],
    [{ DISCORD_TOKEN: 'abc' }, 'DISCORD_APPLICATION_ID is not set'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is not set'],
    [{ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN="xoxp-1" is not valid: expected a bot token starting with xoxb-'],
  ])('%o → names the variable', (env, message) => {
    expect(problems(env)).toContain(message);
  });

  it('checks PORT only where Slack HTTP mode listens on it', () => {
    expect(loadConfig({}, { PORT: 'abc' }).slack).toBeUndefined(); // the console ignores a platform's PORT
    expect(problems({ PORT: 'abc', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toContain(
      'PORT="abc" is not valid: expected a TCP port between 1 and 65535, e.g. 3000.',
    );
    expect(loadConfig({}, { PORT: '8080', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack?.port).toBe(8080);
    expect(loadConfig({}, { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack?.port).toBe(3000);
  });

  it('reads HEALTH_PORT as a TCP port, unset by default', () => {
    expect(loadConfig({}, { HEALTH_PORT: '8081' }).healthPort).toBe(8081);
    expect(loadConfig({}, {}).healthPort).toBeUndefined();
    for (const bad of ['0', '65536', 'abc', '80.5']) {
      expect(problems({ HEALTH_PORT: bad })).toContain(`HEALTH_PORT="${bad}" is not valid: expected a TCP port between 1 and 65535, e.g. 8081.`);
    }
  });

  it('lets command-line overrides win over the environment', () => {
    expect(loadConfig({ YOMIKAI_DB: ':memory:' }, { YOMIKAI_DB: 'other.db' }).dbPath).toBe(':memory:');
  });
});
