import { loadCatalog } from '../src/catalog/load.js';
import { buildSearchDocs } from '../src/catalog/search-docs.js';
import { formatTable, runLongQueryBench, runSearchBench } from './search-bench.js';
import { formatDescriptiveTable, runDescriptiveBench, runDescriptiveTiming } from './descriptive-bench.js';
import { formatMarginTable, runMarginBench } from './descriptive-margin.js';
import { generateCatalog } from './generated-catalog.js';
import { runDispatchBench } from './dispatch-bench.js';
import { runStartupBench } from './startup-bench.js';
import { runQuizBench } from './quiz-bench.js';
import { runLiveCountBench } from './live-count-bench.js';

/**
 * `npm run bench`: the search against MiniSearch and Fuse.js, a command through
 * dispatch and render, start-up (console and one-shot CLI), the quiz at scale and live counts.
 * Run from the repository root; takes several minutes (Fuse.js alone needs ~2
 * minutes at 100,000 docs). `npm run bench -- quiz live` runs only the sections
 * named (search, descriptive, dispatch, startup, quiz, live).
 */
const only = process.argv.slice(2);
const wanted = (section: string) => only.length === 0 || only.includes(section);

if (wanted('search')) {
  const docs = buildSearchDocs(loadCatalog('data/catalog'));
  console.log('## Search: yomikai vs MiniSearch vs Fuse.js\n');
  console.log(formatTable(await runSearchBench(docs)));

  console.log('\n## yomikai: pasted essays (cut to 512 characters before matching), real catalog\n');
  console.log('| query | median | max of 200 |\n| --- | ---: | ---: |');
  for (const row of runLongQueryBench(docs)) console.log(`| \`${row.query}\` | ${row.medianUs.toFixed(1)} µs | ${row.maxUs.toFixed(1)} µs |`);
}

if (wanted('descriptive')) {
  const docs = buildSearchDocs(loadCatalog('data/catalog'));
  console.log('\n## Descriptive queries (bench/descriptive-queries.ts, held-out), real catalog: meant entry in the top 3\n');
  console.log(formatDescriptiveTable(runDescriptiveBench(docs)));
  console.log('\n## /model and /dataset: the "clearly ahead" margin on the descriptive table\n');
  console.log(formatMarginTable(runMarginBench(docs)));
  const timing = await runDescriptiveTiming(generateCatalog(100_000, docs));
  console.log('\n## yomikai /search (60 hits) with descriptive queries, generated 100k catalog with notes\n');
  const memory = timing.memoryMB === undefined ? '–' : `${timing.memoryMB.toFixed(1)} MB`;
  console.log(`| build (names + descriptions) | memory | median | p99 | samples |\n| ---: | ---: | ---: | ---: | ---: |`);
  console.log(`| ${timing.buildMs.toFixed(0)} ms | ${memory} | ${timing.medianUs.toFixed(1)} µs | ${timing.p99Us.toFixed(1)} µs | ${timing.samples} |`);
}

if (wanted('dispatch')) {
  console.log('\n## A command through dispatch and render (no I/O), real catalog\n');
  console.log('| command | median µs | p99 µs | samples |\n| --- | ---: | ---: | ---: |');
  for (const row of await runDispatchBench()) {
    console.log(`| \`${row.command}\` | ${row.medianUs.toFixed(1)} | ${row.p99Us.toFixed(1)} | ${row.samples} |`);
  }
}

if (wanted('startup')) {
  const rows = await runStartupBench();
  const floor = rows[0]!.medianMs;
  console.log('\n## Start-up: process start to what a person waits for\n');
  console.log('| | runs | median ms | above the floor | max ms |\n| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(`| ${row.what} | ${row.runs} | ${row.medianMs.toFixed(0)} | ${(row.medianMs - floor).toFixed(0)} | ${row.maxMs.toFixed(0)} |`);
  }
}

if (wanted('quiz')) {
  // The daily quiz at scale: a file database, 1,000 channels due in the same minute (two workers
  // ticking at once), then answers recorded one transaction each through the real store.
  const quiz = await runQuizBench();
  console.log('\n## Daily quiz: 1,000 channels due in one minute, answers through the store\n');
  console.log('| channels due | choose + claim + record | rounds | duplicates | answers | answers/s |\n| ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${quiz.channels} | ${quiz.dueMs.toFixed(0)} ms | ${quiz.rounds} | ${quiz.duplicates} | ${quiz.answers} | ${quiz.answersPerSecond.toFixed(0)} |`,
  );
}

if (wanted('live')) {
  // 600 members press an answer on one round: real discord.js / Bolt (HTTP mode) and the real store,
  // against a loopback platform in a process of its own, which times every press from outside.
  console.log('\n## Live counts: 600 members answering one round\n');
  console.log('| platform | sent over | ack p50 | ack p99 | ack max | private answer p99 | bot CPU | count edits | most in 5 s | count behind (max) | last count |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const platform of ['discord', 'slack'] as const) {
    // The 10-second run first: the burst then meets a bot whose code paths are warm, as a running bot's are.
    for (const withinMs of [10_000, 1000]) {
      const r = await runLiveCountBench(platform, 600, withinMs);
      console.log(
        `| ${platform} | ${r.sendMs} ms | ${r.ackP50Ms} ms | ${r.ackP99Ms} ms | ${r.ackMaxMs} ms | ${r.answerP99Ms === undefined ? '(the ack)' : `${r.answerP99Ms} ms`} | ${r.botCpuMs.toFixed(0)} ms | ${r.edits} | ${r.editsPer5s} | ${r.maxBehindMs} ms | ${r.finalCount} |`,
      );
    }
  }
}
