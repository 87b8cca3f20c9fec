import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';

// widget.js is one ES module that a property owner embeds with a single <script> tag.
export default defineConfig({
  publicDir: false,
  plugins: [minifyTemplates()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: 'widget/index.ts',
      formats: ['es'],
      fileName: () => 'widget.js',
    },
    rolldownOptions: {
      output: {
        minify: true,
        // One file: the Stripe loader is imported dynamically but must not become a second chunk.
        codeSplitting: false,
      },
    },
  },
});

/**
 * The minifier leaves template literals alone, and Lit's css`` and html`` templates are a
 * third of the widget. This squeezes their indentation and CSS comments, finding them with
 * the TypeScript parser so nested templates and `${}` parts are handled exactly.
 */
function minifyTemplates(): Plugin {
  const squeeze: Record<string, (text: string) => string> = {
    css: (text) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,])\s*/g, '$1')
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
