// The code the guest gave or gave up (SPEC 2.14), from the "Have a code?" field and from the details
// step when a code stopped applying, up to <direct-book>. Apart from events.ts so that only the chunks
// that send it carry it: <direct-book> needs nothing but its type.

export class DbPromoChangeEvent extends Event {
  /** `value` is the code, or '' for none. */
  constructor(readonly value: string) {
    super('db-promo-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'db-promo-change': DbPromoChangeEvent;
  }
}
