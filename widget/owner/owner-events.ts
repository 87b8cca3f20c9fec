// The console's own events; like the widget's, they bubble and are composed to cross shadow roots.
import type { Property } from '../../shared/schemas/property.ts';
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

/** Fired by the profile screen once a save changed the property, so the header shows its new name. */
export class DbPropertyChangedEvent extends Event {
  constructor(readonly property: Property) {
    super('db-property-changed', init);
  }
}

declare global {
  interface HTMLElementEventMap {
    'db-property-changed': DbPropertyChangedEvent;
  }
}

/** Fired by a screen that moves the owner on after a save (a new rate to its own page, a deleted one to the list). */
export class DbNavigateEvent extends Event {
  constructor(readonly path: string) {
    super('db-navigate', init);
  }
}

declare global {
  interface HTMLElementEventMap {
    'db-navigate': DbNavigateEvent;
  }
}
