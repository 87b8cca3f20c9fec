import { Hono } from 'hono';
import { addDays } from '../../shared/dates.ts';
import { formatMoney } from '../../shared/money.ts';
import { MAX_PRICE_PATTERNS, PriceOverridesSchema, PricesQuerySchema } from '../../shared/schemas/prices.ts';
import { type CancellationPolicy, FULL_REFUND_UNTIL_ARRIVAL, type Rate, RateCreateSchema, RatePatchSchema, refundsSomething } from '../../shared/schemas/rate.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { conflict, DEFAULT_LIMITS, invalidField, limitReached, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { effectivePrices } from '../prices.ts';
import { assertNoDerivedRates, planOnCreate, planOnPatch, priceRoomType } from '../rate-plans.ts';
import type { PropertyRecord } from '../store/store.ts';
import { jsonBody, query } from '../validate.ts';
import { rateView } from '../views.ts';

/** SPEC 2.3: a fixed deposit above the shortest stay's price is allowed but worth a warning. */
function depositWarnings(rate: Rate, property: PropertyRecord): string[] {
  if (rate.deposit.type !== 'fixed') return [];
  const shortest = (rate.minNights ?? 1) * rate.nightlyPrice;
  if (rate.deposit.amount <= shortest) return [];
  const fmt = (amount: number) => formatMoney(amount, property.currency, 'en');
  return [`The fixed deposit ${fmt(rate.deposit.amount)} is more than the shortest stay costs at the default price (${fmt(shortest)}); guests are charged at most their stay's total.`];
}

/**
 * SPEC 2.16: the policy decides and `refundable` follows it. `refundable: false` alone is the policy
 * `[]`; `refundable: true` alone keeps a policy that refunds, else everything back until arrival.
 */
function policyOf(
  sent: { refundable?: boolean; cancellationPolicy?: CancellationPolicy },
  current?: CancellationPolicy,
): { refundable: boolean; cancellationPolicy: CancellationPolicy } | undefined {
  let policy = sent.cancellationPolicy;
  if (!policy && sent.refundable === false) policy = { tiers: [] };
  if (!policy && sent.refundable === true) policy = current && refundsSomething(current) ? current : FULL_REFUND_UNTIL_ARRIVAL;
  if (!policy && !current) policy = FULL_REFUND_UNTIL_ARRIVAL;
  return policy && { refundable: refundsSomething(policy), cancellationPolicy: policy };
}

/** /api/v1/properties/:pid/rates (owner). */
export function rates(deps: AppDeps) {
  const { store } = deps;
  const find = async (propertyId: string, id: string) => (await store.getRate(propertyId, id)) ?? Promise.reject(notFound('Rate'));

  return new Hono<AppEnv>()
    .post('/', jsonBody(RateCreateSchema), async (c) => {
      const property = c.get('property');
      const body = c.req.valid('json');
      const plan = await planOnCreate(store, property.id, body);
      const limit = deps.config.limits?.rates ?? DEFAULT_LIMITS.rates;
      if ((await store.listRates(property.id)).length >= limit) throw limitReached('rates', limit);
      const rate: Rate = {
        id: newId('rate'),
        propertyId: property.id,
        name: body.name,
        description: body.description ?? null,
        deposit: body.deposit,
        minNights: body.minNights ?? null,
        maxNights: body.maxNights ?? null,
        bookableFrom: body.bookableFrom ?? null,
        bookableUntil: body.bookableUntil ?? null,
        maxRoomsPerNight: body.maxRoomsPerNight ?? null,
        maxRoomsTotal: body.maxRoomsTotal ?? null,
        arrivalDates: body.arrivalDates ?? null,
        payInFullOption: body.payInFullOption ?? false,
        extraAdultPrice: body.extraAdultPrice ?? 0,
        childPrices: body.childPrices ?? [],
        ...policyOf(body)!,
        ...plan,
        derivedFrom: plan.derivedFrom ?? null,
      };
      await store.createRate(rate);
      // Read back: a derived rate's prices are computed from its parent's.
      const created = rateView(await find(property.id, rate.id));
      return c.json({ rate: created, warnings: depositWarnings(created, property) }, 201);
    })
    .get('/', async (c) => c.json({ rates: (await store.listRates(c.get('property').id)).map(rateView) }))
    .get('/:id', async (c) => c.json({ rate: rateView(await find(c.get('property').id, c.req.param('id'))) }))
    .patch('/:id', jsonBody(RatePatchSchema), async (c) => {
      const property = c.get('property');
      const id = c.req.param('id');
      const patch = c.req.valid('json');
      const current = await find(property.id, id);
      const plan = await planOnPatch(store, property.id, current, patch);
      const merged = { ...current, ...patch };
      // The cross-field rules must also hold against the values the patch leaves alone.
      if (merged.minNights != null && merged.maxNights != null && merged.minNights > merged.maxNights) {
        throw invalidField('maxNights', 'maxNights must be at least minNights');
      }
      if (merged.bookableFrom && merged.bookableUntil && Date.parse(merged.bookableFrom) >= Date.parse(merged.bookableUntil)) {
        throw invalidField('bookableUntil', 'bookableUntil must be after bookableFrom');
      }
      const { roomTypes: _sent, ...fields } = patch;
      await store.updateRate(property.id, id, { ...fields, ...policyOf(patch, current.cancellationPolicy), ...plan });
      const rate = rateView(await find(property.id, id));
      return c.json({ rate, warnings: depositWarnings(rate, property) });
    })
    .delete('/:id', async (c) => {
      const propertyId = c.get('property').id;
      await find(propertyId, c.req.param('id'));
      await assertNoDerivedRates(store, propertyId, c.req.param('id'));
      await store.archiveRate(propertyId, c.req.param('id'), deps.clock().toISOString());
      return c.body(null, 204);
    })
    .put('/:id/prices', jsonBody(PriceOverridesSchema), async (c) => {
      const rate = await find(c.get('property').id, c.req.param('id'));
      if (rate.derivedFrom) throw conflict('derived_rate_has_no_prices', 'This rate derives its prices from another rate: change the parent’s prices, or its adjustment');
      const prices = c.req.valid('json').prices.map((entry, i) => ({ ...entry, roomTypeId: priceRoomType(rate, entry.roomTypeId, `prices.${i}.roomTypeId`) }));
      // SPEC 2.21: merged by date with what is stored; later entries win where they overlap, as the owner wrote them.
      const updated = await store.updatePrices(rate.id, prices);
      if (updated === 'too_many_patterns') throw invalidField('prices', `A rate keeps at most ${MAX_PRICE_PATTERNS} weekday patterns and open-ended prices`);
      return c.json({ rateId: rate.id, ...updated });
    })
    .get('/:id/prices', query(PricesQuerySchema), async (c) => {
      const propertyId = c.get('property').id;
      const rate = await find(propertyId, c.req.param('id'));
      const { from, to, roomTypeId } = c.req.valid('query');
      const parent = rate.derivedFrom ? await store.getRate(propertyId, rate.derivedFrom.rateId) : undefined;
      return c.json({ prices: await effectivePrices(store, rate, priceRoomType(rate, roomTypeId, 'roomTypeId'), from, addDays(to, 1), parent) });
    });
}
