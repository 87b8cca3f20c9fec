// The card frame's script is widget/card-frame/main.ts, which `vite build` turns into
// dist/card-frame.js. The page inlines it under its CSP nonce rather than linking it: the frame
// then fetches nothing but the card's POST, and `script-src` need not allow 'self', which would let
// any script this origin serves (widget.js, the demo site's) run beside the card fields.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CARD_FRAME_SCRIPT_FILE = fileURLToPath(new URL('../../dist/card-frame.js', import.meta.url));

let loaded: { mtimeMs: number; code: string } | undefined;

/**
 * The built script, read once per build (like widget.js in server/static.ts, so a rebuild under a
 * running server keeps frame and widget in step); undefined until `npm run build` has made it.
 */
export function cardFrameScript(): string | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(CARD_FRAME_SCRIPT_FILE).mtimeMs;
  } catch {
    return undefined;
  }
  if (loaded?.mtimeMs !== mtimeMs) {
    const code = readFileSync(CARD_FRAME_SCRIPT_FILE, 'utf8');
    // The page inlines it as is, so nothing in it may end the script element early.
    if (/<\/script|<!--/i.test(code)) throw new Error(`${CARD_FRAME_SCRIPT_FILE} cannot be inlined: it contains </script or <!--`);
    loaded = { mtimeMs, code };
  }
  return loaded.code;
}
