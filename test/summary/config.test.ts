import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_API_KEY, loadConfig } from '../../src/config.js';
import { configProblems } from '../helpers/config-problems.js';

const problem = configProblems;

describe('summary settings', () => {
  it('leave summaries off with neither a key nor a base URL', () => {
    expect(loadConfig({}, {}).summary).toBeUndefined();
    expect(loadConfig({}, { OPENAI_MODEL: 'llama3.2', SUMMARY_DAILY_TOKENS: '10' }).summary).toBeUndefined();
  });

  it('turn on with a key, with defaults for everything else', () => {
    expect(loadConfig({}, { OPENAI_API_KEY: 'sk-test' }).summary).toEqual({
      apiKey: 'sk-test',
      placeholderKey: false,
      model: 'gpt-4o-mini',
      timeoutMs: 20_000,
      maxRetries: 1,
      dailyTokens: 50_000,
      cooldownSeconds: 30,
    });
  });

  it('send a placeholder key to a local server that needs none', () => {
    const summary = loadConfig({}, { OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'llama3.2' }).summary;
    expect(summary).toMatchObject({ apiKey: PLACEHOLDER_API_KEY, placeholderKey: true, baseURL: 'http://localhost:11434/v1', model: 'llama3.2' });
  });

  it.each([
    [{ OPENAI_BASE_URL: 'localhost:11434' }, 'OPENAI_BASE_URL="localhost:11434" is not valid: expected an http(s) URL such as'],
    [{ OPENAI_MODEL: 'gpt 4o' }, 'OPENAI_MODEL="gpt 4o" is not valid: expected a model name without spaces'],
    [{ SUMMARY_TIMEOUT_MS: '20s' }, 'SUMMARY_TIMEOUT_MS="20s" is not valid'],
    [{ SUMMARY_TIMEOUT_MS: '50' }, 'SUMMARY_TIMEOUT_MS="50" is not valid: expected milliseconds, at least 100'],
    [{ SUMMARY_MAX_RETRIES: '5' }, 'SUMMARY_MAX_RETRIES="5" is not valid: expected at most 2'],
    [{ SUMMARY_DAILY_TOKENS: '-1' }, 'SUMMARY_DAILY_TOKENS="-1" is not valid: expected whole tokens from 0'],
    [{ SUMMARY_COOLDOWN_SECONDS: '1.5' }, 'SUMMARY_COOLDOWN_SECONDS="1.5" is not valid'],
  ])('explain a bad value: %j', (env, message) => {
    expect(problem(env)).toContain(message);
  });

  it('never echo the API key in a configuration problem', () => {
    expect(problem({ OPENAI_API_KEY: 'sk-secret-value', SUMMARY_TIMEOUT_MS: 'soon' })).not.toContain('sk-secret-value');
  });
});
