import type { Property } from '../shared/schemas/property.ts';
import type { Rate } from '../shared/schemas/rate.ts';
import type { PropertyRecord, RateRecord } from './store/store.ts';

/** The owner's view of a property: never its key hash. */
export function propertyView(p: PropertyRecord): Property {
  const { keyHash: _keyHash, closures: _closures, ...property } = p;
  return property;
}

export function rateView(r: RateRecord): Rate {
  const { soldTotal: _soldTotal, ...rate } = r;
  return rate;
}
