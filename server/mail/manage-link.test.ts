// SPEC 2.16: the confirmation e-mail links to the guest's manage page, the token in the fragment.
import { describe, expect, it } from 'vitest';
import { krwBooking, krwProperty, usdBooking, usdProperty } from '../../test/support/mail-fixtures.ts';
import { clientTokenFor } from '../ids.ts';
import { manageLink } from './manage-link.ts';
import { guestConfirmation } from './templates.ts';

const SECRET = 'a-client-token-secret-of-32-characters';

describe('the link to the guest’s manage page', () => {
  it('names the booking in the path and carries its client token only in the fragment', () => {
    const link = new URL(manageLink('https://book.example.com', SECRET, 'bk_123'));
    expect(link.origin).toBe('https://book.example.com');
    expect(link.pathname).toBe('/manage/bk_123');
    expect(link.search).toBe('');
    expect(link.hash).toBe(`#${clientTokenFor(SECRET, 'bk_123')}`);
  });

  it('is in the confirmation e-mail, as text and as a link, in the guest’s language', () => {
    const url = manageLink('https://book.example.com', SECRET, 'bk_123');
    const english = guestConfirmation(usdBooking('en'), usdProperty(), url);
    expect(english.text).toContain(`See your booking, pay the balance or cancel:\n${url}\n`);
    expect(english.html).toContain(`<a href="${url}" style="color:#0b6e5f;font-weight:600;">See your booking, pay the balance or cancel</a>`);
    const korean = guestConfirmation(krwBooking('ko'), krwProperty(), url);
    expect(korean.text).toContain(`예약 확인, 잔금 결제, 예약 취소:\n${url}\n`);
  });

  it('is left out when the mailer knows no manage page', () => {
    expect(guestConfirmation(usdBooking('en'), usdProperty()).text).not.toContain('/manage/');
  });
});
