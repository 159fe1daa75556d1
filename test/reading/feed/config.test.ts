import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { configProblems } from '../../helpers/config-problems.js';

const problems = configProblems;

const DISCORD = { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '100000000000000001' };

describe('PUBLIC_URL and FEED_PORT', () => {
  it('takes PUBLIC_URL as an http(s) URL and FEED_PORT as a TCP port', () => {
    const config = loadConfig({}, { PUBLIC_URL: 'https://yomikai.example.org/bot', FEED_PORT: '8082' });
    expect(config.publicUrl).toBe('https://yomikai.example.org/bot');
    expect(config.feedPort).toBe(8082);
    expect(problems({ PUBLIC_URL: 'ftp://example.org' })).toContain('PUBLIC_URL="ftp://example.org" is not valid: expected an http(s) URL such as https://yomikai.example.org.');
    expect(problems({ PUBLIC_URL: 'yomikai.example.org' })).toContain('PUBLIC_URL="yomikai.example.org" is not valid');
    expect(problems({ PUBLIC_URL: 'https://example.org/?a=1' })).toContain('expected an http(s) URL without ? or #');
    expect(problems({ FEED_PORT: '70000' })).toContain('FEED_PORT="70000" is not valid: expected a TCP port between 1 and 65535, e.g. 8082.');
  });

  it('refuses a running bot with PUBLIC_URL and no HTTP server to serve the feed, naming what to set', () => {
    expect(problems({ ...DISCORD, PUBLIC_URL: 'https://y.example.org' })).toContain('PUBLIC_URL is set but no HTTP server would serve the calendar feed: set FEED_PORT');
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', PUBLIC_URL: 'https://y.example.org' })).toContain('set FEED_PORT');
    expect(loadConfig({}, { ...DISCORD, PUBLIC_URL: 'https://y.example.org', FEED_PORT: '8082' }).feedPort).toBe(8082);
    expect(loadConfig({}, { ...DISCORD, PUBLIC_URL: 'https://y.example.org', HEALTH_PORT: '8081' }).healthPort).toBe(8081);
    expect(loadConfig({}, { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PUBLIC_URL: 'https://y.example.org' }).publicUrl).toBe('https://y.example.org');
  });

  it('refuses FEED_PORT on a port another server of the bot already takes', () => {
    expect(problems({ HEALTH_PORT: '8081', FEED_PORT: '8081' })).toContain('FEED_PORT=8081 is already used by HEALTH_PORT');
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', FEED_PORT: '3000' })).toContain("FEED_PORT=3000 is already used by Slack's HTTP server (PORT)");
  });
});
