// Component tests for widget/, in Debian's Chromium (no browser downloads on these machines).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './test/chromium.mjs';
import { countReporter } from './test/wtr-count-reporter.mjs';

export default {
  files: ['widget/**/*.test.ts'],
  nodeResolve: true,
  // countReporter leaves the pass/fail counts for `npm test` (test/run-all.mjs).
  reporters: [defaultReporter(), countReporter()],
  concurrency: 2,
  // Lit's dev build runs in tests (extra checks); its one-line notice is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        // Transitions off (the theme honours reduced motion): axe otherwise read a button's colour
        // mid-fade under load and failed the contrast rule on a colour no one sees for long.
        args: [...chromiumArgs, '--force-prefers-reduced-motion'],
      },
    }),
  ],
  // Every language is a chunk the widget loads itself (widget/i18n.ts); elements tested on their
  // own speak English, so English is here before any test runs.
  testRunnerHtml: (framework) => `<!doctype html><html lang="en"><body><script type="module">
    const { loadCatalog } = await import('/widget/i18n.ts');
    await loadCatalog('en');
    await import('${framework}');
  </script></body></html>`,
  testFramework: {
    config: { timeout: 5000 },
  },
};
