// SPEC 2.21: what a rate (plan) covers and what it derives from, checked against the property's
// room types and rates before anything is written. Input errors are 400 with the field's path;
// rules that depend on other rates are 409 with a code of their own.
import type { DerivedFrom, RatePlanRoomType, RateRoomTypeInput } from '../shared/schemas/rate-plan.ts';
import type { Rate, RateCreate, RatePatch } from '../shared/schemas/rate.ts';
import { conflict, invalidField } from './errors.ts';
import type { RateRecord, Store } from './store/store.ts';

/** What a rate covers, resolved: the first room type is the rate's `roomTypeId` and `nightlyPrice`. */
export type ResolvedPlan = Pick<Rate, 'roomTypeId' | 'nightlyPrice'> & { roomTypes: RatePlanRoomType[]; derivedFrom?: DerivedFrom };

type PlanFields = Pick<RateCreate, 'roomTypeId' | 'nightlyPrice' | 'roomTypes' | 'derivedFrom'>;

const plan = (roomTypes: RatePlanRoomType[], derivedFrom?: DerivedFrom): ResolvedPlan => ({
  roomTypeId: roomTypes[0]!.roomTypeId,
  nightlyPrice: roomTypes[0]!.nightlyPrice,
  roomTypes,
  ...(derivedFrom ? { derivedFrom } : {}),
});

/** The room types sent, each with its path: `roomTypes` or the single `roomTypeId`, not both. */
function sentRoomTypes(body: PlanFields): { entry: RateRoomTypeInput; path: string }[] | undefined {
  if (body.roomTypes && body.roomTypeId !== undefined) throw invalidField('roomTypeId', 'Send roomTypes, or roomTypeId with nightlyPrice, not both');
  if (body.roomTypes) return body.roomTypes.map((entry, i) => ({ entry, path: `roomTypes.${i}` }));
  if (body.roomTypeId !== undefined) return [{ entry: { roomTypeId: body.roomTypeId, nightlyPrice: body.nightlyPrice }, path: '' }];
  return undefined;
}

const field = (path: string, name: string) => (path ? `${path}.${name}` : name);

async function requireRoomTypes(store: Store, propertyId: string, sent: readonly { entry: RateRoomTypeInput; path: string }[]) {
  const known = new Set((await store.listRoomTypes(propertyId)).map((r) => r.id));
  for (const { entry, path } of sent) if (!known.has(entry.roomTypeId)) throw invalidField(field(path, 'roomTypeId'), 'No such room type');
}

/** The parent of a derived rate: of this property, not the rate itself, not derived itself (one level). */
async function parentOf(store: Store, propertyId: string, derivedFrom: DerivedFrom, selfId?: string): Promise<RateRecord> {
  if (derivedFrom.rateId === selfId) throw invalidField('derivedFrom.rateId', 'A rate cannot derive from itself');
  const parent = await store.getRate(propertyId, derivedFrom.rateId);
  if (!parent) throw invalidField('derivedFrom.rateId', 'No such rate');
  if (parent.derivedFrom) throw conflict('parent_is_derived', 'The parent rate is itself derived from another; derive from a rate with prices of its own');
  if (selfId !== undefined && (await store.listDerivedRates(propertyId, selfId)).length > 0) {
    throw conflict('rate_has_derived_rates', 'Other rates derive from this one, so it cannot derive from another');
  }
  return parent;
}

/** A derived rate covers room types of its parent (all of them unless it names some) and sends no prices. */
async function derivedPlan(store: Store, propertyId: string, body: PlanFields, derivedFrom: DerivedFrom, selfId?: string, current?: RateRecord): Promise<ResolvedPlan> {
  if (body.nightlyPrice !== undefined) throw invalidField('nightlyPrice', 'A derived rate’s prices follow its parent; leave nightlyPrice out');
  const sent = sentRoomTypes(body);
  for (const { entry, path } of sent ?? []) {
    if (entry.nightlyPrice !== undefined) throw invalidField(field(path, 'nightlyPrice'), 'A derived rate’s prices follow its parent; leave nightlyPrice out');
  }
  const parent = await parentOf(store, propertyId, derivedFrom, selfId);
  const parentCovers = new Set((parent.roomTypes ?? []).map((e) => e.roomTypeId));
  // Room types not sent are the ones the rate covers now, else all of the parent's: a new parent must cover those.
  const wanted =
    sent?.map(({ entry, path }) => ({ roomTypeId: entry.roomTypeId, errorPath: field(path, 'roomTypeId') })) ??
    (current?.roomTypes ?? parent.roomTypes ?? []).map((e) => ({ roomTypeId: e.roomTypeId, errorPath: 'derivedFrom.rateId' }));
  const missing = wanted.find((w) => !parentCovers.has(w.roomTypeId));
  if (missing) throw invalidField(missing.errorPath, 'The parent rate does not cover this room type');
  // Stored at 0: a derived rate's prices are its parent's, computed at read.
  return plan(
    wanted.map((w) => ({ roomTypeId: w.roomTypeId, nightlyPrice: 0 })),
    derivedFrom,
  );
}

