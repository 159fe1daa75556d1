import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { descriptionTerms } from './description-terms.js';
import { nameTerms, type NameTerms } from './row-terms.js';
import { packDescriptions, packedCharacters } from './text-fields.js';
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
 * The thread's whole program: cut the descriptions into terms, then, once the
 * names' terms arrive, build the index. It imports the module itself, so that
 * a module that fails to load is reported like any other failure: every
 * outcome ends with a message on the port and the flag set, which is all the
 * waiting thread can see (blocked in Atomics.wait, its event loop stands still).
 */
const THREAD_PROGRAM = `
const { workerData } = require('node:worker_threads');
const { port, flag, moduleUrl, packed } = workerData;
const finish = (message, transfer, state) => {
  if (Atomics.load(flag, 0) !== 0) return;
  port.postMessage(message, transfer);
  Atomics.store(flag, 0, state);
  Atomics.notify(flag, 0);
  port.close();
};
const fail = (error) => finish({ error: String((error && error.stack) || error) }, [], 2);
process.on('exit', () => fail('the thread ended without a result'));
import(moduleUrl)
  .then((build) => {
    const descriptions = build.descriptionTerms(packed);
    port.once('message', (names) => {
      try {
        const parts = build.combineTextIndex(names, descriptions);
        finish(parts, build.partsBuffers(parts), 1);
      } catch (error) {
        fail(error);
      }
    });
  })
  .catch(fail);
`;

export interface TextIndexJobOptions {
  /** false: never a thread; true: a thread whatever the size; unset: a thread from THREAD_MIN_CHARACTERS. */
  thread?: boolean;
  /** The module the thread imports (tests give a broken one); text-index-build.js beside this file by default. */
  buildModule?: URL;
}

/** A text index being built: give it the names' terms (once), then wait for it. */
export interface TextIndexJob {
  give(names: NameTerms): void;
  /** The index, and whether the second thread built it (false: this one did, from the start or after a failure). */
  wait(): { parts: TextIndexParts; thread: boolean };
}

/**
 * Starts building the text index of these docs. For a large catalog a worker
 * thread cuts the descriptions into terms while the caller goes on (SearchIndex
 * cuts the names into terms meanwhile); give() hands it those, and it builds
 * the postings while the caller builds its name tables; wait() then waits for
 * it — synchronously, so SearchIndex's constructor stays synchronous. If the thread cannot start or
 * fails, the index is built here instead: the same index, only later.
 */
export function startTextIndex(docs: readonly SearchDoc[], options: TextIndexJobOptions = {}): TextIndexJob {
  const packed = packDescriptions(docs);
  let given: NameTerms | undefined;
  const give = (names: NameTerms) => void (given = names);
  const buildHere = () => {
    if (!given) throw new Error('TextIndexJob.wait() before give()');
    return { parts: combineTextIndex(given, descriptionTerms(packed)), thread: false };
  };
  const here: TextIndexJob = { give, wait: buildHere };
  const buildModule = options.buildModule ?? BUILD_MODULE;
  if (!(options.thread ?? packedCharacters(packed) >= THREAD_MIN_CHARACTERS)) return here;
  if (!existsSync(fileURLToPath(buildModule))) return here;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(THREAD_PROGRAM, { eval: true, workerData: { port: port2, flag, moduleUrl: buildModule.href, packed }, transferList: [port2] });
  } catch {
    port1.close();
    return here;
  }
  worker.unref(); // never what keeps the process alive
  worker.on('error', () => undefined); // the outcome is read from the flag; a failure means building here
  return {
    give: (names) => {
      given = names;
      // Copied, not transferred: if the thread fails, the names are needed here.
      if (Atomics.load(flag, 0) === 0) port1.postMessage(names);
    },
    wait: () => {
      const waited = Atomics.wait(flag, 0, 0, THREAD_WAIT_MS);
      const received = waited === 'timed-out' ? undefined : receiveMessageOnPort(port1)?.message;
      port1.close();
      void worker.terminate().catch(() => undefined);
      const parts = received as TextIndexParts | { error: string } | undefined;
      return parts && !('error' in parts) ? { parts, thread: true } : buildHere();
    },
  };
}

/** The text index of these docs, built on this thread (`rows`: TextRows of the same docs, if already made). */
export function buildTextIndexHere(docs: readonly SearchDoc[], rows: TextRows = new TextRows(docs)): TextIndexParts {
  const job = startTextIndex(docs, { thread: false });
  job.give(nameTerms(rows));
  return job.wait().parts;
}
