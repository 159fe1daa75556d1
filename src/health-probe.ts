import { loadConfig } from './config.js';

/**
 * The container's HEALTHCHECK: exit 0 when healthy. Today only Slack's HTTP
 * mode serves GET /health (on PORT), so that is asked when it runs; Discord
 * and Socket Mode have no endpoint yet, and there the probe can only say that
 * the configuration loads (the process itself is watched by the runtime).
 */
const config = loadConfig();
const slack = config.slack;
if (slack?.signingSecret && !slack.appToken) {
  try {
    const response = await fetch(`http://127.0.0.1:${slack.port}/health`, { signal: AbortSignal.timeout(4000) });
    process.exitCode = response.ok ? 0 : 1;
    if (!response.ok) process.stderr.write(`GET /health answered ${response.status}\n`);
  } catch (error) {
    process.stderr.write(`GET /health on port ${slack.port} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
