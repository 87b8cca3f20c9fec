import { describe, expect, it } from 'vitest';
import { productionStartProblems } from './startup-checks.ts';

const manual = { anyManualProperty: async () => true };
const stripeOnly = { anyManualProperty: async () => false };
const complete = { NODE_ENV: 'production', PUBLIC_URL: 'https://book.hotel.example', CARD_VAULT_KEY: 'a-key' };

describe('production start checks', () => {
  it('let a complete production configuration start', async () => {
    expect(await productionStartProblems(complete, manual)).toEqual([]);
  });

  it('refuse production without PUBLIC_URL, since the card frame would trust the Host header', async () => {
    const problems = await productionStartProblems({ ...complete, PUBLIC_URL: undefined }, stripeOnly);
    expect(problems).toEqual([expect.stringMatching(/^PUBLIC_URL must be set in production/)]);
  });

  it('refuse production without CARD_VAULT_KEY once a property takes cards manually', async () => {
    for (const key of [undefined, '  ']) {
      const problems = await productionStartProblems({ ...complete, CARD_VAULT_KEY: key }, manual);
      expect(problems).toEqual([expect.stringMatching(/^CARD_VAULT_KEY must be set in production.*openssl rand/)]);
    }
  });

  it('need no CARD_VAULT_KEY while every property takes payments through Stripe', async () => {
    expect(await productionStartProblems({ ...complete, CARD_VAULT_KEY: undefined }, stripeOnly)).toEqual([]);
  });

  it('name every problem at once', async () => {
    expect(await productionStartProblems({ NODE_ENV: 'production', PUBLIC_URL: undefined, CARD_VAULT_KEY: undefined }, manual)).toHaveLength(2);
  });

  it('require nothing outside production, so development keeps its defaults', async () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      expect(await productionStartProblems({ NODE_ENV, PUBLIC_URL: undefined, CARD_VAULT_KEY: undefined }, manual)).toEqual([]);
    }
  });
});
