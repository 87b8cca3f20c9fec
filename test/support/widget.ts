// Fixtures shaped by the shared schemas, a fetch stub, and the context <direct-book> gives its
// elements, for the widget's component tests.
import { ContextProvider } from '@lit/context';
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { cancellationTerms } from '../../shared/cancellation.ts';
import { depositMessage } from '../../shared/deposit.ts';
import type { Locale } from '../../shared/locale.ts';
import { stayLines } from '../../shared/lines.ts';
import { type DepositPolicy, FULL_REFUND_UNTIL_ARRIVAL } from '../../shared/schemas/rate.ts';
import type { Availability, Booking, BookingCreated, PublicProperty, Quote, QuoteRequest, RateOffer } from '../../shared/schemas/stay.ts';
import { nightsOf } from '../../shared/dates.ts';
import type { Api } from '../../widget/api.ts';
import { apiContext, i18nContext } from '../../widget/context.ts';
import type { I18n } from '../../widget/i18n.ts';

const TODAY = '2026-03-10';

export const property: PublicProperty = {
  id: 'demo',
  name: 'Harbour House',
  currency: 'USD',
  timezone: 'Asia/Seoul',
  locale: 'en',
  today: TODAY,
  paymentMode: 'manual',
  stripePublishableKey: null,
  acceptedCardBrands: ['visa', 'mastercard', 'amex'],
  closedDates: ['2026-03-16'],
  extras: [
    { id: 'breakfast', propertyId: 'demo', name: 'Breakfast', description: 'Served 7–10', price: 1500, per: 'guest_night' },
    { id: 'parking', propertyId: 'demo', name: 'Parking', description: null, price: 2000, per: 'stay' },
  ],
  holdMinutes: 15,
  priceDisplay: 'total',
  asksChildAges: false,
  status: 'open',
  checkInTime: '15:00',
  checkOutTime: '11:00',
};

export function rate(
  id: string,
  nightly: number,
  deposit: DepositPolicy,
  checkIn: string,
  checkOut: string,
  extra: Partial<RateOffer> = {},
  locale: Locale = 'en',
  currency = 'USD',
): RateOffer {
  const nights = nightsOf(checkIn, checkOut).map((date) => ({ date, amount: nightly }));
  const roomTotal = nightly * nights.length;
  const amount = depositAmount(deposit, roomTotal, nightly);
  return {
    id,
    name: id === 'flex' ? 'Flexible' : id === 'saver' ? 'Saver' : 'Suite package',
    description: null,
    refundable: true,
    payInFullOption: false,
    pricesChildren: false,
    available: true,
    unitsLeft: 5,
    nightly: nights,
    roomTotal,
    total: roomTotal,
    deposit: { type: deposit.type, amount, message: depositMessage(deposit, amount, currency, locale) },
    cancellation: cancellationTerms(extra.refundable === false ? { tiers: [] } : FULL_REFUND_UNTIL_ARRIVAL, checkIn, locale),
    ...extra,
  };
}

function depositAmount(policy: DepositPolicy, roomTotal: number, firstNight: number): number {
  switch (policy.type) {
    case 'none':
      return 0;
    case 'full':
      return roomTotal;
    case 'first_night':
      return firstNight;
    case 'fixed':
      return Math.min(policy.amount, roomTotal);
    case 'percentage':
      return Math.round((roomTotal * policy.percent) / 100);
  }
}

export function availability(checkIn: string, checkOut: string, options: { soldOut?: boolean; next?: { checkIn: string; checkOut: string } } = {}): Availability {
  const off = options.soldOut ? { available: false, reason: 'sold_out' as const, unitsLeft: 0 } : {};
  return {
    checkIn,
    checkOut,
    nights: nightsOf(checkIn, checkOut).length,
    currency: 'USD',
    locale: 'en',
    roomTypes: [
      {
        id: 'garden',
        name: 'Garden Room',
        description: 'A quiet double room facing the garden.',
        maxGuests: 3,
        maxAdults: 3,
        maxChildren: 3,
        images: [],
        rates: [rate('flex', 12000, { type: 'none' }, checkIn, checkOut, off), rate('saver', 10000, { type: 'percentage', percent: 30 }, checkIn, checkOut, { refundable: false, ...off })],
      },
      {
        id: 'suite',
        name: 'Harbour Suite',
        description: null,
        maxGuests: 4,
        maxAdults: 4,
        maxChildren: 4,
        images: [],
        rates: [rate('suite-full', 25000, { type: 'full' }, checkIn, checkOut, { unitsLeft: 1, ...off })],
      },
    ],
    ...(options.next ? { nextAvailable: options.next } : {}),
  };
}

