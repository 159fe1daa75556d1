import { loadConfig } from './config.js';

/**
 * The container's HEALTHCHECK: exit 0 when healthy. With HEALTH_PORT set (the
 * image sets it) it asks the bot's own GET /health there, which is 200 only
 * when every platform is connected, the database takes writes and the
 * scheduler ticks. Without it, Slack's HTTP mode is asked for its GET /health
 * on PORT; elsewhere the probe can only say that the configuration loads.
 */
const config = loadConfig();
const slack = config.slack;
const port = config.healthPort ?? (slack?.signingSecret && !slack.appToken ? slack.port : undefined);
if (port !== undefined) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4000) });
    process.exitCode = response.ok ? 0 : 1;
    if (!response.ok) process.stderr.write(`GET /health answered ${response.status}: ${await response.text()}\n`);
  } catch (error) {
    process.stderr.write(`GET /health on port ${port} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
