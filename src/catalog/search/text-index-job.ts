import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { DescriptionCutter } from './description-terms.js';
import { nameTerms, rowWords, type RowWords } from './row-terms.js';
import { codedChunk, type DescriptionChunk, packDescriptions } from './text-fields.js';
import { combineTextIndex, type TextIndexParts } from './text-index-build.js';
import { TextRows } from './text-rows.js';
import type { SearchDoc } from './types.js';

/**
 * Description characters from which the text index is built on a second
 * thread. Below it (the real catalog has about 60,000) starting a thread costs
 * more than it saves; the generated 100,000-entry catalog has 24 million.
 */
export const THREAD_MIN_CHARACTERS = 1 << 21;

/**
 * How long the index waits for the thread before building the text index
 * itself. The thread needs about a second for the generated 100,000-entry
 * catalog; the wait only runs out if it died without a word (killed, out of
 * memory), which nothing else could tell a waiter blocked in Atomics.wait.
 */
const THREAD_WAIT_MS = 120_000;

/** The module the thread runs: text-index-build.js beside this file (absent when tests run the .ts sources). */
const BUILD_MODULE = new URL('./text-index-build.js', import.meta.url);

/**
 * The thread's whole program: load the build module while the first chunk of
 * descriptions is packed, cut each chunk into terms as it arrives, then, once
 * the names' words arrive, cut those and build the index. It imports the
 * module itself, so that a module that fails to load is reported like any
 * other failure: every outcome ends with a message on the port and the flag
 * set, which is all the waiting thread can see (blocked in Atomics.wait, its
 * event loop stands still).
 */
const THREAD_PROGRAM = `
const { workerData } = require('node:worker_threads');
const { port, flag, moduleUrl, docCount, characters } = workerData;
const finish = (message, transfer, state) => {
  if (Atomics.load(flag, 0) !== 0) return;
  port.postMessage(message, transfer);
  Atomics.store(flag, 0, state);
  Atomics.notify(flag, 0);
  port.close();
};
const fail = (error) => finish({ error: String((error && error.stack) || error) }, [], 2);
process.on('exit', () => fail('the thread ended without a result'));
const arrived = [];
const waiting = [];
port.on('message', (message) => (waiting.length > 0 ? waiting.shift()(message) : arrived.push(message)));
const next = () => (arrived.length > 0 ? Promise.resolve(arrived.shift()) : new Promise((resolve) => waiting.push(resolve)));
(async () => {
  const build = await import(moduleUrl);
  const cutter = new build.DescriptionCutter(docCount, characters);
  for (;;) {
    const message = await next();
    if (message.chunk) {
      cutter.add(build.codedChunk(message.chunk));
      continue;
    }
    const parts = build.combineTextIndex(build.nameTerms(message.rows), cutter.result());
    return finish(parts, build.partsBuffers(parts), 1);
  }
})().catch(fail);
`;

export interface TextIndexJobOptions {
  /** false: never a thread; true: a thread whatever the size; unset: a thread from THREAD_MIN_CHARACTERS. */
  thread?: boolean;
  /** The module the thread imports (tests give a broken one); text-index-build.js beside this file by default. */
  buildModule?: URL;
}

/** A text index being built: give it the names' words (once), then wait for it. */
export interface TextIndexJob {
  give(rows: RowWords): void;
  /** The index, and whether the second thread built it (false: this one did, from the start or after a failure). */
  wait(): { parts: TextIndexParts; thread: boolean };
}

/**
 * Starts building the text index of these docs. For a large catalog a worker
 * thread cuts the descriptions into terms while the caller goes on (SearchIndex
 * splits the names into words meanwhile); give() hands it those words, and the
 * thread cuts them and builds the postings while the caller builds its name
 * tables; wait() then waits for it — synchronously, so SearchIndex's
 * constructor stays synchronous. If the thread cannot start or fails, the
 * index is built here instead: the same index, only later.
 */
export function startTextIndex(docs: readonly SearchDoc[], options: TextIndexJobOptions = {}): TextIndexJob {
  // Kept here as well: if the thread fails, the index is built from them on this one.
  const chunks: DescriptionChunk[] = [];
  let characters = 0;
  let worker: Thread | undefined;
  let tried = false;
  // Copied (a flat string is one block of bytes), never transferred: detaching a buffer here
  // would make every typed-array read on this thread check for detachment from then on (V8's
  // detaching protector), and the queries' hot loops read little else. Measured: 20% slower.
  const handOver = (chunk: DescriptionChunk) => {
    if (worker && Atomics.load(worker.flag, 0) === 0) worker.port.postMessage({ chunk });
  };
  packDescriptions(docs, (chunk) => {
    chunks.push(chunk);
    characters += chunk.text.length;
    if (tried || options.thread === false || !(options.thread || characters >= THREAD_MIN_CHARACTERS)) return handOver(chunk);
    // Started as soon as the catalog is known to be large enough; it catches up on the chunks so far.
    tried = true;
    const docsSoFar = chunk.firstDoc + chunk.textCount.length;
    worker = startThread(options.buildModule ?? BUILD_MODULE, docs.length, Math.ceil((characters * docs.length) / docsSoFar));
    chunks.forEach(handOver);
  });
  let given: RowWords | undefined;
  const buildHere = () => {
    if (!given) throw new Error('TextIndexJob.wait() before give()');
    const cutter = new DescriptionCutter(docs.length, characters);
    for (const chunk of chunks) cutter.add(codedChunk(chunk));
    return { parts: combineTextIndex(nameTerms(given), cutter.result()), thread: false };
  };
  if (!worker) return { give: (rows) => void (given = rows), wait: buildHere };
  const { thread, flag, port } = worker;
  return {
    give: (rows) => {
      given = rows;
      // Copied, not transferred: if the thread fails, the words are needed here.
      if (Atomics.load(flag, 0) === 0) port.postMessage({ rows });
    },
    wait: () => {
      const waited = Atomics.wait(flag, 0, 0, THREAD_WAIT_MS);
      const received = waited === 'timed-out' ? undefined : receiveMessageOnPort(port)?.message;
      port.close();
      void thread.terminate().catch(() => undefined);
      const parts = received as TextIndexParts | { error: string } | undefined;
      return parts && !('error' in parts) ? { parts, thread: true } : buildHere();
    },
  };
}

/** The worker thread, the flag it sets when done and the port it answers on. */
interface Thread {
  thread: Worker;
  flag: Int32Array;
  port: MessagePort;
}

/** Undefined if it cannot start. `characters`: about how many the descriptions hold (the thread sizes its arrays by it). */
function startThread(buildModule: URL, docCount: number, characters: number): Thread | undefined {
  if (!existsSync(fileURLToPath(buildModule))) return undefined;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  try {
    const thread = new Worker(THREAD_PROGRAM, { eval: true, workerData: { port: port2, flag, moduleUrl: buildModule.href, docCount, characters }, transferList: [port2] });
    thread.unref(); // never what keeps the process alive
    thread.on('error', () => undefined); // the outcome is read from the flag; a failure means building here
    return { thread, flag, port: port1 };
  } catch {
    port1.close();
    return undefined;
  }
}

/** The text index of these docs, built on this thread (`rows`: TextRows of the same docs, if already made). */
export function buildTextIndexHere(docs: readonly SearchDoc[], rows: TextRows = new TextRows(docs)): TextIndexParts {
  const job = startTextIndex(docs, { thread: false });
  job.give(rowWords(rows));
  return job.wait().parts;
}
