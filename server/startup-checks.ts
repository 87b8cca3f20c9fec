// SPEC 5: what a production server must be given before it serves anyone (issue 9).
import type { Config } from './config.ts';
import type { Store } from './store/store.ts';

/**
 * Why this configuration must not start, one line each; empty when it may. Outside production
 * nothing is required: development reaches the card frame at the request's own origin and
 * keeps a generated vault key in the data folder.
 */
export async function productionStartProblems(config: Pick<Config, 'NODE_ENV' | 'PUBLIC_URL' | 'CARD_VAULT_KEY'>, store: Pick<Store, 'anyManualProperty'>): Promise<string[]> {
  if (config.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  // Without it the card frame's allowed origin would come from the request's Host header.
  if (!config.PUBLIC_URL) problems.push('PUBLIC_URL must be set in production: it is the origin browsers reach this server at, and the only origin the card frame trusts.');
  if (!config.CARD_VAULT_KEY?.trim() && (await store.anyManualProperty())) {
    problems.push(
      'CARD_VAULT_KEY must be set in production while a property takes cards manually: a key generated into the data folder is backed up and stolen with the database. Create one with `openssl rand -base64 32`.',
    );
  }
  return problems;
}
