// SPEC 2.3: an extra counted per guest or per night is already multiplied by the party and the stay,
// so a guest takes it or not (at most 1); one for the stay (parking, transfers) may be taken several times.
import type { Extra } from './schemas/extra.ts';

/** True when the price is multiplied by the room's guests or nights, so a counter would multiply it twice. */
export function scalesWithStay(per: Extra['per']): boolean {
  return per !== 'stay';
}

/** The most a guest may choose of `extra`: its own `maxQuantity`, else 1 where it scales, else 10. */
export function maxQuantityOf(extra: Pick<Extra, 'per' | 'maxQuantity'>): number {
  return extra.maxQuantity ?? (scalesWithStay(extra.per) ? 1 : 10);
}
