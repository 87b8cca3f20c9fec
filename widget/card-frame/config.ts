// What server/card-frame/page.ts hands the frame's script: a JSON data block in the page, so the
// built script stays the same file for every property, locale and parent.
import type { CardBrand } from '../../shared/schemas/property.ts';

/** The id of the `<script type="application/json">` element that holds the `CardFrameConfig`. */
export const CONFIG_ELEMENT_ID = 'card-frame-config';

export interface FrameText {
  title: string;
  number: string;
  expiry: string;
  expiryPlaceholder: string;
  name: string;
  accepted: string;
  note: string;
  submit: string;
  submitting: string;
  success: string;
  numberRequired: string;
  numberIncomplete: string;
  numberUnknown: string;
  numberInvalid: string;
  /** `{brand}` is replaced by the brand's name. */
  brandNotAccepted: string;
  expiryRequired: string;
  expiryIncomplete: string;
  expiryMonth: string;
  expired: string;
  expiryFar: string;
  nameRequired: string;
  nameTooLong: string;
  checkFields: string;
  notReady: string;
  network: string;
  failed: string;
}

export interface CardFrameConfig {
  /** The only origin the frame posts messages to, and takes `init` from. */
  parentOrigin: string;
  /** Prefix of the card endpoint: '' for this origin, the only one `connect-src` allows. */
  apiBase: string;
  /** The property's `acceptedCardBrands`. */
  accepted: CardBrand[];
  /** The guest's language; the labels are already in the page. */
  text: FrameText;
}
