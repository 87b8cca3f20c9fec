import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Files run in parallel across forks, each with its own database. Vitest's default is one fork
    // fewer than the cores, a single one on a 2-core machine; most files wait on servers, browsers
    // and databases rather than compute, and two forks took the suite from 518 s to 416 s there.
    pool: 'forks',
    maxWorkers: 2,
    // A fork keeps the modules it loaded from one file to the next: each file importing the whole
    // server again (Stripe, Kysely, the holiday tables…) was 110 s of the 416; without it, 312 s.
    // Tests keep their state in what they create (an app, a database, a clock), never in a module.
    isolate: false,
  },
});
