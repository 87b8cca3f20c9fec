import { createMemoryMailQueue } from './memory-mail-queue.ts';
import { describeMailQueue } from './mail-queue-contract.ts';

describeMailQueue('in-memory mail queue', () => createMemoryMailQueue());
