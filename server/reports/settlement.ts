// SPEC 2.20: the settlement report. One row per booking that moved money (or is on the books), in a
// period of check-in dates or of first-payment dates, both in the property's calendar.
import { addDays, todayIn } from '../../shared/dates.ts';
import { sum } from '../../shared/money.ts';
import type { SettlementAmounts, SettlementQuery, SettlementReport, SettlementRow } from '../../shared/schemas/settlement.ts';
import { ApiError } from '../errors.ts';
import type { Payments } from '../payments/payments.ts';
import type { SettlementSelection, SettlementSource, StripeCharge } from '../store/settlement-store.ts';
import type { PropertyRecord, Store } from '../store/store.ts';

export interface SettlementDeps {
  store: Store;
  payments?: Payments;
}

// Fee reads at report time, at once: enough to be quick, few enough not to crowd Stripe's rate limit.
const FEE_READS_AT_ONCE = 4;

export async function settlementReport(deps: SettlementDeps, property: PropertyRecord, period: Omit<SettlementQuery, 'format'>): Promise<SettlementReport> {
  const sources = await deps.store.settlementSources(property.id, selectionFor(period));
  const dated = sources
    .map((source) => ({ source, paidOn: firstPaymentDay(source, property.timezone) }))
    .filter(({ paidOn }) => period.by === 'checkIn' || (paidOn !== null && paidOn >= period.from && paidOn <= period.to));
  const rows: SettlementRow[] = [];
  for (let i = 0; i < dated.length; i += FEE_READS_AT_ONCE) {
    const batch = dated.slice(i, i + FEE_READS_AT_ONCE);
    rows.push(...(await Promise.all(batch.map(async ({ source, paidOn }) => rowOf(source, paidOn, await feeOf(deps, source))))));
  }
  return { ...period, currency: property.currency, rows, totals: totalsOf(rows) };
}

/**
 * A payment day is a date in the property's zone, which lies within a day either side of the same
 * UTC date; the store returns that wider set and the exact day is decided here.
 */
function selectionFor(period: Omit<SettlementQuery, 'format'>): SettlementSelection {
  if (period.by === 'checkIn') return { by: 'checkIn', from: period.from, to: period.to };
  return { by: 'payment', after: `${addDays(period.from, -1)}T00:00:00.000Z`, before: `${addDays(period.to, 2)}T00:00:00.000Z` };
}

const balanceOf = (source: SettlementSource) => sum(source.balances.map((b) => b.amount));

/** The deposit's money: what was paid beyond the balance payments (which amountPaid includes). */
const depositOf = (source: SettlementSource) => source.booking.amountPaid - balanceOf(source);

/** The deposit's Stripe charge, as recorded; a booking paid before 012 has none. */
const depositCharge = (source: SettlementSource): StripeCharge | undefined => source.charges.find((charge) => charge.intentId === source.booking.intentId);

/** When the deposit arrived: manual mode when the owner charged it; Stripe when the server counted it. */
function depositPaidAt(source: SettlementSource): string | null {
  const { booking } = source;
  if (depositOf(source) <= 0) return null;
  if (booking.paymentMode === 'manual') return booking.depositChargedAt;
  // Before 012 the moment was not kept; a deposit is paid within the hold, minutes after the booking.
  return depositCharge(source)?.paidAt ?? booking.createdAt;
}

function firstPaymentDay(source: SettlementSource, timeZone: string): string | null {
  const instants = [depositPaidAt(source), ...source.balances.map((b) => b.paidAt)].filter((at): at is string => at !== null);
  if (instants.length === 0) return null;
  const first = instants.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
  return todayIn(timeZone, new Date(first));
}

/** Stripe's fees on every charge of the booking; a fee not recorded yet is read now and kept. Manual mode pays none. */
async function feeOf(deps: SettlementDeps, source: SettlementSource): Promise<number> {
  const { booking } = source;
  if (booking.paymentMode !== 'stripe') return 0;
  const paid: Omit<StripeCharge, 'fee'>[] = source.balances.flatMap((b) => (b.intentId ? [{ intentId: b.intentId, bookingId: booking.id, paidAt: b.paidAt }] : []));
  const depositAt = depositPaidAt(source);
  if (depositAt && booking.intentId && booking.intentType === 'payment') paid.push({ intentId: booking.intentId, bookingId: booking.id, paidAt: depositAt });
  const fees = await Promise.all(paid.map(async (charge) => recordedFee(source.charges, charge) ?? (await readFee(deps, charge))));
  return sum(fees);
}

const recordedFee = (charges: StripeCharge[], charge: Omit<StripeCharge, 'fee'>): number | undefined => charges.find((c) => c.intentId === charge.intentId)?.fee ?? undefined;

async function readFee(deps: SettlementDeps, charge: Omit<StripeCharge, 'fee'>): Promise<number> {
  if (!deps.payments) throw new ApiError(503, 'payment_unavailable', 'Stripe is not configured, so the fees of Stripe payments cannot be read');
  const fee = await deps.payments.chargeFee(charge.intentId);
  // No balance transaction yet (a payment still settling): nothing to keep, so the next report asks again.
  if (fee === null) return 0;
  await deps.store.recordStripeCharge({ ...charge, fee });
  return fee;
}

function rowOf(source: SettlementSource, paidOn: string | null, fee: number): SettlementRow {
  const { booking } = source;
  const deposit = depositOf(source);
  const balance = balanceOf(source);
  const collected = deposit + balance;
  return {
    bookingId: booking.id,
    reference: booking.reference,
    checkIn: booking.checkIn,
    checkOut: booking.checkOut,
    guestName: `${booking.guest.firstName} ${booking.guest.lastName}`,
    status: booking.status,
    paymentMode: booking.paymentMode,
    paidOn,
    currency: booking.currency,
    total: booking.total,
    deposit,
    balance,
    collected,
    refunded: booking.amountRefunded,
    fee,
    net: collected - booking.amountRefunded - fee,
  };
}

function totalsOf(rows: SettlementRow[]): SettlementAmounts {
  const total = (key: keyof SettlementAmounts) => sum(rows.map((row) => row[key]));
  return {
    total: total('total'),
    deposit: total('deposit'),
    balance: total('balance'),
    collected: total('collected'),
    refunded: total('refunded'),
    fee: total('fee'),
    net: total('net'),
  };
}
