// Issue 13: a header added to an answer already made. Hono's c.header() after next() rebuilds the
// answer around a stream of its body (an undici Response and a ReadableStream), which cost every
// API answer a tenth of its CPU; the finished answer's own headers take it as it is.
import type { Context } from 'hono';

export function setAnswerHeader(c: Context, name: string, value: string, options: { append?: boolean } = {}) {
  try {
    if (options.append) c.res.headers.append(name, value);
    else c.res.headers.set(name, value);
  } catch {
    // Immutable headers (an answer fetched from elsewhere): rebuilt after all.
    c.header(name, value, options);
  }
}
