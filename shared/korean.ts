// Korean chooses a particle by the sound that ends the word before it ("80,000원을", "민지를"), so a
// sentence with a value in it cannot fix the particle in advance; es-hangul knows the rule.
import { josa } from 'es-hangul';

export type Particle = Parameters<typeof josa.pick>[1];

/** `word` followed by the form of `particle` ("을/를", "으로/로", "이/가"…) that fits it. */
export function withParticle(word: string, particle: Particle): string {
  return josa(word, particle);
}

/**
 * Fills `{name}` placeholders, and `{name|을/를}` with the value and the particle that fits it, so a
 * reviewed sentence reads "숙소에서 80,000원을 청구합니다" rather than "80,000원을(를)".
 */
export function fillKorean(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)(?:\|([^}]+))?\}/g, (placeholder, name: string, particle?: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return particle ? withParticle(String(value), particle as Particle) : String(value);
  });
}
