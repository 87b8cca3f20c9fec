import { describe, expect, test } from 'vitest';
import { fillKorean, withParticle } from './korean.ts';
import { formatLocalMoney } from './local-money.ts';

describe('Korean particles and won', () => {
  test('the particle follows the sound the word ends with', () => {
    expect(withParticle('80,000원', '을/를')).toBe('80,000원을');
    expect(withParticle('주차', '이/가')).toBe('주차가');
    expect(withParticle('김민지', '으로/로')).toBe('김민지로');
  });

  test('a sentence is filled with each value and the particle that fits it, never 을(를)', () => {
    expect(fillKorean('숙소에서 {amount|을/를} 청구합니다', { amount: '30,000원' })).toBe('숙소에서 30,000원을 청구합니다');
    expect(fillKorean('{name|이/가} 추가되었습니다.', { name: '조식' })).toBe('조식이 추가되었습니다.');
    expect(fillKorean('{a} 및 {missing}', { a: 1 })).toBe('1 및 {missing}');
  });

  test('won in Korean is the number and 원; other currencies and languages keep Intl’s symbol', () => {
    expect(formatLocalMoney(80_000, 'KRW', 'ko')).toBe('80,000원');
    expect(formatLocalMoney(1_250_000, 'KRW', 'ko-KR')).toBe('1,250,000원');
    expect(formatLocalMoney(5_000, 'USD', 'ko')).toBe('US$50.00');
    expect(formatLocalMoney(80_000, 'KRW', 'en')).toBe('₩80,000');
  });
});
