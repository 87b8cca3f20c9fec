// `npm test`: the typecheck and lint (each one check), the widget build, every vitest suite (unit, API,
// storage, Stripe, SMTP, end to end) and the widget's component tests in headless Chromium; one exit
// code and one closing count.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chrome = candidates.find((path) => path && existsSync(path));
if (!chrome) {
  console.error(
    'No Chromium found: the widget and end-to-end tests run in a real headless Chromium.\n' +
      '  Debian/Ubuntu: apt-get install -y chromium   (gives /usr/bin/chromium)\n' +
      '  elsewhere:     install Chromium or Chrome and set CHROME_PATH=/path/to/chrome',
  );
  process.exit(1);
}
process.env.CHROME_PATH = chrome;
console.log(`Chromium: ${chrome}`);
console.log(process.env.DATABASE_URL ? 'PostgreSQL: DATABASE_URL is set, storage and API suites run on it too' : 'PostgreSQL: DATABASE_URL not set, SQLite only');

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env: process.env }).status ?? 1;

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
const failedSteps = [];

// Static checks first. Each counts as one check, passed or failed; a failure does not stop the tests.
for (const step of ['typecheck', 'lint']) {
  console.log(`\n${step}: npm run ${step}`);
  if (run('npm', ['run', '--silent', step]) === 0) {
    passed += 1;
    console.log(`${step}: passed`);
  } else {
    failed += 1;
    failedSteps.push(step);
    console.error(`${step} FAILED (counted as 1 failed check; \`npm run ${step}\` repeats it)`);
  }
}

if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) {
  console.error('The widget build failed.');
  process.exit(1);
}

const failedBeforeVitest = failed;
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
} catch {
  failed += 1;
}
if (vitestStatus !== 0 && failed === failedBeforeVitest) failed += 1;
if (failed > failedBeforeVitest) failedSteps.push('vitest');

const failedBeforeWtr = failed;
const wtrStatus = run('npx', ['wtr']);
try {
  const report = JSON.parse(readFileSync('test-results/wtr.json', 'utf8'));
  passed += report.passed;
  failed += report.failed;
} catch {
  failed += 1;
}
if (wtrStatus !== 0 && failed === failedBeforeWtr) failed += 1;
if (failed > failedBeforeWtr) failedSteps.push('wtr');

if (failedSteps.length > 0) console.error(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
