// `npm test` builds dist/ first; a lone `vitest run` of a test that needs the built widget or card
// frame builds it here. The build goes to a private folder and each file is moved in with one
// rename, so test files running in parallel never see half a file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = ['widget.js', 'card-frame.js', 'manage.js', 'owner.js', 'chunks'];

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
    // The chunks before the widget.js that imports them. Their names carry their content's hash,
    // so one already there is the same file.
    mkdirSync('dist/chunks', { recursive: true });
    for (const chunk of readdirSync(join(out, 'chunks'))) {
      if (!existsSync(join('dist/chunks', chunk))) renameSync(join(out, 'chunks', chunk), join('dist/chunks', chunk));
    }
    // Replaced even when present: a widget.js from before the chunks would not match them.
    renameSync(join(out, 'widget.js'), join('dist', 'widget.js'));
    if (!existsSync(join('dist', 'card-frame.js'))) renameSync(join(out, 'card-frame.js'), join('dist', 'card-frame.js'));
    if (!existsSync(join('dist', 'manage.js'))) renameSync(join(out, 'manage.js'), join('dist', 'manage.js'));
    if (!existsSync(join('dist', 'owner.js'))) renameSync(join(out, 'owner.js'), join('dist', 'owner.js'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
