// Every event bubbles and is composed, so it crosses each element's shadow root on its way up:
// internal events reach <direct-book> without being dispatched again at every level, and the
// public ones reach the host page, which listens on <direct-book> or any ancestor.

/** The steps of the booking flow, in order; `expired` is the hold-expired detour. */
export type Step = 'stay' | 'review' | 'details' | 'payment' | 'confirmation' | 'expired';

export type StayValue = { checkIn: string; checkOut: string };
/** `childAges` (0–17, one per child) where the property asks for them (SPEC 2.12). */
export type PartyValue = { adults: number; children: number; childAges?: number[] };
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
export class DbEvent extends Event {
  constructor(type: keyof HTMLElementEventMap) {
    super(type, init);
  }
}

/** A value chosen by the guest inside the widget: dates, guests, quantities, details. */
export class DbValueEvent<T> extends DbEvent {
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
    'db-stepper-change': DbStepperChangeEvent;
    'db-quantity-change': DbQuantityChangeEvent;
    'db-view-change': DbViewChangeEvent;
    'db-continue': DbContinueEvent;
    'db-retry': DbRetryEvent;
  }
}
