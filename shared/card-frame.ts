// The messages the widget and the server's /card-frame iframe exchange with postMessage.
// SPEC 2.8: the frame tells its parent only success, brand and last 4, never the number.
import type { CardBrand } from './schemas/property.ts';

/** Frame → parent, once its script runs: it is ready for `init`. */
export interface CardFrameReady {
  type: 'directbook:card-frame:ready';
}

/** Parent → frame: what the frame needs to post the card for one booking. */
export interface CardFrameInit {
  type: 'directbook:card-frame:init';
  bookingId: string;
  clientToken: string;
  locale: string;
}

/** Frame → parent: the card was stored and the booking confirmed. */
export interface CardFrameResult {
  type: 'directbook:card-frame:result';
  ok: true;
  brand: CardBrand;
  last4: string;
}

/** Frame → parent: its content height changed, so the iframe can be resized without scrollbars. */
export interface CardFrameResize {
  type: 'directbook:card-frame:resize';
  height: number;
}

export type CardFrameMessage = CardFrameReady | CardFrameInit | CardFrameResult | CardFrameResize;
