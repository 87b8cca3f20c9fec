import { vValidator } from '@hono/valibot-validator';
import type { MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { ApiError, validationError } from './errors.ts';

interface PathLink {
  item: v.UnknownPathItem;
  parent: PathLink | undefined;
}

/**
 * Where the first string no database would keep as sent lies: one holding U+0000 (PostgreSQL
 * text cannot store it) or an unpaired UTF-16 surrogate (each backend mends it differently).
 * Iterative, and linked to parents rather than copying paths, because bodies can nest deep.
 */
function badTextAt(value: unknown): v.UnknownPathItem[] | undefined {
  const stack: [unknown, PathLink | undefined][] = [[value, undefined]];
  while (stack.length > 0) {
    const [current, link] = stack.pop()!;
    if (typeof current === 'string' && (current.includes('\u0000') || !current.isWellFormed())) {
      const path: v.UnknownPathItem[] = [];
      for (let at = link; at; at = at.parent) path.push(at.item);
      return path.reverse();
    }
    if (current && typeof current === 'object') {
      for (const [key, inner] of Object.entries(current)) {
        stack.push([inner, { item: { type: 'unknown', origin: 'value', input: current, key, value: inner }, parent: link }]);
      }
    }
  }
  return undefined;
}

// Runs before the schema, which would strip unknown keys and so let their text through unseen.
const storableText = v.rawCheck<unknown>(({ dataset, addIssue }) => {
  if (dataset.issues) return;
  const bad = badTextAt(dataset.value);
  if (!bad) return;
  const [first, ...rest] = bad;
  addIssue({ message: 'Text may not contain NUL characters or broken Unicode', path: first && [first, ...rest] });
});

// valibot's object() accepts arrays; a `[]` must never pass for an empty change (it would clear closures).
const jsonObject = v.check<unknown, string>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'The body must be a JSON object');

/** Every refusal goes through app.onError, so it has the same `{error: {code, message, details}}` as the rest. */
function throwInvalid<S extends v.GenericSchema>(result: v.SafeParseResult<S>): void {
  if (!result.success) throw validationError(result.issues);
}

/** Validates the JSON body with a valibot schema; the handler reads it with `c.req.valid('json')`. */
export const jsonBody = <S extends v.GenericSchema>(schema: S) => vValidator('json', v.pipe(v.unknown(), jsonObject, storableText, schema), throwInvalid);

export const query = <S extends v.GenericSchema>(schema: S) => vValidator('query', v.pipe(v.unknown(), storableText, schema), throwInvalid);

/** No id contains U+0000: such a path names nothing (and would make PostgreSQL fail). */
export const rejectNulInPath: MiddlewareHandler = async function rejectNulInPath(c, next) {
  if (/%00|\u0000/.test(c.req.path)) throw new ApiError(404, 'not_found', 'No such route');
  await next();
};

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** Bodies must be declared JSON; otherwise a body would silently be read as `{}`. */
export const requireJson: MiddlewareHandler = async function requireJson(c, next) {
  const method = c.req.method;
  if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && c.req.header('content-length') !== '0') {
    const type = c.req.header('content-type') ?? '';
    if (!JSON_TYPE.test(type) && (await c.req.text()).length > 0) {
      throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
    }
  }
  await next();
};
