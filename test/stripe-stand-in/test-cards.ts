// Stripe's test PaymentMethods and what confirming with each does (docs.stripe.com/testing).

export type CardOutcome =
  | { kind: 'success' }
  | { kind: 'decline'; code: string; declineCode: string; message: string }
  /** 3D Secure: the intent waits in `requires_action` until the guest authenticates. */
  | { kind: 'authenticate' };

export interface TestCard {
  brand: string;
  last4: string;
  /** A payment the guest makes, on session. */
  outcome: CardOutcome;
  /** Saving the card with a SetupIntent; default `outcome`. */
  setup?: CardOutcome;
  /**
   * A later charge of the saved card without the guest (`off_session=true`). Default: as `outcome`,
   * except that a card wanting 3-D Secure is declined with `authentication_required`, since nobody is
   * there to authenticate (docs.stripe.com/testing#authentication-and-setup).
   */
  offSession?: CardOutcome;
}

const success: CardOutcome = { kind: 'success' };
const authenticate: CardOutcome = { kind: 'authenticate' };
const generic: CardOutcome = {
  kind: 'decline',
  code: 'card_declined',
  declineCode: 'generic_decline',
  message: 'Your card was declined.',
};
const insufficientFunds: CardOutcome = {
  kind: 'decline',
  code: 'card_declined',
  declineCode: 'insufficient_funds',
  message: 'Your card has insufficient funds.',
};
const expired: CardOutcome = {
  kind: 'decline',
  code: 'expired_card',
  declineCode: 'expired_card',
  message: 'Your card has expired.',
};

const authenticationRequired: CardOutcome = {
  kind: 'decline',
  code: 'authentication_required',
  declineCode: 'authentication_required',
  message: 'Your card was declined. This transaction requires authentication.',
};

/** What confirming with `card` does for this kind of intent, on or off session. */
export function outcomeOf(card: TestCard, intent: 'payment_intent' | 'setup_intent', offSession: boolean): CardOutcome {
  if (intent === 'setup_intent') return card.setup ?? card.outcome;
  if (!offSession) return card.outcome;
  if (card.offSession) return card.offSession;
  return card.outcome.kind === 'authenticate' ? authenticationRequired : card.outcome;
}

export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  pm_card_visa: { brand: 'visa', last4: '4242', outcome: success },
  pm_card_visa_debit: { brand: 'visa', last4: '5556', outcome: success },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', outcome: success },
  pm_card_amex: { brand: 'amex', last4: '0005', outcome: success },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', outcome: generic },
  pm_card_visa_chargeDeclined: { brand: 'visa', last4: '0002', outcome: generic },
  pm_card_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995', outcome: insufficientFunds },
  pm_card_visa_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995', outcome: insufficientFunds },
  pm_card_chargeDeclinedExpiredCard: { brand: 'visa', last4: '0069', outcome: expired },
  pm_card_visa_chargeDeclinedExpiredCard: { brand: 'visa', last4: '0069', outcome: expired },
  pm_card_threeDSecure2Required: { brand: 'visa', last4: '3220', outcome: authenticate },
  pm_card_threeDSecureRequired: { brand: 'visa', last4: '3063', outcome: authenticate },
  // 4000002760003184: authentication on every payment, so a later off-session charge is declined with authentication_required.
  pm_card_authenticationRequired: { brand: 'visa', last4: '3184', outcome: authenticate },
  // 4000002500003155: authenticated once when saved, then off-session charges go through.
  pm_card_authenticationRequiredOnSetup: { brand: 'visa', last4: '3155', outcome: authenticate, offSession: success },
  // 4000008260003178: authenticated once, then off-session charges are declined for insufficient funds.
  pm_card_authenticationRequiredChargeDeclinedInsufficientFunds: { brand: 'visa', last4: '3178', outcome: authenticate, offSession: insufficientFunds },
  // 4000000000000341: attaching (saving) succeeds, every charge is declined.
  pm_card_chargeCustomerFail: { brand: 'visa', last4: '0341', outcome: generic, setup: success },
};
