#!/usr/bin/env node
// The `yomikai` command. The TypeScript sources are compiled to dist/ by `npm install` (prepare).
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps the compiled code of the modules below between runs (a no-op on Node 20,
// which lacks it): the one-shot CLI spends much of its start loading modules.
module.enableCompileCache?.();

const entry = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('yomikai is not built yet: run `npm install` (or `npm run build`) in the project folder first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv.slice(2));