export function quote(request: QuoteRequest): Quote {
  const offer = availability(request.checkIn, request.checkOut);
  const rates = offer.roomTypes.flatMap((t) => t.rates.map((r) => ({ type: t, rate: r })));
  const rooms = request.rooms.map((room) => {
    const { type, rate: r } = rates.find((x) => x.rate.id === room.rateId)!;
    const extras = (room.extras ?? []).map((e) => {
      const extra = property.extras.find((x) => x.id === e.extraId)!;
      const total = extra.price * (e.quantity ?? 1);
      return { extraId: extra.id, name: extra.name, per: extra.per, quantity: e.quantity ?? 1, unitPrice: extra.price, total };
    });
    const extrasTotal = extras.reduce((a, e) => a + e.total, 0);
    return {
      rateId: r.id,
      rateName: r.name,
      roomTypeId: type.id,
      roomTypeName: type.name,
      adults: room.adults,
      children: room.children ?? 0,
      nightly: r.nightly,
      roomTotal: r.roomTotal,
      extras,
      extrasTotal,
      total: r.roomTotal + extrasTotal,
    };
  });
  const deposits = [...new Set(rooms.map((r) => r.rateId))].map((id) => {
    const r = rates.find((x) => x.rate.id === id)!.rate;
    const count = rooms.filter((x) => x.rateId === id).length;
    return { rateId: id, rateName: r.name, type: r.deposit.type, amount: r.deposit.amount * count, message: r.deposit.message, cancellation: r.cancellation };
  });
  const total = rooms.reduce((a, r) => a + r.total, 0);
  const depositDue = deposits.reduce((a, d) => a + d.amount, 0);
  return {
    checkIn: request.checkIn,
    checkOut: request.checkOut,
    nights: offer.nights,
    currency: 'USD',
    locale: 'en',
    rooms,
    deposits,
    lines: stayLines(
      rooms.map((r) => ({ ...r, discount: 0 })),
      undefined,
    ),
    total,
    depositDue,
    balanceDue: total - depositDue,
  };
}

export function booking(q: Quote, overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'bk_1',
    reference: 'HH-7Q4K2',
    propertyId: 'demo',
    status: 'pending',
    checkIn: q.checkIn,
    checkOut: q.checkOut,
    nights: q.nights,
    currency: q.currency,
    locale: 'en',
    guest: { firstName: 'Mina', lastName: 'Park', email: 'mina@example.com' },
    rooms: q.rooms,
    deposits: q.deposits,
    total: q.total,
    depositDue: q.depositDue,
    balanceDue: q.balanceDue,
    paymentMode: 'manual',
    amountPaid: 0,
    amountRefunded: 0,
    refundOwed: 0,
    balanceStatus: null,
    card: null,
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

export function created(q: Quote, overrides: Partial<Booking> = {}, payment: BookingCreated['payment'] = { provider: 'manual', cardFrameUrl: 'about:blank' }): BookingCreated {
  return { booking: booking(q, overrides), clientToken: 'ct_secret', payment };
}

export interface Call {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export type Reply = { status?: number; body: unknown } | 'network-error';

/** Replaces window.fetch; each call is recorded and answered by `handler`. */
export function stubFetch(handler: (call: Call) => Reply | Promise<Reply>) {
  const original = window.fetch;
  const calls: Call[] = [];
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      method: init.method ?? 'GET',
      url: new URL(input instanceof Request ? input.url : String(input)),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const reply = await handler(call);
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(reply.body), { status: reply.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { calls, restore: () => (window.fetch = original) };
}

/** Renders `template` as <direct-book> hosts its elements: with its language and API client provided. */
export function fixtureIn<T extends Element>(template: TemplateResult, provided: { i18n?: I18n; api?: Api }): Promise<T> {
  const parentNode = document.createElement('div');
  if (provided.i18n) new ContextProvider(parentNode, { context: i18nContext, initialValue: provided.i18n });
  if (provided.api) new ContextProvider(parentNode, { context: apiContext, initialValue: provided.api });
  return fixture<T>(template, { parentNode });
}

/** The next `type` event from `target`, typed by the widget's event map. */
export function nextEvent<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(type, resolve, { once: true }));
}
