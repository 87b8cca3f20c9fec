import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';

// One `vite build`, three separate builds into dist/, so they can never share a chunk:
// - widget.js, the one ES module a property owner embeds with a single <script> tag, and the
//   later steps it imports itself from dist/chunks/ (SPEC 4: first paint; widget/steps.ts);
// - card-frame.js, the script of the server's /card-frame page (SPEC 2.8), which the server inlines
//   there under the page's CSP nonce (server/card-frame/script.ts).
// - manage.js, the guest's manage page at /manage/:id (SPEC 2.16), made of the widget's elements.
// - owner.js, the owner console at /owner (SPEC 2.23), made of the widget's tokens and helpers;
//   widget/index.ts imports none of it, so widget.js does not grow.
export default defineConfig({
  publicDir: false,
  plugins: [minifyTemplates()],
  // Here for both builds rather than in each: an environment's own outDir would win over
  // `vite build --outDir`, which test/e2e/browser.ts uses to build into a private folder.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  builder: {
    // The widget first: its build empties dist/, which would delete the frame's file.
    async buildApp(builder) {
      await builder.build(builder.environments['client']!);
      await builder.build(builder.environments['cardFrame']!);
      await builder.build(builder.environments['manage']!);
      await builder.build(builder.environments['owner']!);
    },
  },
  environments: {
    client: {
      build: {
        lib: {
          entry: 'widget/index.ts',
          formats: ['es'],
          fileName: () => 'widget.js',
        },
        rolldownOptions: {
          // Lets widget.js export what the chunks import from it (minified names, not API).
          preserveEntrySignatures: 'allow-extension',
          output: {
            minify: true,
            // Only widget/steps.ts imports dynamically, so the chunks are the later steps and what
            // they share. Hashed names let the server cache them for good (server/static.ts serves
            // this folder and nothing else).
            // A module's name may hold a dot (step.styles.ts), which server/static.ts refuses in a chunk's.
            chunkFileNames: (chunk) => `chunks/${chunk.name.replaceAll('.', '-')}-[hash].js`,
            // Everything widget.js loads statically stays in widget.js, so the host page still
            // fetches one file before the rates: left alone, rolldown moves what a chunk shares
            // with it (Lit, the theme) into a common chunk that widget.js would import
            // (rolldown/rolldown#10731).
            codeSplitting: { groups: [{ name: 'widget', tags: ['$initial'] }] },
            // Pure annotations help a bundler drop code; nothing bundles this file again.
            comments: { annotation: false },
            // Explicit compile hints (V8, Chrome 136+): widget.js's functions are compiled while it
            // streams in, off the main thread, rather than one by one as the first render calls them.
            postBanner: (chunk) => (chunk.isEntry ? '//# allFunctionsCalledOnLoad' : ''),
          },
        },
      },
    },
    cardFrame: {
      consumer: 'client',
      build: {
        emptyOutDir: false,
        lib: {
          entry: 'widget/card-frame/main.ts',
          // A classic script, as the page inlines it: an IIFE keeps its names out of the global scope.
          formats: ['iife'],
          // Vite requires one for an IIFE; the entry exports nothing, so no global is ever made.
          name: 'directbookCardFrame',
          fileName: () => 'card-frame.js',
        },
        rolldownOptions: {
          output: {
            minify: true,
          },
        },
      },
    },
    manage: {
      consumer: 'client',
      build: {
        emptyOutDir: false,
        lib: {
          entry: 'widget/manage/main.ts',
          formats: ['es'],
          fileName: () => 'manage.js',
        },
        rolldownOptions: {
          output: {
            minify: true,
            // One file: the page is visited once, and its language chunks would share dist/chunks/ with
            // the widget's under the same names.
            codeSplitting: false,
            comments: { annotation: false },
          },
        },
      },
    },
    owner: {
      consumer: 'client',
      build: {
        emptyOutDir: false,
        lib: {
          entry: 'widget/owner/main.ts',
          formats: ['es'],
          fileName: () => 'owner.js',
        },
        rolldownOptions: {
          output: {
            minify: true,
            // One file, as for manage.js: its chunks would share dist/chunks/ with the widget's under the same names.
            codeSplitting: false,
            comments: { annotation: false },
          },
        },
      },
    },
  },
});

/**
 * The minifier leaves template literals alone, and Lit's css`` and html`` templates are a
 * third of the widget. This squeezes their indentation and CSS comments, finding them with
 * the TypeScript parser so nested templates and `${}` parts are handled exactly.
 */
const CSS_STRING = /('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/;
// One pass, so an apostrophe in a comment is not taken for a string, nor `/*` in a string for a comment.
const CSS_STRING_OR_COMMENT = new RegExp(`${CSS_STRING.source}|\\/\\*[\\s\\S]*?\\*\\/`, 'g');

function minifyTemplates(): Plugin {
  const squeeze: Record<string, (text: string) => string> = {
    // Quoted strings (`content: ': '`) are kept as written; only the CSS around them is squeezed.
    css: (text) =>
      text
        .replace(CSS_STRING_OR_COMMENT, (_comment, string?: string) => string ?? '')
        .split(CSS_STRING)
        .map((part, i) =>
          i % 2
            ? part
            : part
                .replace(/\s+/g, ' ')
                .replace(/\s*([{};,>])\s*/g, '$1')
                .replace(/:\s+/g, ':')
                .replace(/;}/g, '}')
                .replace(/\s+!important/g, '!important')
                .replace(/(^|[^\w.#-])(-?)0\.(\d)/g, '$1$2.$3')
                // No space is needed around * and / between numbers and brackets (calc(), rgb(… / a)).
                .replace(/([\d)%])\s+([*/])\s+([\d.(])/g, '$1$2$3'),
        )
        .join('')
        .trim(),
    html: (text) => text.replace(/\s*\n\s*/g, ' '),
    svg: (text) => text.replace(/\s*\n\s*/g, ' '),
  };
  return {
    name: 'directbook:minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/widget\/[^?]*\.ts$/.test(id)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: ts.Node) => {
        const tag = ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) ? squeeze[node.tag.text] : undefined;
        if (tag && ts.isTaggedTemplateExpression(node)) {
          const t = node.template;
          const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
          for (const part of parts) {
            // Skip the delimiters: ` or } before, ` or ${ after.
            const start = part.getStart(source) + 1;
            const end = part.end - (ts.isNoSubstitutionTemplateLiteral(part) || ts.isTemplateTail(part) ? 1 : 2);
            edits.push({ start, end, text: tag(code.slice(start, end)) });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      return { code: out, map: null };
    },
  };
}
