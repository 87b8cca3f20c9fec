// Stored cards and the keyring (issue 9): opening one for a reveal, re-wrapping data keys under the
// current CARD_VAULT_KEY, and telling the operator about cards whose key left the ring.
import type { BookingStore } from '../store/store.ts';
import { type CardVault, CardVaultError, type VaultCard } from './card-vault.ts';

type CardStore = Pick<BookingStore, 'cardKey' | 'replaceCardKey' | 'cardKeysUnder' | 'cardKeyCounts'>;

/**
 * The booking's card; a data key still wrapped under an older key of the ring is re-wrapped under
 * the current one on the way. Throws CardVaultError when there is no key (purged) or it does not open.
 */
export async function openStoredCard(store: CardStore, vault: CardVault, booking: { id: string; cardBlob: string }): Promise<VaultCard> {
  const key = await store.cardKey(booking.id);
  if (!key) throw new CardVaultError("This card's data key was erased");
  const card = vault.open({ blob: booking.cardBlob, key }, booking.id);
  if (key.kid !== vault.currentKid) await store.replaceCardKey(booking.id, key.kid, vault.rewrap(key, booking.id));
  return card;
}

export interface RewrapReport {
  rewrapped: number;
  /** Bookings whose key is under a key of the ring but does not open (altered): left as they are. */
  failed: string[];
  /** Cards whose key is wrapped under a key not in the ring, by kid: they cannot be opened. */
  unknown: { kid: string; cards: number }[];
}

/** Re-wraps every data key wrapped under an older key of the ring; after it, the older keys can go. */
export async function rewrapStoredCards(store: CardStore, vault: CardVault, batch = 200): Promise<RewrapReport> {
  const counts = await store.cardKeyCounts();
  const older = counts.filter((c) => c.kid !== vault.currentKid && vault.has(c.kid)).map((c) => c.kid);
  let rewrapped = 0;
  const failed: string[] = [];
  let after = '';
  for (let page = await store.cardKeysUnder(older, after, batch); page.length > 0; page = await store.cardKeysUnder(older, after, batch)) {
    for (const { bookingId, key } of page) {
      let fresh;
      try {
        fresh = vault.rewrap(key, bookingId);
      } catch (error) {
        if (!(error instanceof CardVaultError)) throw error;
        failed.push(bookingId);
        continue;
      }
      // False when purged or re-wrapped by a reveal meanwhile: nothing left to do for that card.
      if (await store.replaceCardKey(bookingId, key.kid, fresh)) rewrapped++;
    }
    after = page.at(-1)!.bookingId;
  }
  return { rewrapped, failed, unknown: counts.filter((c) => !vault.has(c.kid)) };
}

/** At start: stored cards whose key is not in the ring answer 409 card_unreadable until it is added back. */
export async function warnAboutUnreadableCards(store: CardStore, vault: CardVault, logger: { warn(details: { kids: string[]; cards: number }, message: string): void }): Promise<void> {
  const unknown = (await store.cardKeyCounts()).filter((c) => !vault.has(c.kid));
  if (unknown.length === 0) return;
  const cards = unknown.reduce((sum, c) => sum + c.cards, 0);
  logger.warn(
    { kids: unknown.map((c) => c.kid), cards },
    `${cards} stored card(s) are wrapped under a card vault key that is not in CARD_VAULT_KEY, so they cannot be revealed: add that key back after the current one, then run npm run vault:rewrap`,
  );
}
