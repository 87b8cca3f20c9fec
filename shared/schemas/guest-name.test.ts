import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { GuestNameSchema, looksLikeUrl, NAME_URL_MESSAGE } from './guest-name.ts';
import { BookingRequestSchema } from './stay.ts';

describe('guest names', () => {
  test.each([
    'J. R. R.',
    'J.R.R. Tolkien',
    'St.John',
    "O'Brien",
    'Anne-Marie',
    'Jean-Luc Picard',
    'Dr. Smith',
    'Mary Jo',
    '김민준',
    'Nguyễn Thị Minh Khai',
    'María José',
    'Ma.ría',
    'J.Page',
    'Mary.Jo',
    '\u202eevil.exe',
  ])('%s is a name', (name) => {
    expect(looksLikeUrl(name)).toBe(false);
    expect(v.safeParse(GuestNameSchema, name).success).toBe(true);
  });

  test.each([
    'http://spam.example',
    'Visit https://evil.test now',
    'HTTPS://EVIL',
    'ftp://files',
    'www.cheap-pills',
    'Bob WWW.CASINO',
    'x.com',
    'cheap meds at pills.shop',
    'evil.co.uk',
    'bit.ly',
    'CASINO.COM',
    'bob@mail.ru',
    'xn--80ak6aa92e.xn--p1ai',
    'win big at lucky.win',
  ])('%s is refused as a web address', (name) => {
    expect(looksLikeUrl(name)).toBe(true);
    const result = v.safeParse(GuestNameSchema, name);
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe(NAME_URL_MESSAGE);
  });

  test('a booking request whose last name is a link is refused, naming guest.lastName', () => {
    const result = v.safeParse(BookingRequestSchema, {
      checkIn: '2026-12-10',
      checkOut: '2026-12-12',
      rooms: [{ rateId: 'rate_1', adults: 2 }],
      guest: { firstName: 'Ana', lastName: 'see www.spam.test', email: 'ana@example.com' },
    });
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual(['guest.lastName']);
  });
});
