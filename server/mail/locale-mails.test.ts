// Issue 15: every e-mail reads as if a local wrote it. Korean: particles chosen from the word (never
// "을(를)"), won as "80,000원", the guest greeted by their full name family first, nights as "2박",
// the booking deposit 예약금; Indonesian: its own words throughout.
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/locale.ts';
import { krwBooking, krwProperty, usdBooking, usdProperty } from '../../test/support/mail-fixtures.ts';
import {
  guestBalanceFailed,
  guestCancellation,
  guestConfirmation,
  type MailContent,
  ownerBalanceFailed,
  ownerBalanceReminder,
  ownerCancellation,
  ownerNotification,
  ownerWebhookDisabled,
} from './templates.ts';

const lines = (text: string) => text.split('\n').map((line) => line.trimEnd());

/** Every e-mail directbook sends about one booking, guest's and owner's, all written in `locale`. */
function everyMail(locale: Locale, korean: boolean): MailContent[] {
  const booking = korean ? krwBooking(locale) : usdBooking(locale);
  const property = korean ? krwProperty({ locale }) : usdProperty({ locale });
  const paid = korean ? krwBooking(locale, { amountPaid: 120_000 }) : booking;
  return [
    guestConfirmation(booking, property, 'https://book.example/manage/x'),
    guestCancellation(paid, property, korean ? 120_000 : 22_940),
    guestBalanceFailed(booking, property, 210_000, 'declined', 'https://book.example/manage/x'),
    ownerNotification(booking, property),
    ownerCancellation(paid, property, { refunded: korean ? 120_000 : 22_940, pending: { amount: 0, byOwner: false } }),
    ownerBalanceFailed(booking, property, 210_000, 'card_declined'),
    ownerBalanceReminder(booking, property, 210_000, true),
    ownerBalanceReminder(booking, property, 210_000, false),
    ownerWebhookDisabled(property, { url: 'https://hooks.example/directbook', failingSince: '2026-04-28T09:00:00Z' }),
  ];
}

describe('e-mails in Korean and Indonesian', () => {
  for (const locale of ['ko', 'id'] as const) {
    it(`never print a particle in brackets such as (를), (으) or (이) in ${locale}`, () => {
      for (const mail of [...everyMail(locale, true), ...everyMail(locale, false)]) {
        for (const text of [mail.subject, mail.text, mail.html]) expect(text).not.toMatch(/\((?:을|를|으|이|가|와|과|은|는)\)/);
      }
    });
  }

  it('write won in Korean as the number followed by 원, and the booking deposit as 예약금', () => {
    for (const mail of everyMail('ko', true)) {
      expect(mail.text).not.toMatch(/₩|보증금/);
      for (const amount of mail.text.matchAll(/\d{1,3}(?:,\d{3})+/g)) expect(mail.text.slice(amount.index + amount[0].length), amount[0]).toMatch(/^원/);
    }
  });

  it('greet a Korean guest by their full name, family name first, and count the nights as 박', () => {
    const text = lines(guestConfirmation(krwBooking('ko'), krwProperty()).text);
    expect(text).toEqual(expect.arrayContaining(['김지민 님, 안녕하세요.', '숙박: 2박', '숙소에서 고객님의 카드로 120,000원을 결제합니다.', '예약금 안내']));
  });

  it('choose each Korean particle from the amount before it', () => {
    const [, cancellation, balance, , , ownerFailed, reminder, noCard] = everyMail('ko', true).map((mail) => mail.text);
    expect(balance).toContain('잔금 210,000원을 저장된 카드로 결제하지 못했습니다.');
    expect(ownerFailed).toContain('잔금 210,000원을 결제하지 못했습니다');
    expect(reminder).toContain('잔금 210,000원을 결제해 주세요.');
    expect(noCard).toContain('잔금 210,000원을 직접 받아 주세요.');
    expect(cancellation).toContain('환불 금액: 120,000원');
    expect(ownerNotification(krwBooking('ko'), krwProperty()).text).toContain('고객의 카드(Visa •••• 4242)로 예약금 120,000원을 결제해 주세요.');
  });

  it('write Indonesian with nights as malam and the balance named as in the widget', () => {
    const text = lines(guestConfirmation(usdBooking('id'), usdProperty()).text);
    expect(text).toEqual(expect.arrayContaining(['Halo Jane,', 'Lama menginap: 3 malam', 'Sisa pembayaran (dibayar nanti): US$916,07']));
  });
});
