// `npm test` builds dist/ first; a lone `vitest run` of a test that needs the built widget or card
// frame builds it here. The build goes to a private folder and each file is moved in with one
// rename, so test files running in parallel never see half a file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = ['widget.js', 'card-frame.js'];

export function ensureBuilt(): void {
  if (BUILT.every((file) => existsSync(join('dist', file)))) return;
  mkdirSync('dist', { recursive: true });
  const out = mkdtempSync('dist/.build-');
  try {
    // vitest sets NODE_ENV=test, which would make Vite build Lit's development variant.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', out, '--emptyOutDir'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    for (const file of BUILT) if (!existsSync(join('dist', file))) renameSync(join(out, file), join('dist', file));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
