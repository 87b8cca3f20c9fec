import { createMemoryMailQueue } from './memory-queue.ts';
import { describeMailQueue } from './queue-contract.ts';

describeMailQueue('in-memory mail queue', () => createMemoryMailQueue());
