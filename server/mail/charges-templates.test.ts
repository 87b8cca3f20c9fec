// SPEC 2.10, 2.13: the confirmation and the owner's notice list the booking's fee and tax lines.
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/locale.ts';
import { usdBooking, usdProperty } from '../../test/support/mail-fixtures.ts';
import { guestConfirmation, ownerNotification } from './templates.ts';

/** The fixture's two rooms with a $30 cleaning fee each, a $2 city tax per person-night and an inclusive 10% VAT. */
function taxedBooking(locale: Locale) {
  const base = usdBooking(locale);
  const [king, twin] = base.rooms;
  return usdBooking(locale, {
    rooms: [
      { ...king!, fees: 3_000, taxes: 1_800, total: king!.total + 4_800 },
      { ...twin!, fees: 3_000, taxes: 600, total: twin!.total + 3_600 },
    ],
    lines: [
      { kind: 'room', name: 'Deluxe King · Flexible', amount: 59_800 },
      { kind: 'extra', name: 'Breakfast', amount: 11_250 },
      { kind: 'extra', name: 'Airport pickup', amount: 4_500 },
      { kind: 'room', name: 'Garden Twin · Advance Saver', amount: 38_997 },
      { kind: 'fee', name: 'Cleaning', amount: 6_000 },
      { kind: 'tax', name: 'City tax', amount: 2_400 },
      { kind: 'tax', name: 'VAT', amount: 8_980, included: true },
    ],
    total: base.total + 8_400,
    balanceDue: base.balanceDue + 8_400,
  });
}

const lines = (text: string) => text.split('\n');

describe('fees and taxes in the e-mails', () => {
  it('lists each fee and tax under the rooms, marks the inclusive one, and keeps room totals without them', () => {
    const mail = guestConfirmation(taxedBooking('en'), usdProperty());
    const text = lines(mail.text);
    expect(text).toEqual(expect.arrayContaining(['  Room total: $755.50', '  Room total: $389.97', 'Total: $1,229.47']));
    const from = text.indexOf('Taxes and fees');
    expect(text.slice(from, from + 4)).toEqual(['Taxes and fees', '  Cleaning: $60.00', '  City tax: $24.00', '  VAT (incl.): $89.80']);
    expect(from).toBeGreaterThan(text.indexOf('  Room total: $389.97'));
    expect(from).toBeLessThan(text.indexOf('Total: $1,229.47'));
    expect(mail.html).toContain('VAT (incl.)');
  });

  it('says "included" in Korean and Indonesian, and tells the owner the same lines', () => {
    expect(lines(guestConfirmation(taxedBooking('ko'), usdProperty()).text)).toEqual(expect.arrayContaining(['세금 및 수수료', '  VAT (포함): US$89.80']));
    expect(lines(guestConfirmation(taxedBooking('id'), usdProperty()).text)).toEqual(expect.arrayContaining(['Pajak dan biaya', '  VAT (termasuk): US$89,80']));
    expect(lines(ownerNotification(taxedBooking('en'), usdProperty()).text)).toEqual(expect.arrayContaining(['  Cleaning: $60.00', '  City tax: $24.00', '  VAT (incl.): $89.80']));
  });

  it('adds nothing for a booking without fees or taxes', () => {
    expect(guestConfirmation(usdBooking('en'), usdProperty()).text).not.toContain('Taxes and fees');
  });
});
