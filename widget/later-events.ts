// The events of elements that are chunks (steps.ts): the guests panel and the steps after the rates.
// Apart from events.ts, whose classes widget.js carries, so that their code comes with the chunks
// that send them (SPEC 4: first paint); <direct-book> needs no more than their types.
import type { Booking, Guest } from '../shared/schemas/stay.ts';
import { DbEvent, DbValueEvent, type PartyValue } from './events.ts';

export class DbGuestsChangeEvent extends DbValueEvent<PartyValue> {
  constructor(value: PartyValue) {
    super('db-guests-change', value);
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

declare global {
  interface HTMLElementEventMap {
    'db-guests-change': DbGuestsChangeEvent;
    'db-guest-input': DbGuestInputEvent;
    'db-guest-submit': DbGuestSubmitEvent;
    'db-paid': DbPaidEvent;
    'db-expired': DbExpiredEvent;
  }
}
