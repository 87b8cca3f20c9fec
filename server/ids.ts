import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Crockford base32 without I, L, O, U: ids and references stay unambiguous when read aloud.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

// Random bytes are drawn 4 KiB at a time, as Node's randomUUID does: each call to randomBytes costs
// about 5 µs whatever its size, and a hold makes several codes (issue 13).
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let taken = 0;

function randomCode(length: number): string {
  if (taken + length > pool.length) {
    pool = randomBytes(POOL_BYTES);
    taken = 0;
  }
  let out = '';
  for (let i = taken; i < taken + length; i++) out += ALPHABET[pool[i]! & 31];
  taken += length;
  return out;
}

let lastTime = 0;
let sequence = 0;

/** Base32 of a number, fixed width, so that codes sort as the numbers do. */
function sortableCode(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/**
 * Ids sort in creation order (time, then a per-process sequence), so lists of things created in
 * the same millisecond keep the order the owner created them in; the random tail keeps them unguessable.
 */
export function newId(prefix: string): string {
  const now = Date.now();
  sequence = now === lastTime ? sequence + 1 : 0;
  lastTime = now;
  return `${prefix}_${sortableCode(now, 9)}${sortableCode(sequence, 3)}${randomCode(12)}`;
}

/** A booking reference a guest can read over the phone, e.g. DB-7K3Q9X2M. */
export const newReference = () => `DB-${randomCode(8).toUpperCase()}`;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Compares a secret with a stored SHA-256 hash in constant time. */
export function matchesHash(secret: string, hash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const newSecret = () => randomBytes(32).toString('base64url');

/** A property's secret key names its property, so a key sent to another property's path is told apart from a bad key. */
export const newPropertyKey = (propertyId: string) => `dbk.${propertyId}.${newSecret()}`;

export function propertyIdOfKey(key: string): string | undefined {
  const [prefix, propertyId, secret] = key.split('.');
  return prefix === 'dbk' && propertyId && secret ? propertyId : undefined;
}

/** A booking's client token: derived, not stored, so an idempotent replay returns the same one. */
export const clientTokenFor = (secret: string, bookingId: string) => createHmac('sha256', secret).update(`booking:${bookingId}`).digest('base64url');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a), 'hex');
  const y = Buffer.from(sha256(b), 'hex');
  return timingSafeEqual(x, y);
}
