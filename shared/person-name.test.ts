import { describe, expect, test } from 'vitest';
import { addressName, fullName } from './person-name.ts';

describe('a guest’s full name', () => {
  test('Korean writes the family name first, a Hangul name without a space', () => {
    expect(fullName({ firstName: '민지', lastName: '김' }, 'ko')).toBe('김민지');
    expect(fullName({ firstName: 'Minji', lastName: 'Kim' }, 'ko')).toBe('Kim Minji');
  });

  test('a Korean greeting names the guest in full, the others by the given name', () => {
    expect(addressName({ firstName: '민지', lastName: '김' }, 'ko')).toBe('김민지');
    expect(addressName({ firstName: 'Minji', lastName: 'Kim' }, 'en')).toBe('Minji');
  });

  test('English and Indonesian write the given name first', () => {
    expect(fullName({ firstName: 'Minji', lastName: 'Kim' }, 'en')).toBe('Minji Kim');
    expect(fullName({ firstName: 'Dewi', lastName: 'Lestari' }, 'id')).toBe('Dewi Lestari');
  });
});
