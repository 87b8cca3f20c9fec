// Ids and references come from a pool of random bytes drawn in blocks: across refills they must stay unique and well formed.
import { expect, test } from 'vitest';
import { newId, newReference } from './ids.ts';

test('thousands of references and ids, across many refills of the random pool, are all different and well formed', () => {
  const references = Array.from({ length: 3000 }, () => newReference());
  const ids = Array.from({ length: 3000 }, () => newId('bk'));
  expect(new Set(references).size).toBe(references.length);
  expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(ids.length);
  for (const reference of references) expect(reference).toMatch(/^DB-[0-9A-HJKMNP-TV-Z]{8}$/);
  for (const id of ids) expect(id).toMatch(/^bk_[0-9a-hjkmnp-tv-z]{24}$/);
  expect([...ids].sort()).toEqual(ids);
});
