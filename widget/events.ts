// Every event bubbles and is composed, so it crosses each element's shadow root on its way up:
// internal events reach <direct-book> without being dispatched again at every level, and the
// public ones reach the host page, which listens on <direct-book> or any ancestor.
import type { Booking, Guest } from '../shared/schemas/stay.ts';

/** The steps of the booking flow, in order; `expired` is the hold-expired detour. */
export type Step = 'stay' | 'review' | 'details' | 'payment' | 'confirmation' | 'expired';

export type StayValue = { checkIn: string; checkOut: string };
export type PartyValue = { adults: number; children: number };
export type QuantityValue = { id: string; quantity: number };

export interface BookedDetail {
  reference: string;
  total: number;
  depositDue: number;
  currency: string;
}

const init = { bubbles: true, composed: true };

/** Fired on <direct-book> when a booking is confirmed. Amounts are in minor units. */
export class DirectbookBookedEvent extends Event {
  readonly detail: BookedDetail;
  constructor(detail: BookedDetail) {
    super('directbook:booked', init);
    this.detail = detail;
  }
}

/** Fired on <direct-book> whenever the guest moves to another step. */
export class DirectbookStepEvent extends Event {
  readonly detail: { step: Step };
  constructor(step: Step) {
    super('directbook:step', init);
    this.detail = { step };
  }
}

/** Something the guest did inside the widget, for an element above to act on. */
class DbEvent extends Event {
  constructor(type: keyof HTMLElementEventMap) {
    super(type, init);
  }
}

/** A value chosen by the guest inside the widget: dates, guests, quantities, details. */
class DbValueEvent<T> extends DbEvent {
  constructor(
    type: keyof HTMLElementEventMap,
    readonly value: T,
  ) {
    super(type);
  }
}

export class DbDatesChangeEvent extends DbValueEvent<StayValue> {
  constructor(value: StayValue) {
    super('db-dates-change', value);
  }
}

export class DbGuestsChangeEvent extends DbValueEvent<PartyValue> {
  constructor(value: PartyValue) {
    super('db-guests-change', value);
  }
}

export class DbStepperChangeEvent extends DbValueEvent<number> {
  constructor(value: number) {
    super('db-stepper-change', value);
  }
}

/** Rooms of a rate, or an extra: what is counted is told by the element it comes from. */
export class DbQuantityChangeEvent extends DbValueEvent<QuantityValue> {
  constructor(value: QuantityValue) {
    super('db-quantity-change', value);
  }
}

export class DbViewChangeEvent extends DbValueEvent<{ from: string; to: string }> {
  constructor(value: { from: string; to: string }) {
    super('db-view-change', value);
  }
}

export class DbGuestInputEvent extends DbValueEvent<Partial<Guest>> {
  constructor(value: Partial<Guest>) {
    super('db-guest-input', value);
  }
}

export class DbGuestSubmitEvent extends DbValueEvent<Guest> {
  constructor(value: Guest) {
    super('db-guest-submit', value);
  }
}

export class DbPaidEvent extends DbValueEvent<Booking> {
  constructor(value: Booking) {
    super('db-paid', value);
  }
}

export class DbExpiredEvent extends DbEvent {
  constructor() {
    super('db-expired');
  }
}

/** The guest pressed a step's main button: on to the next step, or, once the hold expired, start again. */
export class DbContinueEvent extends DbEvent {
  constructor() {
    super('db-continue');
  }
}

/** The guest asked to try a failed request again. */
export class DbRetryEvent extends DbEvent {
  constructor() {
    super('db-retry');
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'directbook:booked': DirectbookBookedEvent;
    'directbook:step': DirectbookStepEvent;
  }
  interface HTMLElementEventMap {
    'db-dates-change': DbDatesChangeEvent;
    'db-guests-change': DbGuestsChangeEvent;
    'db-stepper-change': DbStepperChangeEvent;
    'db-quantity-change': DbQuantityChangeEvent;
    'db-view-change': DbViewChangeEvent;
    'db-guest-input': DbGuestInputEvent;
    'db-guest-submit': DbGuestSubmitEvent;
    'db-paid': DbPaidEvent;
    'db-expired': DbExpiredEvent;
    'db-continue': DbContinueEvent;
    'db-retry': DbRetryEvent;
  }
}
