// The console's own events; like the widget's, they bubble and are composed to cross shadow roots.
import type { OwnerApi } from './owner-api.ts';

const init = { bubbles: true, composed: true };

/** Fired by <db-owner-sign-in> once the key opened a session. */
export class DbSignedInEvent extends Event {
  constructor(readonly api: OwnerApi) {
    super('db-signed-in', init);
  }
}

declare global {
  interface HTMLElementEventMap {
    'db-signed-in': DbSignedInEvent;
  }
}
