// One parse per worker (see parse-in-worker.ts): the job arrives in workerData and the answer leaves as one message.
import { parentPort, workerData } from 'node:worker_threads';
import { FeedError, parseFeed } from './parse-feed.ts';
import type { FeedJob, FeedReply } from './parse-in-worker.ts';

const { text, options } = workerData as FeedJob;
let reply: FeedReply;
try {
  reply = { ok: true, feed: parseFeed(text, options) };
} catch (error) {
  // Only structured-clonable data crosses the thread boundary: the error is rebuilt from its code on the other side.
  reply = error instanceof FeedError ? { ok: false, code: error.code, message: error.message } : { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
