/**
 * The house's layers, lowest first — the one place they are written down
 * (README "Architecture" explains them). A file may import from its own
 * layer or a lower one, never from a higher one. Features sit side by side:
 * one may use another's types (the quiz asks for reveal briefs the
 * summaries provide), never its code.
 */
export const LAYERS: readonly { name: string; paths: readonly string[] }[] = [
  { name: 'messages', paths: ['src/i18n/'] },
  { name: 'floor', paths: ['src/core/', 'src/catalog/', 'src/store/', 'src/schedule/', 'src/present/'] },
  { name: 'features', paths: ['src/quiz/', 'src/reading/', 'src/summary/', 'src/backup/'] },
  { name: 'commands', paths: ['commands/'] },
  { name: 'config', paths: ['src/config.ts'] },
  { name: 'adapters', paths: ['src/adapters/'] },
  // Entry points and the composition of features: the only files that know every room.
  { name: 'app', paths: ['src/app.ts', 'src/bootstrap.ts', 'src/start.ts', 'src/cli.ts', 'src/main.ts', 'src/adapters/discord/deploy-cli.ts', 'src/adapters/slack/manifest-cli.ts', 'src/quiz/bank/check-cli.ts', 'src/doctor/', 'src/health-probe.ts', 'src/metrics.ts'] },
];

/** Folders that are one feature each: imports between two of them must be type-only. */
export const FEATURE_FOLDERS = ['src/quiz/', 'src/reading/', 'src/summary/', 'src/backup/'];
