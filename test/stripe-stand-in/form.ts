// Stripe's v1 API takes application/x-www-form-urlencoded bodies (and query strings) in bracket
// notation: `metadata[bookingId]=b1`, `automatic_payment_methods[enabled]=true`,
// `payment_method_types[0]=card` or `expand[]=latest_charge` (docs.stripe.com/api/expanding_objects).

export type FormValue = string | FormValue[] | FormHash;
export interface FormHash {
  [key: string]: FormValue;
}

/** A body Stripe could not parse; the API answers 400 naming the parameter. */
export class FormError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

const NAME = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/** Decodes a form body into nested hashes; indexed hashes (`[0]`, `[1]`, …) become arrays. */
export function decodeForm(encoded: string): FormHash {
  // Null-prototype hashes, so a `__proto__[x]` parameter stays data.
  const root = hash();
  for (const [name, value] of new URLSearchParams(encoded)) {
    const match = NAME.exec(name);
    if (!match) throw new FormError(name, `Invalid parameter name: ${name}`);
    const brackets = [...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string);
    assign(root, [match[1] as string, ...brackets], value, name);
  }
  return arraysOf(root) as FormHash;
}

function assign(container: FormHash | FormValue[], segments: string[], value: string, name: string): void {
  const [segment, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(container)) {
    // `a[]=x` appends; `a[][b]=x` starts a new element unless the last one lacks `b`.
    if (rest.length === 0) return void container.push(value);
    const last = container.at(-1);
    const target = isHash(last) && !((rest[0] as string) in last) ? last : hash();
    if (target !== last) container.push(target);
    return assign(target, rest, value, name);
  }
  if (rest.length === 0) {
    // A repeated scalar keeps the last value, as Rack-style parsers do.
    if (segment in container && typeof container[segment] !== 'string') throw conflict(name);
    container[segment] = value;
    return;
  }
  const existing = container[segment];
  const wantsArray = rest[0] === '';
  if (existing === undefined) container[segment] = wantsArray ? [] : hash();
  const child = container[segment];
  if (typeof child === 'string' || Array.isArray(child) !== wantsArray) throw conflict(name);
  assign(child as FormHash | FormValue[], rest, value, name);
}

function hash(): FormHash {
  return Object.create(null) as FormHash;
}

function conflict(name: string): FormError {
  return new FormError(name, `Invalid hash or array for ${name}`);
}

function isHash(value: unknown): value is FormHash {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{0: a, 1: b}` → `[a, b]`, recursively; Stripe reads indexed hashes as arrays. */
function arraysOf(value: FormValue): FormValue {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(arraysOf);
  const keys = Object.keys(value);
  const indices = keys.map(Number).sort((a, b) => a - b);
  const indexed = keys.length > 0 && keys.every((key) => /^\d+$/.test(key)) && indices.every((n, i) => n === i);
  if (indexed) return indices.map((index) => arraysOf(value[String(index)] as FormValue));
  return Object.fromEntries(keys.map((key) => [key, arraysOf(value[key] as FormValue)]));
}
