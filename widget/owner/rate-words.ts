// A rate's deposit, cancellation tiers and derivation in the owner's words, for lists and the rate's form.
import type { DepositPolicy, Rate } from '../../shared/schemas/rate.ts';
import type { DerivedFrom } from '../../shared/schemas/rate-plan.ts';
import type { OwnerI18n } from './owner-i18n.ts';

export function depositWords(i18n: OwnerI18n, deposit: DepositPolicy): string {
  if (deposit.type === 'fixed') return i18n.t('deposit_fixed_is', { amount: i18n.money(deposit.amount) });
  if (deposit.type === 'percentage') return i18n.t('deposit_percentage_is', { percent: deposit.percent });
  return i18n.t(`deposit_${deposit.type}`);
}

/** "100% back up to 7 days before · 50% back up to arrival", or "Non-refundable". */
export function policyWords(i18n: OwnerI18n, rate: Pick<Rate, 'refundable' | 'cancellationPolicy'>): string {
  if (!rate.refundable) return i18n.t('nonRefundable');
  // A tier applies to cancellations at least `daysBefore` days ahead: 0 is the day of arrival itself.
  const key = (days: number) => (days === 0 ? 'tierWords_0' : days === 1 ? 'tierWords_1' : 'tierWords');
  return rate.cancellationPolicy.tiers.map((tier) => i18n.t(key(tier.daysBefore), { percent: tier.refundPercent, days: tier.daysBefore })).join(' · ');
}

/** "−10% of Flexible" or "Flexible +$5.00 a night": what a derived rate charges (SPEC 2.21). */
export function derivedWords(i18n: OwnerI18n, derivedFrom: DerivedFrom, rates: readonly Rate[]): string {
  const parentRate = rates.find((rate) => rate.id === derivedFrom.rateId);
  const parent = parentRate ? i18n.text(parentRate.name) : derivedFrom.rateId;
  const sign = (n: number) => (n < 0 ? '−' : '+');
  const { adjust } = derivedFrom;
  if ('percent' in adjust) return i18n.t('derivedPercentWords', { percent: `${sign(adjust.percent)}${Math.abs(adjust.percent)}`, parent });
  return i18n.t('derivedAmountWords', { amount: `${sign(adjust.amount)}${i18n.money(Math.abs(adjust.amount))}`, parent });
}
