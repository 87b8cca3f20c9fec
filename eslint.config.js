// ESLint flat config: @eslint/js + typescript-eslint everywhere, eslint-plugin-lit and
// eslint-plugin-wc for the widget, eslint-config-prettier last so formatting is Prettier's alone.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', 'coverage/'],
  },
  {
    files: ['**/*.{ts,mts,mjs,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are unused on purpose (destructuring to strip fields, required callback slots).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Input sanitizers (validate.ts, mail headers and text) match control characters on purpose.
      'no-control-regex': 'off',
      // `async` on Promise-API implementations is deliberate: it turns a synchronous throw into a rejection.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Plain JavaScript is outside tsconfig's program: no type information for it.
    files: ['**/*.{mjs,js}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Node: the server, the test harness and the tool configs.
    files: ['server/**', 'test/**', '*.{ts,mts,mjs,js}'],
    ignores: ['test/support/widget.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Browser: the widget, its component-test helpers and the demo page.
    files: ['widget/**', 'demo/**', 'test/support/widget.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Shared by the server and the widget: only what both have.
    files: ['shared/**'],
    languageOptions: { globals: globals['shared-node-browser'] },
  },
  {
    // Tests and their harness: response bodies are deliberately untyped (`Json = Record<string, any>`, `await res.json()`).
    files: ['**/*.test.ts', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off', // asserting on untyped JSON bodies is the point of an API test
      '@typescript-eslint/no-unsafe-assignment': 'off', // same: `const body = await res.json()`
      '@typescript-eslint/no-unsafe-call': 'off', // same: `body.rates.map(...)`
      '@typescript-eslint/no-unsafe-member-access': 'off', // same: `body.booking.id`
      '@typescript-eslint/no-unsafe-return': 'off', // same: helpers that hand a parsed body back
      '@typescript-eslint/no-explicit-any': 'off', // same: the harness's `Json = Record<string, any>` and `api(): Promise<any>`
      // Fixtures return closure-built helpers ({ close, drop }) typed with method shorthand; none use `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['widget/**/*.test.ts'],
    languageOptions: { globals: globals.mocha },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // @open-wc/semantic-dom-diff types chai's `.equal` as returning a Promise; `expect(a).to.equal(b)` is synchronous.
          allowForKnownSafeCalls: [{ from: 'file', name: 'Equal', path: 'node_modules/@open-wc/semantic-dom-diff/chai-dom-diff-plugin.d.ts' }],
        },
      ],
    },
  },
  {
    files: ['widget/**'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    // DbElement (widget/db-element.ts) is the LitElement every widget element extends.
    settings: { wc: { elementBaseClasses: ['LitElement', 'DbElement'] } },
    rules: {
      // LitElement always implements connectedCallback/disconnectedCallback; lit/lifecycle-super wants them called.
      'wc/guard-super-call': 'off',
    },
  },
  prettier,
);
