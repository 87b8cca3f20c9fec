// Korean names are written family name first ("김민지"), and so are greetings and forms in Korean;
// the other shipped languages write the given name first.
import type { Locale } from './locale.ts';

interface Named {
  firstName: string;
  lastName: string;
}

const HANGUL = /^[\uac00-\ud7a3]+$/;

/** True where `locale` asks for the family name before the given name. */
export function familyNameFirst(locale: Locale): boolean {
  return locale === 'ko';
}

/** How a guest is addressed in a greeting: "김민지" in Korean, where the given name alone is too familiar; "Minji" elsewhere. */
export function addressName(person: Named, locale: Locale): string {
  return familyNameFirst(locale) ? fullName(person, locale) : person.firstName;
}

/** A person's full name the way `locale` writes it: "김민지" or "Kim Minji" in Korean, "Minji Kim" elsewhere. */
export function fullName({ firstName, lastName }: Named, locale: Locale): string {
  if (!familyNameFirst(locale)) return `${firstName} ${lastName}`;
  // A Korean name in Hangul is written without a space; a romanised one keeps it.
  return HANGUL.test(firstName) && HANGUL.test(lastName) ? `${lastName}${firstName}` : `${lastName} ${firstName}`;
}
