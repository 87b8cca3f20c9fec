import type { MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type * as v from 'valibot';
import { ApiError, invalidField, parseOr400 } from './errors.ts';

/**
 * The dotted path of the first string no database would keep as sent: one holding U+0000
 * (PostgreSQL text cannot store it) or an unpaired UTF-16 surrogate (each backend mends it
 * differently). Iterative, because bodies can nest deep.
 */
function badTextAt(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string' && (current.includes('\u0000') || !current.isWellFormed())) return path;
    if (current && typeof current === 'object') {
      for (const [key, inner] of Object.entries(current)) stack.push([inner, path ? `${path}.${key}` : key]);
    }
  }
  return undefined;
}

function parseClean<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const bad = badTextAt(value);
  if (bad !== undefined) throw invalidField(bad, 'Text may not contain NUL characters or broken Unicode');
  return parseOr400(schema, value);
}

/** Validates the JSON body with a valibot schema; the handler reads it with `c.req.valid('json')`. */
export const jsonBody = <S extends v.GenericSchema>(schema: S) =>
  validator('json', (value) => {
    // valibot's object() accepts arrays; a `[]` must never pass for an empty change (it would clear closures).
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ApiError(400, 'invalid_input', 'The body must be a JSON object', [{ path: '', message: 'Expected an object' }]);
    }
    return parseClean(schema, value) as v.InferOutput<S>;
  });

export const query = <S extends v.GenericSchema>(schema: S) =>
  validator('query', (value) => parseClean(schema, value) as v.InferOutput<S>);

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
    if (!JSON_TYPE.test(type) && (await c.req.raw.clone().text()).length > 0) {
      throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
    }
  }
  await next();
};
