// The OpenAPI document's schemas as @readme/openapi-parser accepts them (OpenAPI 3.0), each field
// described, and an example for every request body.
import { FIELD_DESCRIPTIONS } from './fields.ts';

type Json = { [key: string]: unknown };
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** OpenAPI 3.0 refuses `required: []` and knows `example`, not JSON Schema's `examples`. */
export function tidySchema<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(tidySchema) as T;
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'required' && Array.isArray(value) && value.length === 0) continue;
    if (key === 'examples' && Array.isArray(value)) out.example = value[0];
    else out[key] = tidySchema(value);
  }
  return out as T;
}

/** Gives every object property without a description the one its name has across the API. */
export function describeFields<T>(node: T): T {
  if (Array.isArray(node)) return node.map(describeFields) as T;
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, field]) => {
          const described = describeFields(field);
          return [name, isObject(described) && described.description === undefined && FIELD_DESCRIPTIONS[name] ? { ...described, description: FIELD_DESCRIPTIONS[name] } : described];
        }),
      );
    } else out[key] = describeFields(value);
  }
  return out as T;
}

/** The object properties (by path) that have no description: the test keeps this list empty. */
export function undescribedFields(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => undescribedFields(item, `${path}[${i}]`));
  if (!isObject(node)) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === 'properties' && isObject(value)) {
      return Object.entries(value).flatMap(([name, field]) => [
        ...(isObject(field) && typeof field.description !== 'string' ? [`${path}.${name}`] : []),
        ...undescribedFields(field, `${path}.${name}`),
      ]);
    }
    return undescribedFields(value, `${path}.${key}`);
  });
}

const SAMPLE_STRINGS: Record<string, string> = {
  date: '2026-12-24',
  'date-time': '2026-12-01T09:00:00Z',
  email: 'guest@example.com',
  uri: 'https://hotel.example/calendar.ics',
};

// Fields whose checks a value built from the type alone would not pass.
const SAMPLE_FIELDS: Record<string, unknown> = {
  currency: 'KRW',
  timezone: 'Asia/Seoul',
  country: 'KR',
  checkIn: '2026-12-24',
  checkOut: '2026-12-26',
  from: '2026-12-24',
  to: '2026-12-31',
  stayFrom: '2026-12-01',
  stayUntil: '2027-02-28',
  bookFrom: '2026-11-01',
  bookUntil: '2027-01-31',
  bookableFrom: '2026-11-01T00:00:00Z',
  bookableUntil: '2027-03-01T00:00:00Z',
  arrivalDates: ['2026-12-24'],
  allowedOrigins: ['https://harbourview.example'],
  url: 'https://harbourview.example/hooks/directbook',
  number: '4111111111111111',
  expMonth: 7,
  expYear: 2031,
  holderName: 'Putri Rahayu',
  firstName: 'Putri',
  lastName: 'Rahayu',
  name: 'Garden room',
  code: 'WELCOME10',
  reason: 'No-show: charging the deposit',
};

/** A request body example: the schema's own example where it gives one, else one built from its types, bounds and field names. */
export function exampleOf(schema: unknown, field?: string): unknown {
  if (field !== undefined && field in SAMPLE_FIELDS && !(isObject(schema) && (schema.example !== undefined || Array.isArray(schema.enum)))) return SAMPLE_FIELDS[field];
  if (!isObject(schema)) return null;
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return exampleOf(options[0]);
  }
  switch (schema.type) {
    case 'object': {
      const properties = isObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : Object.keys(properties);
      return Object.fromEntries(required.filter((name) => name in properties).map((name) => [name, exampleOf(properties[name], name)]));
    }
    case 'array':
      return schema.minItems === 0 && !isObject(schema.items) ? [] : [exampleOf(schema.items)];
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : 1;
    case 'boolean':
      return true;
    case 'string':
      return typeof schema.format === 'string' && SAMPLE_STRINGS[schema.format] ? SAMPLE_STRINGS[schema.format] : 'text';
    default:
      return null;
  }
}
