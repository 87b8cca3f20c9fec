// SPEC 2.14: the owner's promotion codes, and which one a guest's code names for a stay.
import { nightsOf, todayIn } from '../../shared/dates.ts';
import { promoReason } from '../../shared/promotion.ts';
import { type Promotion, type PromoAnswer, PromotionFieldsSchema, type PromotionFields, type PromotionPatch } from '../../shared/schemas/promotion.ts';
import { ApiError, notFound, parseOr400 } from '../errors.ts';
import { newId } from '../ids.ts';
import type { PropertyRecord, Store } from '../store/store.ts';

type Deps = { store: Store; clock: () => Date };

// Issue 10: a duplicate code is bad input naming the field, like any other rule the owner broke.
const duplicateCode = (code: string) => {
  const message = `This property already has the code ${code} (codes are matched whatever their case)`;
  return new ApiError(400, 'duplicate_code', message, [{ path: 'code', message }]);
};

export async function createPromotion(deps: Deps, propertyId: string, fields: PromotionFields): Promise<Promotion> {
  const promotion = { id: newId('promo'), propertyId, ...fields };
  if ((await deps.store.createPromotion(promotion, deps.clock().toISOString())) === 'duplicate') throw duplicateCode(fields.code);
  return { ...promotion, uses: 0 };
}

export async function findPromotion(deps: Deps, propertyId: string, id: string): Promise<Promotion> {
  return (await deps.store.getPromotion(propertyId, id)) ?? Promise.reject(notFound('Promotion'));
}

/** The patch is merged and the whole promotion checked again, so a window is never left upside down. */
export async function updatePromotion(deps: Deps, propertyId: string, id: string, patch: PromotionPatch): Promise<Promotion> {
  const current = await findPromotion(deps, propertyId, id);
  const { id: _id, propertyId: _pid, uses: _uses, ...kept } = current;
  const fields = parseOr400(PromotionFieldsSchema, { ...kept, ...patch });
  if ((await deps.store.updatePromotion(propertyId, id, fields)) === 'duplicate') throw duplicateCode(fields.code);
  return findPromotion(deps, propertyId, id);
}

export interface PromoFound {
  answer: PromoAnswer;
  /** Present when the code applies. */
  promotion?: Promotion;
}

/** The promotion a guest's code names, and whether it applies to the stay on these rates. */
export async function promotionFor(deps: Deps, property: PropertyRecord, code: string, stay: { checkIn: string; checkOut: string; rateIds: readonly string[] }): Promise<PromoFound> {
  const promotion = await deps.store.promotionByCode(property.id, code);
  const reason = promoReason(promotion, {
    ...stay,
    nights: nightsOf(stay.checkIn, stay.checkOut).length,
    today: todayIn(property.timezone, deps.clock()),
  });
  return reason ? { answer: { code, applied: false, reason } } : { answer: { code, applied: true }, promotion };
}

/** SPEC 2.14: a booking whose code does not apply (or was used up meanwhile) is refused, never booked at full price. */
export function promoNotApplicable(reason: string) {
  const message = `This promotion code does not apply (${reason})`;
  return new ApiError(409, 'promo_not_applicable', message, [{ path: 'promoCode', message: reason }]);
}
