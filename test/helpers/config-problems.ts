import { expect } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

/** The message loadConfig() refuses this environment with (the test fails if it loads). */
export function configProblems(env: Record<string, string>): string {
  try {
    loadConfig({}, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('config loaded');
}
