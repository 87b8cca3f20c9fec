// Reads one endpoint's parameters the way Stripe validates them: a missing, malformed or unknown
// parameter is a 400 naming it (`parameter_missing`, `parameter_invalid_integer`, `parameter_unknown`).
import { invalidParam } from './errors.ts';
import type { FormHash, FormValue } from './form.ts';

export class Params {
  private readonly read = new Set<string>();

  constructor(
    private readonly form: FormHash,
    private readonly prefix = '',
  ) {}

  string(name: string): string | undefined {
    const value = this.take(name);
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw invalidParam(this.path(name), `Invalid string: ${this.path(name)}`);
    return value;
  }

  requiredString(name: string): string {
    return this.string(name) ?? this.missing(name);
  }

  integer(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) {
      throw invalidParam(this.path(name), `Invalid integer: ${value}`, 'parameter_invalid_integer');
    }
    return Number(value);
  }

  requiredInteger(name: string): number {
    return this.integer(name) ?? this.missing(name);
  }

  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw invalidParam(this.path(name), `Invalid boolean: ${value}`);
    return value === 'true';
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
    throw invalidParam(this.path(name), `Invalid ${this.path(name)}: must be one of ${allowed.join(', ')}`);
  }

  /** A nested hash such as `automatic_payment_methods[enabled]`, checked the same way. */
  hash(name: string): Params | undefined {
    const value = this.take(name);
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw invalidParam(this.path(name), `Invalid object: ${this.path(name)}`);
    }
    return new Params(value, this.path(name));
  }

  list(name: string): string[] {
    const value = this.take(name);
    if (value === undefined || value === '') return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      throw invalidParam(this.path(name), `Invalid array: ${this.path(name)}`);
    }
    return value as string[];
  }

  /** Stripe's metadata limits: 50 keys, keys up to 40 characters, values up to 500. */
  metadata(): Record<string, string> {
    const fields = this.hash('metadata');
    if (!fields) return {};
    const entries = Object.entries(fields.form);
    if (entries.length > 50) throw invalidParam('metadata', 'You can specify up to 50 keys in metadata.');
    const metadata: Record<string, string> = {};
    for (const [key, value] of entries) {
      const param = `metadata[${key}]`;
      if (typeof value !== 'string') throw invalidParam(param, `Invalid string: ${param}`);
      if (key.length > 40) throw invalidParam(param, `Metadata keys can have up to 40 characters, but you passed in a key that is ${key.length} characters long.`);
      if (value.length > 500) throw invalidParam(param, `Metadata values can have up to 500 characters, but you passed in a value that is ${value.length} characters long.`);
      // An empty value unsets the key (docs.stripe.com/api/metadata).
      if (value !== '') metadata[key] = value;
    }
    return metadata;
  }

  /** Rejects anything the endpoint did not read, like Stripe's `parameter_unknown`. */
  done(): void {
    const unknown = Object.keys(this.form).find((key) => !this.read.has(key));
    if (unknown !== undefined) {
      const param = this.path(unknown);
      throw invalidParam(param, `Received unknown parameter: ${param}`, 'parameter_unknown');
    }
  }

  private take(name: string): FormValue | undefined {
    this.read.add(name);
    return this.form[name];
  }

  private path(name: string): string {
    return this.prefix ? `${this.prefix}[${name}]` : name;
  }

  private missing(name: string): never {
    throw invalidParam(this.path(name), `Missing required param: ${this.path(name)}.`, 'parameter_missing');
  }
}
