import { describe, expect, test } from 'vitest';
import { optionalTextIn, textIn } from './localized-text.ts';

describe('a text in the guest language', () => {
  test('a plain text reads the same in every language', () => {
    expect(textIn('Harbour View', 'ko', 'en')).toBe('Harbour View');
  });

  test('a guest reads their own language when the owner wrote it', () => {
    expect(textIn({ en: 'Harbour View', ko: '하버뷰' }, 'ko', 'en')).toBe('하버뷰');
  });

  test("without the guest's language, the property's language is shown", () => {
    expect(textIn({ en: 'Harbour View', ko: '하버뷰' }, 'id', 'ko')).toBe('하버뷰');
  });

  test('without either, any language the owner wrote is shown', () => {
    expect(textIn({ id: 'Pemandangan' }, 'ko', 'en')).toBe('Pemandangan');
    expect(textIn({ ko: '하버뷰' }, 'en')).toBe('하버뷰');
  });

  test('an empty translation does not hide the fallback', () => {
    expect(textIn({ ko: '', en: 'Harbour View' }, 'ko', 'id')).toBe('Harbour View');
  });

  test('an absent text stays absent', () => {
    expect(optionalTextIn(null, 'ko')).toBeNull();
    expect(optionalTextIn(undefined, 'ko')).toBeNull();
    expect(optionalTextIn({ en: 'Quiet after 22:00' }, 'ko')).toBe('Quiet after 22:00');
  });
});
