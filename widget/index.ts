// The widget.js entry: importing each element registers it, once (see define.ts).
export { DirectBook } from './direct-book.ts';
export { DbConfirmation } from './db-confirmation.ts';
export { DbDatePicker } from './db-date-picker.ts';
export { DbExtras } from './db-extras.ts';
export { DbGuestForm } from './db-guest-form.ts';
export { DbGuests } from './db-guests.ts';
export { DbHoldTimer } from './db-hold-timer.ts';
export { DbPaymentManual } from './db-payment-manual.ts';
export { DbPaymentStripe } from './db-payment-stripe.ts';
export { DbRateCard } from './db-rate-card.ts';
export { DbRateList } from './db-rate-list.ts';
export { DbStepper } from './db-stepper.ts';
export { DbSummary } from './db-summary.ts';
export { DirectbookBookedEvent, DirectbookStepEvent } from './events.ts';
