// SPEC 2.15: paying the deposit or the whole total now, where every rate booked allows it. The
// choice is the guest's on the review step (db-review-step.ts) and travels into the booking
// (checkout.ts); what is due now follows it everywhere the summary shows.
import type { Quote } from '../shared/schemas/stay.ts';

export type PayNow = 'deposit' | 'full';

/** The quote as the guest will pay it: in full, the whole total is due now and no balance is left. */
export function withPayNow(quote: Quote | undefined, payNow: PayNow | undefined): Quote | undefined {
  return quote && payNow === 'full' ? { ...quote, depositDue: quote.total, balanceDue: 0 } : quote;
}

export class DbPayNowChangeEvent extends Event {
  constructor(readonly value: PayNow) {
    super('db-pay-now-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'db-pay-now-change': DbPayNowChangeEvent;
  }
}