/** A rate with prices of its own: `roomTypes` each with a price, or `roomTypeId` with `nightlyPrice`, not both. */
async function pricedPlan(store: Store, propertyId: string, body: PlanFields): Promise<ResolvedPlan> {
  if (body.roomTypes && body.nightlyPrice !== undefined) throw invalidField('nightlyPrice', 'With roomTypes, each room type carries its own nightlyPrice');
  const sent = sentRoomTypes(body);
  if (!sent) throw invalidField('roomTypeId', 'Required: the room type, or roomTypes for several');
  for (const { entry, path } of sent) if (entry.nightlyPrice === undefined) throw invalidField(field(path, 'nightlyPrice'), 'Required');
  await requireRoomTypes(store, propertyId, sent);
  return plan(sent.map(({ entry }) => ({ roomTypeId: entry.roomTypeId, nightlyPrice: entry.nightlyPrice! })));
}

/** SPEC 2.21: what a new rate covers and derives from. */
export function planOnCreate(store: Store, propertyId: string, body: RateCreate): Promise<ResolvedPlan> {
  return body.derivedFrom ? derivedPlan(store, propertyId, body, body.derivedFrom) : pricedPlan(store, propertyId, body);
}

/**
 * What a patch changes of what the rate covers, or undefined when it leaves that alone. A rate keeps
 * being derived or not (create another rate to change that); a plan of several room types changes
 * its room types and prices through `roomTypes`; a room type that rates derived from this one cover stays.
 */
export async function planOnPatch(store: Store, propertyId: string, current: RateRecord, patch: RatePatch): Promise<ResolvedPlan | undefined> {
  if (patch.derivedFrom && !current.derivedFrom) throw conflict('derivation_fixed', 'A rate with prices of its own cannot become derived; create a derived rate instead');
  if (current.derivedFrom) {
    if (patch.derivedFrom === undefined && patch.roomTypes === undefined && patch.roomTypeId === undefined && patch.nightlyPrice === undefined) return undefined;
    return derivedPlan(store, propertyId, patch, patch.derivedFrom ?? current.derivedFrom, current.id, current);
  }
  if (patch.roomTypes === undefined && patch.roomTypeId === undefined && patch.nightlyPrice === undefined) return undefined;
  const several = (current.roomTypes?.length ?? 1) > 1;
  if (!patch.roomTypes && several) {
    throw invalidField(patch.roomTypeId !== undefined ? 'roomTypeId' : 'nightlyPrice', 'This rate covers several room types: change them and their prices through roomTypes');
  }
  const next = await pricedPlan(
    store,
    propertyId,
    patch.roomTypes ? patch : { roomTypeId: patch.roomTypeId ?? current.roomTypeId, nightlyPrice: patch.nightlyPrice ?? current.nightlyPrice },
  );
  const kept = new Set(next.roomTypes.map((e) => e.roomTypeId));
  for (const child of await store.listDerivedRates(propertyId, current.id)) {
    if (child.roomTypeIds.some((id) => !kept.has(id))) {
      throw conflict('rate_has_derived_rates', `${child.name} derives from this rate and covers a room type this change drops`);
    }
  }
  return next;
}

/** SPEC 2.21: a rate that others derive from stays while they do. */
export async function assertNoDerivedRates(store: Store, propertyId: string, rateId: string) {
  const children = await store.listDerivedRates(propertyId, rateId);
  if (children.length > 0) {
    throw conflict('rate_has_derived_rates', `${children.map((c) => c.name).join(', ')} derive${children.length === 1 ? 's' : ''} from this rate; delete or change them first`);
  }
}

/**
 * The room type a price entry or read names: required when the rate covers several, one it covers
 * when given; a derived rate has no prices of its own to write.
 */
export function priceRoomType(rate: RateRecord, roomTypeId: string | undefined, path: string): string {
  const covered = rate.roomTypes ?? [{ roomTypeId: rate.roomTypeId, nightlyPrice: rate.nightlyPrice }];
  if (roomTypeId === undefined) {
    if (covered.length > 1) throw invalidField(path, 'This rate covers several room types: name the roomTypeId');
    return covered[0]!.roomTypeId;
  }
  if (!covered.some((e) => e.roomTypeId === roomTypeId)) throw invalidField(path, 'This rate does not cover that room type');
  return roomTypeId;
}
