// Stripe's test PaymentMethods and what confirming with each does (docs.stripe.com/testing).

export type CardOutcome =
  | { kind: 'success' }
  | { kind: 'decline'; code: string; declineCode: string; message: string }
  /** 3D Secure: the intent waits in `requires_action` until the guest authenticates. */
  | { kind: 'authenticate' };

export interface TestCard {
  brand: string;
  last4: string;
  outcome: CardOutcome;
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
  pm_card_authenticationRequired: { brand: 'visa', last4: '3184', outcome: authenticate },
};
