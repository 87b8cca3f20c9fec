// SPEC 2.4: the five deposit policies, their amounts and their messages.
import { formatLocalMoney } from './local-money.ts';
import type { Locale } from './locale.ts';
import { depositMessages } from './messages.ts';
import { percentOf, sum } from './money.ts';
import type { DepositPolicy } from './schemas/rate.ts';

/** What a policy needs to know about one room booked on its rate. */
export interface RoomCharges {
  roomTotal: number;
  extrasTotal: number;
  firstNight: number;
  /** SPEC 2.13: mandatory fees and exclusive taxes, which `full` takes and `fixed` is capped at. */
  feesAndTaxes?: number;
}

const wholeTotal = (r: RoomCharges) => r.roomTotal + r.extrasTotal + (r.feesAndTaxes ?? 0);

/** The deposit due at booking for all the rooms booked on one rate. */
export function depositFor(policy: DepositPolicy, rooms: readonly RoomCharges[]): number {
  switch (policy.type) {
    case 'none':
      return 0;
    case 'full':
      return sum(rooms.map(wholeTotal));
    case 'first_night':
      return sum(rooms.map((r) => r.firstNight));
    case 'fixed':
      // Once per rate, capped at those rooms' total incl. extras, fees and taxes.
      return Math.min(policy.amount, sum(rooms.map(wholeTotal)));
    case 'percentage':
      // Extras, fees and taxes excluded; rounded half-up once over the rate's rooms.
      return percentOf(sum(rooms.map((r) => r.roomTotal)), policy.percent);
  }
}

const percentFormats = new Map<string, Intl.NumberFormat>();

function percentFormat(locale: string): Intl.NumberFormat {
  let format = percentFormats.get(locale);
  if (!format) percentFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return format;
}

/** The guest-facing message; `amount` is the deposit after the cap. */
export function depositMessage(policy: DepositPolicy, amount: number, currency: string, locale: Locale): string {
  const messages = depositMessages[locale];
  switch (policy.type) {
    case 'none':
    case 'full':
    case 'first_night':
      return messages[policy.type];
    case 'fixed':
      return messages.fixed(formatLocalMoney(amount, currency, locale));
    case 'percentage':
      return messages.percentage(percentFormat(locale).format(policy.percent));
  }
}
