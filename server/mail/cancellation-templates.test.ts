// SPEC 2.16: the confirmation states each rate's cancellation policy as agreed; a manual-mode
// cancellation tells the guest the property will refund, and the owner what they owe.
import { describe, expect, it } from 'vitest';
import { krwBooking, krwProperty, usdBooking, usdProperty } from '../../test/support/mail-fixtures.ts';
import { guestCancellation, guestConfirmation, ownerCancellation } from './templates.ts';

const withPolicies = (booking: ReturnType<typeof usdBooking>) => ({
  ...booking,
  deposits: booking.deposits.map((d, i) => ({ ...d, cancellation: { tiers: [], summary: i === 0 ? 'Free cancellation until Fri 6 Mar' : 'Non-refundable' } })),
});

describe('cancellation policy in the e-mails', () => {
  it('states each rate’s policy in the confirmation, in text and HTML', () => {
    const mail = guestConfirmation(withPolicies(usdBooking('en')), usdProperty());
    expect(mail.text).toContain('Cancellation policy\n- Flexible: Free cancellation until Fri 6 Mar\n- Advance Saver: Non-refundable');
    expect(mail.html).toContain('<li>Advance Saver: Non-refundable</li>');
  });

  it('leaves the section out for bookings made before policies existed', () => {
    expect(guestConfirmation(usdBooking('en'), usdProperty()).text).not.toContain('Cancellation policy');
  });

  it('in manual mode tells the guest the property will refund, and the owner what to refund', () => {
    const booking = { ...krwBooking('en'), amountPaid: 50_000, refundOwed: 50_000 };
    expect(guestCancellation(booking, krwProperty(), 50_000).text).toContain('The property will refund ₩50,000 to you.');
    expect(ownerCancellation(booking, krwProperty(), { refunded: 50_000, pending: { amount: 0, byOwner: false } }).text).toContain('고객에게 직접 환불할 금액: 50,000원');
  });
});
