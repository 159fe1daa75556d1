import type { Config } from '../config.js';
import { allCommands } from '../app.js';
import { databaseLines, contentLines, zoneLines } from './local.js';
import { llmLines } from './llm.js';
import { formatLine, guarded, type CheckLine } from '../core/check-lines.js';
import { readInUse, type InUse } from './places.js';

/**
 * `yomikai doctor`: what someone setting yomikai up gets wrong, one line per
 * check with what to do. Exit 0 when every check passes, 1 when any fails.
 */
export async function runDoctor(config: Config, out: NodeJS.WritableStream): Promise<number> {
  const lines: CheckLine[] = [];
  const report = (more: CheckLine[]) => {
    for (const line of more) out.write(`${formatLine(line)}\n`);
    lines.push(...more);
  };
  report(await guarded('database', () => databaseLines(config)));
  let inUse: InUse = { channels: [], zones: [] };
  report(
    await guarded('scheduled channels and zones', () => {
      inUse = readInUse(config.dbPath);
      return [];
    }),
  );
  report(await guarded('catalog and quiz bank', () => contentLines(config)));
  report(await guarded('time zones', () => zoneLines(config, inUse.zones)));
  const discord = config.discord;
  if (discord) {
    const { discordLines } = await import('../adapters/discord/doctor.js');
    report(await guarded('Discord', () => discordLines(discord, inUse.channels, allCommands())));
  }
  const slack = config.slack;
  if (slack) {
    const { slackLines } = await import('../adapters/slack/doctor.js');
    report(await guarded('Slack', () => slackLines(slack, inUse.channels, allCommands())));
  }
  if (!discord && !slack) report([{ ok: true, what: 'chat platforms: none configured', detail: 'set DISCORD_TOKEN or SLACK_BOT_TOKEN to run on one (the console chat needs neither)' }]);
  report(await guarded('summaries', () => llmLines(config)));
  const failed = lines.filter((line) => !line.ok).length;
  out.write(failed === 0 ? 'All checks passed.\n' : `${failed} check${failed === 1 ? '' : 's'} failed.\n`);
  return failed === 0 ? 0 : 1;
}
