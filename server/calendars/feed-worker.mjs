// The worker's entry is plain JavaScript because Node 20 will not start a worker on a .ts file: neither the
// parent's tsx nor `execArgv: ['--import', 'tsx']` reaches the worker's entry module ("Unknown file extension
// .ts"). Registering tsx in the worker's own thread first makes the import below work under tsx and vitest alike.
import { register } from 'tsx/esm/api';

register();
await import('./feed-worker.ts');
