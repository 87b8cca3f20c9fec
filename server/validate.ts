import type { MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type * as v from 'valibot';
import { ApiError, parseOr400 } from './errors.ts';

/** Validates the JSON body with a valibot schema; the handler reads it with `c.req.valid('json')`. */
export const jsonBody = <S extends v.GenericSchema>(schema: S) =>
  validator('json', (value) => parseOr400(schema, value) as v.InferOutput<S>);

export const query = <S extends v.GenericSchema>(schema: S) =>
  validator('query', (value) => parseOr400(schema, value) as v.InferOutput<S>);

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
