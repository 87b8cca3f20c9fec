// A card sealed as version 1 of the vault wrote it (the wrapped data key inside the blob), as found
// in databases from before migration 007, written out here so tests do not lean on the code they check.
import { createCipheriv, randomBytes } from 'node:crypto';
import type { VaultCard } from '../../server/vault/card-vault.ts';
import { keyId } from '../../server/vault/card-vault.ts';

export function sealV1(kek: Buffer, card: VaultCard, bookingId: string): string {
  const kid = keyId(kek);
  const dataKey = randomBytes(32);
  const gcm = (key: Buffer, plaintext: Buffer, aad: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
    const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { iv: iv.toString('base64url'), tag: cipher.getAuthTag().toString('base64url'), ct: ct.toString('base64url') };
  };
  const data = gcm(dataKey, Buffer.from(JSON.stringify(card)), `directbook:card:v1:${bookingId}`);
  const wrapped = gcm(kek, dataKey, `directbook:card-key:v1:${kid}:${bookingId}`);
  return JSON.stringify({ v: 1, kid, dk: wrapped.ct, dkIv: wrapped.iv, dkTag: wrapped.tag, ...data });
}
