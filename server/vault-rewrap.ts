// `npm run vault:rewrap`: after a new key was put first in CARD_VAULT_KEY, re-wraps every stored
// card's data key under it, so the older keys can then leave the ring. A second entry point
// beside main.ts, so it reads the same environment the same way.
import { configOrExit } from './config.ts';
import { createLogger } from './logger.ts';
import { openStore, sqliteFile } from './store/open-store.ts';
import { createCardVault } from './vault/card-vault.ts';
import { rewrapStoredCards } from './vault/stored-cards.ts';
import { loadVaultKeyring } from './vault/vault-keys.ts';

const config = configOrExit(process.env);
const logger = createLogger(config.LOG_LEVEL);
const store = await openStore({ databaseUrl: config.DATABASE_URL, sqlitePath: sqliteFile(config.DATA_DIR) });
try {
  const vault = createCardVault(loadVaultKeyring({ configuredKey: config.CARD_VAULT_KEY, dataDir: config.DATA_DIR, logger }));
  const report = await rewrapStoredCards(store, vault);
  console.log(`Re-wrapped ${report.rewrapped} card key(s) under the current card vault key (kid ${vault.currentKid}).`);
  if (report.failed.length > 0) console.error(`${report.failed.length} card key(s) did not open and were left as they are: bookings ${report.failed.join(', ')}`);
  for (const { kid, cards } of report.unknown) {
    console.error(`${cards} card(s) are wrapped under kid ${kid}, which is not in CARD_VAULT_KEY: add that key after the current one and run this again.`);
  }
  process.exitCode = report.failed.length > 0 || report.unknown.length > 0 ? 1 : 0;
} finally {
  await store.close();
}
