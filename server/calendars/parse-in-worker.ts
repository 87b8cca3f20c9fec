// SPEC 2.19: ical.js needs about half a second of CPU for a 2 MB feed and can loop for ever on a hostile RRULE,
// so feeds are parsed in a worker thread: the server keeps answering meanwhile, and a stuck parse is stopped.
import { Worker } from 'node:worker_threads';
import { FeedError, type FeedErrorCode, type ParsedFeed, type ParseFeedOptions } from './parse-feed.ts';

export interface WorkerParseOptions extends ParseFeedOptions {
  /** How long the parse may take, worker start-up included (default 5 s); then the worker is stopped. */
  timeoutMs?: number;
}

/** What the worker receives (workerData) and answers (one message). */
export interface FeedJob {
  text: string;
  options: ParseFeedOptions;
}
export type FeedReply = { ok: true; feed: ParsedFeed } | { ok: false; code?: FeedErrorCode; message: string };

const DEFAULT_TIMEOUT_MS = 5_000;
// A 2 MB feed parses in well under 100 MB; the cap keeps a pathological one from taking the server's memory.
const HEAP_LIMIT_MB = 256;
const ENTRY = new URL('./feed-worker.mjs', import.meta.url);

/** parseFeed in a worker thread of its own, stopped with FeedError('too_slow') after `timeoutMs`. */
export function parseFeedInWorker(text: string, options: WorkerParseOptions): Promise<ParsedFeed> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, ...parseOptions } = options;
  return new Promise<ParsedFeed>((resolve, reject) => {
    const job: FeedJob = { text, options: parseOptions };
    const worker = new Worker(ENTRY, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      finish();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new FeedError('too_slow', `The calendar took more than ${timeoutMs / 1000} s to read`)));
    }, timeoutMs);
    worker.on('message', (reply: FeedReply) => {
      settle(() => {
        if (reply.ok) resolve(reply.feed);
        else reject(reply.code ? new FeedError(reply.code, reply.message) : new Error(reply.message));
      });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new FeedError('too_large', 'The calendar is too large to read') : error));
    });
    worker.on('exit', (code) => {
      settle(() => reject(new Error(`The calendar worker stopped (exit code ${code}) before answering`)));
    });
  });
}
