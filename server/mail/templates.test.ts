import { describe, expect, it } from 'vitest';
import { krwBooking, krwProperty, usdBooking, usdPayLaterBooking, usdProperty } from '../../test/support/mail-fixtures.ts';
import { guestCancellation, guestConfirmation, ownerCancellation, ownerNotification } from './templates.ts';

const lines = (text: string) => text.split('\n');

describe('guest confirmation', () => {
  it('gives an English guest the whole booking: reference, dates, rooms, amounts and deposit terms', () => {
    const mail = guestConfirmation(usdBooking('en'), usdProperty());

    expect(mail.subject).toBe('Your booking at Harbour View Inn is confirmed (HV-7K3F9Q)');
    expect(mail.text).toBe(
      [
        'Harbour View Inn',
        '',
        'Dear Jane,',
        '',
        'Thank you for booking with Harbour View Inn. Your booking is confirmed.',
        '',
        'Booking reference: HV-7K3F9Q',
        'Property: Harbour View Inn',
        'Check-in: Friday, March 13, 2026',
        'Check-out: Monday, March 16, 2026',
        'Nights: 3',
        '',
        'Room 1: Deluxe King',
        '  Rate: Flexible',
        '  Guests: 2 adults, 1 child',
        '  Room price: $598.00',
        '  Breakfast: $112.50',
        '  Airport pickup: $45.00',
        '  Room total: $755.50',
        '',
        'Room 2: Garden Twin',
        '  Rate: Advance Saver',
        '  Guests: 1 adult',
        '  Room price: $389.97',
        '  Room total: $389.97',
        '',
        'Total: $1,145.47',
        'Charged now: $229.40',
        'Balance due later: $916.07',
        '',
        'Deposit terms',
        '- Flexible: 30% deposit required',
        '- Advance Saver: $50.00 deposit required',
        '',
        'Questions? Reply to this e-mail to reach Harbour View Inn.',
        '',
        'We look forward to welcoming you.',
        '',
      ].join('\n'),
    );
  });

  it('shows the same reference, dates, amounts and deposit messages in the HTML part', () => {
    const { html } = guestConfirmation(usdBooking('en'), usdProperty());

    expect(html).toContain('<html lang="en">');
    for (const value of [
      'HV-7K3F9Q',
      'Friday, March 13, 2026',
      'Monday, March 16, 2026',
      'Deluxe King',
      'Garden Twin',
      '$598.00',
      '$112.50',
      '$45.00',
      '$389.97',
      '<li>Flexible: 30% deposit required</li>',
      '<li>Advance Saver: $50.00 deposit required</li>',
    ]) {
      expect(html).toContain(value);
    }
    expect(html).toMatch(/Total<\/td><td[^>]*><strong>\$1,145\.47<\/strong>/);
    expect(html).toMatch(/Charged now<\/td><td[^>]*><strong>\$229\.40<\/strong>/);
    expect(html).toMatch(/Balance due later<\/td><td[^>]*>\$916\.07</);
  });

  it('tells a guest of a manual-payment property that the property will charge the deposit, and charges nothing now', () => {
    const mail = guestConfirmation(krwBooking('en'), krwProperty());

    expect(lines(mail.text)).toContain('The property will charge ₩120,000 to your card.');
    expect(mail.html).toContain('The property will charge ₩120,000 to your card.');
    expect(mail.text).not.toContain('Charged now');
    expect(lines(mail.text)).toEqual(
      expect.arrayContaining([
        'Check-in: Thursday, April 30, 2026',
        'Check-out: Saturday, May 2, 2026',
        '  Room price: ₩270,000',
        '  조식: ₩60,000',
        '  Room total: ₩330,000',
        'Total: ₩330,000',
        'Balance due later: ₩210,000',
        '- 기본 요금: One night deposit required',
      ]),
    );
  });

  it('says nothing is due now when the rates ask no deposit, with a card on Stripe or with the property', () => {
    for (const mode of ['stripe', 'manual'] as const) {
      const mail = guestConfirmation(usdPayLaterBooking('en', mode), usdProperty({ paymentMode: mode }));

      expect(lines(mail.text)).toEqual(
        expect.arrayContaining(['Total: $1,145.47', 'Nothing is due now.', 'Balance due later: $1,145.47', '- Flexible: Book now, pay later', '- Advance Saver: Book now, pay later']),
      );
      expect(mail.text).not.toMatch(/Charged now|will charge|\$0\.00/);
      expect(mail.html).toContain('Nothing is due now.');
    }
  });

  it('writes to a Korean guest entirely in Korean, with Korean dates and won without decimals', () => {
    const mail = guestConfirmation(krwBooking('ko'), krwProperty());

    expect(mail.subject).toBe('한옥 스테이 서촌 예약이 확정되었습니다 (SC-4M8P2D)');
    expect(lines(mail.text)).toEqual(
      expect.arrayContaining([
        '김지민 님, 안녕하세요.',
        '예약 번호: SC-4M8P2D',
        '체크인: 2026년 4월 30일 목요일',
        '체크아웃: 2026년 5월 2일 토요일',
        '숙박: 2박',
        '객실 1: 온돌 스탠다드',
        '  요금제: 기본 요금',
        '  인원: 성인 2명',
        '  객실 요금: 270,000원',
        '  조식: 60,000원',
        '  객실 합계: 330,000원',
        '총 금액: 330,000원',
        '숙소에서 고객님의 카드로 120,000원을 결제합니다.',
        '잔액 (추후 결제): 210,000원',
        '예약금 안내',
        '- 기본 요금: 첫 1박 요금을 예약금으로 결제',
      ]),
    );
    // No English word left behind (the reference has no run of three letters).
    expect(mail.text).not.toMatch(/[A-Za-z]{3,}/);
    expect(mail.html.replace(/<[^>]*>/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('writes to an Indonesian guest in Indonesian, with amounts formatted the Indonesian way', () => {
    const mail = guestConfirmation(usdBooking('id'), usdProperty());

    expect(mail.subject).toBe('Pemesanan Anda di Harbour View Inn telah dikonfirmasi (HV-7K3F9Q)');
    expect(lines(mail.text)).toEqual(
      expect.arrayContaining([
        'Halo Jane,',
        'Kode pemesanan: HV-7K3F9Q',
        'Check-in: Jumat, 13 Maret 2026',
        'Check-out: Senin, 16 Maret 2026',
        'Kamar 1: Deluxe King',
        '  Jumlah tamu: 2 dewasa, 1 anak',
        '  Harga kamar: US$598,00',
        '  Total kamar: US$755,50',
        'Total: US$1.145,47',
        'Dibayar sekarang: US$229,40',
        'Sisa pembayaran (dibayar nanti): US$916,07',
        'Ketentuan deposit',
        '- Flexible: 30% deposit diperlukan',
        '- Advance Saver: US$50,00 deposit diperlukan',
      ]),
    );
  });

  it('prints a guest name that looks like a script as text in the HTML part, never as markup', () => {
    const booking = usdBooking('en', {
      guest: { firstName: '<script>alert("x")</script>', lastName: 'Doe', email: 'jane.doe@example.com' },
    });
    booking.rooms[0]!.extras[0]!.name = '<img src=x onerror=alert(1)>';
    booking.rooms[0]!.rateName = '<b>Flexible</b>';
    const property = usdProperty({ name: `Tom & Jerry's "B&B"` });

    for (const mail of [guestConfirmation(booking, property), ownerNotification(booking, property)]) {
      expect(mail.html).not.toMatch(/<script|<img|<b>/);
      expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(mail.html).toContain('&lt;b&gt;Flexible&lt;/b&gt;');
      expect(mail.html).toContain('Tom &amp; Jerry&#39;s &quot;B&amp;B&quot;');
      // The text part is plain text: shown as typed.
      expect(mail.text).toContain(`Tom & Jerry's "B&B"`);
      expect(mail.text).toContain('<img src=x onerror=alert(1)>');
    }
    const guestMail = guestConfirmation(booking, property);
    expect(guestMail.html).toContain('Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,');
    expect(guestMail.text).toContain('Dear <script>alert("x")</script>,');
  });

  it('keeps a guest name with line breaks on one line, so it cannot add a header or a line', () => {
    const booking = usdBooking('en', {
      // Issue 9 refuses web addresses in names, so the injected header carries none.
      guest: { firstName: 'Jane', lastName: 'Doe\r\nX-Mailer: injected', email: 'jane.doe@example.com' },
    });
    const mail = ownerNotification(booking, usdProperty());

    expect(mail.subject).toBe('New booking HV-7K3F9Q from Jane Doe X-Mailer: injected');
    expect(lines(mail.text)).toContain('Guest: Jane Doe X-Mailer: injected');
    expect(lines(mail.text).some((line) => line.startsWith('X-Mailer:'))).toBe(false);
  });
});

describe('owner notification', () => {
  it('is written in the property’s language whatever the guest’s, with the card to charge', () => {
    const mail = ownerNotification(krwBooking('en'), krwProperty());

    expect(mail.subject).toBe('새 예약 SC-4M8P2D: 김지민');
    expect(lines(mail.text)).toEqual(
      expect.arrayContaining([
        '예약 번호: SC-4M8P2D',
        '예약자: 김지민',
        '이메일: jimin.kim@example.kr',
        '고객 언어: 영어',
        '체크인: 2026년 4월 30일 목요일',
        '총 금액: 330,000원',
        '고객의 카드(Visa •••• 4242)로 예약금 120,000원을 결제해 주세요.',
        '잔액 (추후 결제): 210,000원',
        '고객에게 안내된 예약금 조건',
        '- 기본 요금: One night deposit required',
      ]),
    );
  });

  it('tells the owner the deposit was charged through Stripe, with the guest’s contact details', () => {
    const mail = ownerNotification(usdBooking('ko'), usdProperty());

    expect(mail.subject).toBe('New booking HV-7K3F9Q from Jane Doe');
    expect(lines(mail.text)).toEqual(
      expect.arrayContaining([
        'Guest: Jane Doe',
        'E-mail: jane.doe@example.com',
        'Phone: +1 617 555 0134',
        'Guest language: Korean',
        'Check-in: Friday, March 13, 2026',
        'Total: $1,145.47',
        'Deposit of $229.40 charged through Stripe.',
        'Balance due later: $916.07',
      ]),
    );
    expect(mail.html).toContain('Deposit of $229.40 charged through Stripe.');
  });

  it('tells the owner when nothing was charged', () => {
    const stripe = ownerNotification(usdPayLaterBooking('en', 'stripe'), usdProperty());
    const manual = ownerNotification(usdPayLaterBooking('en', 'manual'), usdProperty({ paymentMode: 'manual' }));

    expect(lines(stripe.text)).toContain('No deposit charged; the guest’s card is saved in Stripe.');
    expect(lines(manual.text)).toContain('No deposit is due; the guest’s card is on file.');
  });
});

describe('cancellation', () => {
  it('tells the guest how much was refunded and when to expect it', () => {
    const mail = guestCancellation(usdBooking('en'), usdProperty(), 22940);

    expect(mail.subject).toBe('Your booking at Harbour View Inn is cancelled (HV-7K3F9Q)');
    expect(lines(mail.text)).toEqual(
      expect.arrayContaining([
        'Your booking at Harbour View Inn has been cancelled.',
        'Booking reference: HV-7K3F9Q',
        'Check-in: Friday, March 13, 2026',
        'Total: $1,145.47',
        'Refunded: $229.40',
        'Refunds usually take 5–10 business days to appear on your statement.',
      ]),
    );
    expect(mail.html).toMatch(/Refunded<\/td><td[^>]*><strong>\$229\.40<\/strong>/);
  });

  it('tells the guest plainly when nothing was refunded, or nothing had been paid', () => {
    const kept = guestCancellation(usdBooking('en'), usdProperty(), 0);
    const unpaid = guestCancellation(krwBooking('en'), krwProperty(), 0);

    expect(lines(kept.text)).toContain('No refund was issued with this cancellation.');
    expect(kept.text).not.toContain('Refunded');
    expect(lines(unpaid.text)).toContain('No payment was taken for this booking.');
  });

  it('writes the guest’s cancellation in Korean and Indonesian', () => {
    const ko = guestCancellation(krwBooking('ko', { amountPaid: 120000 }), krwProperty(), 120000);
    const id = guestCancellation(usdBooking('id'), usdProperty(), 22940);

    expect(ko.subject).toBe('한옥 스테이 서촌 예약이 취소되었습니다 (SC-4M8P2D)');
    expect(lines(ko.text)).toEqual(expect.arrayContaining(['환불 금액: 120,000원', '총 금액: 330,000원']));
    expect(ko.text).not.toMatch(/[A-Za-z]{3,}/);
    expect(id.subject).toBe('Pemesanan Anda di Harbour View Inn dibatalkan (HV-7K3F9Q)');
    expect(lines(id.text)).toEqual(expect.arrayContaining(['Dana yang dikembalikan: US$229,40', 'Total: US$1.145,47']));
  });

  it('tells the owner which booking was cancelled and what went back to the guest', () => {
    const mail = ownerCancellation(usdBooking('en'), usdProperty(), { refunded: 22940, pending: { amount: 0, byOwner: false } });

    expect(mail.subject).toBe('Booking HV-7K3F9Q from Jane Doe cancelled');
    expect(lines(mail.text)).toEqual(
      expect.arrayContaining([
        'This booking has been cancelled and its rooms are available again.',
        'Guest: Jane Doe',
        'Check-in: Friday, March 13, 2026',
        'Total: $1,145.47',
        'Refunded to the guest: $229.40',
      ]),
    );
    expect(lines(ownerCancellation(krwBooking('en'), krwProperty(), { refunded: 0, pending: { amount: 0, byOwner: false } }).text)).toContain('고객에게 환불된 금액: 0원');
  });
});
