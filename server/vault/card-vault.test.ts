import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealV1 } from '../../test/support/card-v1.ts';
import { CardVaultError, createCardVault, keyId, type SealedCard, splitV1Blob, type VaultCard } from './card-vault.ts';

const card: VaultCard = { number: '4242424242424242', expMonth: 12, expYear: 2030, holderName: 'Ji-woo Park' };
const kek = randomBytes(32);
const vault = createCardVault([kek]);

const flip = (text: string) => {
  const bytes = Buffer.from(text, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString('base64url');
};

/** The sealed card with one base64url field of its blob or its key changed by flipping one bit. */
function tamper(sealed: SealedCard, field: string): SealedCard {
  if (field in sealed.key) return { ...sealed, key: { ...sealed.key, [field]: flip(sealed.key[field as keyof SealedCard['key']]) } };
  const blob = JSON.parse(sealed.blob) as Record<string, string>;
  return { ...sealed, blob: JSON.stringify({ ...blob, [field]: flip(blob[field] ?? '') }) };
}

describe('card vault', () => {
  it('opens what it sealed for the same booking', () => {
    expect(vault.open(vault.seal(card, 'bk_1'), 'bk_1')).toEqual(card);
  });

  it('keeps the wrapped data key out of the blob, so deleting the key row shreds the card', () => {
    const { blob, key } = vault.seal(card, 'bk_1');
    expect(Object.keys(JSON.parse(blob)).sort()).toEqual(['ct', 'iv', 'tag', 'v']);
    expect(JSON.parse(blob).v).toBe(2);
    expect(key).toEqual({ kid: vault.currentKid, wrappedKey: expect.any(String), iv: expect.any(String), tag: expect.any(String) });
    expect(vault.currentKid).toMatch(/^[0-9a-f]{16}$/);
    expect(blob).not.toContain(key.wrappedKey);
  });

  it('keeps nothing but the card fields, even when handed more', () => {
    const withExtra = { ...card, cvc: '123' } as VaultCard;
    expect(vault.open(vault.seal(withExtra, 'bk_1'), 'bk_1')).toEqual(card);
  });

  it.each(['wrappedKey', 'iv', 'tag', 'ct'])('refuses a card whose %s was altered', (field) => {
    const sealed = vault.seal(card, 'bk_1');
    expect(() => vault.open(tamper(sealed, field), 'bk_1')).toThrow(CardVaultError);
  });

  it('refuses a card whose data iv or tag was altered', () => {
    const sealed = vault.seal(card, 'bk_1');
    const blob = JSON.parse(sealed.blob) as Record<string, string>;
    for (const field of ['iv', 'tag']) {
      expect(() => vault.open({ ...sealed, blob: JSON.stringify({ ...blob, [field]: flip(blob[field]!) }) }, 'bk_1')).toThrow(CardVaultError);
    }
  });

  it('refuses a blob whose tag was shortened', () => {
    const sealed = vault.seal(card, 'bk_1');
    const blob = JSON.parse(sealed.blob);
    const short = Buffer.from(blob.tag, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => vault.open({ ...sealed, blob: JSON.stringify({ ...blob, tag: short }) }, 'bk_1')).toThrow(CardVaultError);
  });

  it('cannot be opened with a ring that lacks the key, and says so without the key', () => {
    const sealed = vault.seal(card, 'bk_1');
    expect(() => createCardVault([randomBytes(32)]).open(sealed, 'bk_1')).toThrow(/not in the ring \(kid [0-9a-f]{16}\)/);
  });

  it('cannot be opened for another booking, so a copied card is useless', () => {
    const sealed = vault.seal(card, 'bk_1');
    expect(() => vault.open(sealed, 'bk_2')).toThrow(CardVaultError);
    expect(() => vault.rewrap(sealed.key, 'bk_2')).toThrow(CardVaultError);
  });

  it('cannot be opened with another card’s data key', () => {
    const first = vault.seal(card, 'bk_1');
    const second = vault.seal(card, 'bk_1');
    expect(() => vault.open({ blob: first.blob, key: second.key }, 'bk_1')).toThrow(CardVaultError);
  });

  it('refuses text that is not a sealed card, and versions it does not know', () => {
    const { key, blob } = vault.seal(card, 'bk_1');
    expect(() => vault.open({ blob: '4242424242424242', key }, 'bk_1')).toThrow(CardVaultError);
    expect(() => vault.open({ blob: '{"v":2}', key }, 'bk_1')).toThrow(CardVaultError);
    expect(() => vault.open({ blob: JSON.stringify({ ...JSON.parse(blob), v: 3 }), key }, 'bk_1')).toThrow(/version 3/);
  });

  it('never shows the card number in the blob or the key, in clear, base64 or hex', () => {
    const sealed = JSON.stringify(vault.seal(card, 'bk_1'));
    const forms = [card.number, Buffer.from(card.number).toString('base64'), Buffer.from(card.number).toString('base64url'), Buffer.from(card.number).toString('hex'), card.holderName];
    for (const form of forms) expect(sealed).not.toContain(form);
  });

  it('seals the same card differently every time', () => {
    const first = vault.seal(card, 'bk_1');
    const second = vault.seal(card, 'bk_1');
    expect(first.key.wrappedKey).not.toBe(second.key.wrappedKey);
    expect(first.key.iv).not.toBe(second.key.iv);
    expect(JSON.parse(first.blob).ct).not.toBe(JSON.parse(second.blob).ct);
  });

  it('refuses a key-encrypting key that is not 32 bytes, and an empty ring', () => {
    expect(() => createCardVault([randomBytes(16)])).toThrow(/32 bytes/);
    expect(() => createCardVault([kek, randomBytes(31)])).toThrow(/32 bytes/);
    expect(() => createCardVault([])).toThrow(/at least one key/);
  });
});

describe('card vault keyring', () => {
  const older = randomBytes(32);
  const current = randomBytes(32);
  const ring = createCardVault([current, older]);

  it('seals under the first key of the ring', () => {
    expect(ring.currentKid).toBe(keyId(current));
    expect(ring.seal(card, 'bk_1').key.kid).toBe(keyId(current));
  });

  it('opens cards sealed under an older key of the ring', () => {
    const sealed = createCardVault([older]).seal(card, 'bk_1');
    expect(ring.open(sealed, 'bk_1')).toEqual(card);
    expect(ring.has(keyId(older))).toBe(true);
    expect(ring.has(keyId(randomBytes(32)))).toBe(false);
  });

  it('re-wraps an older data key under the current key, after which the older key is not needed', () => {
    const sealed = createCardVault([older]).seal(card, 'bk_1');
    const rewrapped = ring.rewrap(sealed.key, 'bk_1');
    expect(rewrapped.kid).toBe(keyId(current));
    expect(createCardVault([current]).open({ blob: sealed.blob, key: rewrapped }, 'bk_1')).toEqual(card);
  });

  it('cannot re-wrap a data key whose key is not in the ring', () => {
    const sealed = createCardVault([randomBytes(32)]).seal(card, 'bk_1');
    expect(() => ring.rewrap(sealed.key, 'bk_1')).toThrow(/not in the ring/);
  });
});

describe('splitV1Blob (migration 007)', () => {
  it('turns a version 1 blob into a v2 blob and its wrapped key that open as before', () => {
    const split = splitV1Blob(sealV1(kek, card, 'bk_1'))!;
    expect(JSON.parse(split.blob).v).toBe(2);
    expect(split.key.kid).toBe(keyId(kek));
    expect(vault.open(split, 'bk_1')).toEqual(card);
  });

  it('leaves alone what is not a version 1 blob', () => {
    expect(splitV1Blob(vault.seal(card, 'bk_1').blob)).toBeNull();
    expect(splitV1Blob('not json')).toBeNull();
    expect(splitV1Blob('{"v":1}')).toBeNull();
  });

  it('version 1 blobs themselves are no longer opened: the migration moved them all', () => {
    const blob = sealV1(kek, card, 'bk_1');
    expect(() => vault.open({ blob, key: splitV1Blob(blob)!.key }, 'bk_1')).toThrow(/version 1/);
  });
});
