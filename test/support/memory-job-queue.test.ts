import { createMemoryJobQueue } from './memory-job-queue.ts';
import { describeJobQueue } from './job-queue-contract.ts';

describeJobQueue('in-memory job queue', () => createMemoryJobQueue());
