// Public events bubble out of the shadow root (composed) so the host page can listen on
// <direct-book> or any ancestor. Internal events stay inside the widget's shadow tree.
import type { Booking, Guest } from '../shared/schemas/stay.ts';

/** The steps of the booking flow, in order; `expired` is the hold-expired detour. */
export type Step = 'stay' | 'review' | 'details' | 'payment' | 'confirmation' | 'expired';

export interface BookedDetail {
  reference: string;
  total: number;
  depositDue: number;
  currency: string;
}

/** Fired on <direct-book> when a booking is confirmed. Amounts are in minor units. */
export class DirectbookBookedEvent extends Event {
  readonly detail: BookedDetail;
  constructor(detail: BookedDetail) {
    super('directbook:booked', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Fired on <direct-book> whenever the guest moves to another step. */
export class DirectbookStepEvent extends Event {
  readonly detail: { step: Step };
  constructor(step: Step) {
    super('directbook:step', { bubbles: true, composed: true });
    this.detail = { step };
  }
}

/** A value chosen by the guest inside the widget: dates, guests, quantities, details. */
export class DbChangeEvent<T> extends Event {
  readonly value: T;
  constructor(type: string, value: T) {
    super(type, { bubbles: true, composed: false });
    this.value = value;
  }
}

export type StayValue = { checkIn: string; checkOut: string };
export type PartyValue = { adults: number; children: number };

export const DatesChangeEvent = (value: StayValue) => new DbChangeEvent('db-dates-change', value);
export const GuestsChangeEvent = (value: PartyValue) => new DbChangeEvent('db-guests-change', value);
export const StepperChangeEvent = (value: number) => new DbChangeEvent('db-stepper-change', value);
export const QuantityChangeEvent = (value: { id: string; quantity: number }) =>
  new DbChangeEvent('db-quantity-change', value);
export const GuestInputEvent = (value: Partial<Guest>) => new DbChangeEvent('db-guest-input', value);
export const GuestSubmitEvent = (value: Guest) => new DbChangeEvent('db-guest-submit', value);
export const PaidEvent = (value: Booking) => new DbChangeEvent('db-paid', value);
export const ExpiredEvent = () => new DbChangeEvent('db-expired', null);
export const ViewChangeEvent = (value: { from: string; to: string }) => new DbChangeEvent('db-view-change', value);

declare global {
  interface GlobalEventHandlersEventMap {
    'directbook:booked': DirectbookBookedEvent;
    'directbook:step': DirectbookStepEvent;
  }
}
