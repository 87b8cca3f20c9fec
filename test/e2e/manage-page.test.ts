// SPEC 2.16 end to end: a guest books and pays through Stripe (the stand-in), opens the link in the
// confirmation e-mail the real server wrote to its outbox, cancels on the manage page in Chromium,
// and gets back what the rate's policy gives, through a Stripe refund made at the click.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, test } from 'vitest';
import { addDays, todayIn } from '../../shared/dates.ts';
import type { PaymentIntent } from '../stripe-stand-in/server.ts';
import { api, createProperty, screenshot, seriousViolations, useServerAndBrowser, WIDTHS } from './browser.ts';

/** The guest's confirmation in the outbox (server/mail/transport.ts writes one .eml per message). */
async function confirmationMail(dataDir: string, to: string): Promise<string> {
  const outbox = join(dataDir, 'outbox');
  for (let waited = 0; waited < 15_000; waited += 50) {
    for (const file of readdirSyncSafe(outbox)) {
      const mail = await simpleParser(readFileSync(join(outbox, file)));
      if (mail.to && !Array.isArray(mail.to) && mail.to.text === to && /confirmed/.test(mail.subject ?? '')) return mail.text ?? '';
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no confirmation e-mail in the outbox');
}

const readdirSyncSafe = (dir: string) => {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
};

describe('a guest cancels from the link in their confirmation e-mail', () => {
  const e2e = useServerAndBrowser({ stripe: true });

  test('the manage page shows the booking and its refund, and cancelling makes exactly that refund', async () => {
    const property = await createProperty(e2e.server.url, {
      name: 'Harbour House',
      paymentMode: 'stripe',
      allowedOrigins: [],
      rooms: [{ name: 'Harbour Room', units: 2, rate: 'Harbour flexible', nightlyPrice: 20_000, deposit: { type: 'full' } }],
    });
    // Korean pensions' usual tiers: all back a week ahead, half from two days ahead, nothing after.
    const policy = await api(e2e.server.url, 'PATCH', `/api/v1/properties/${property.id}/rates/${property.rateIds[0]}`, property.key, {
      cancellationPolicy: {
        tiers: [
          { daysBefore: 7, refundPercent: 100 },
          { daysBefore: 2, refundPercent: 50 },
        ],
      },
    });
    expect(policy.status, JSON.stringify(policy.body)).toBe(200);
    // Four days ahead in the property's zone: the 50% tier holds.
    const checkIn = addDays(todayIn('Asia/Seoul', new Date()), 4);

    // The guest books and pays the whole stay, as the widget does: hold, Stripe, confirm.
    const guest = { firstName: 'Yuna', lastName: 'Park', email: 'yuna@example.com' };
    const created = await fetch(`${e2e.server.url}/api/v1/public/properties/${property.id}/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ checkIn, checkOut: addDays(checkIn, 2), rooms: [{ rateId: property.rateIds[0], adults: 2 }], guest, locale: 'en' }),
    });
    expect(created.status).toBe(201);
    const { booking, clientToken } = await created.json();
    const intent = e2e.stripe.list<PaymentIntent>('payment_intent').find((i) => i.metadata['bookingId'] === booking.id)!;
    await e2e.stripe.succeed(intent.id);
    const confirmed = await fetch(`${e2e.server.url}/api/v1/public/bookings/${booking.id}/confirm`, { method: 'POST', headers: { Authorization: `Bearer ${clientToken}` } });
    expect((await confirmed.json()).booking).toMatchObject({ status: 'confirmed', amountPaid: 40_000 });

    // SPEC 2.16: the e-mail links to /manage/:id with the token in the fragment only.
    const text = await confirmationMail(e2e.server.dataDir, guest.email);
    const link = /(http:\/\/\S+\/manage\/\S+)/.exec(text)?.[1];
    expect(link, text).toBeDefined();
    const url = new URL(link!);
    expect(url.origin).toBe(e2e.server.url);
    expect(url.pathname).toBe(`/manage/${booking.id}`);
    expect(url.hash).toBe(`#${clientToken}`);

    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const cspViolations: string[] = [];
    page.on('console', (message) => message.text().includes('Content Security Policy') && cspViolations.push(message.text()));
    const asked: string[] = [];
    page.on('request', (request) => asked.push(request.url()));
    await page.goto(link!);
    await page.getByRole('heading', { name: 'Your booking' }).waitFor();
    await page.getByText('Harbour House').waitFor();
    expect(await page.locator('db-manage [part="reference"]').textContent()).toBe(booking.reference);
    await page.getByText('If you cancel now, you get $200.00 back.').waitFor();
    // The token went to the API in a header, never in a URL a log or referrer could keep.
    expect(asked.filter((u) => u.includes(clientToken))).toEqual([]);

    const violations: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `manage-booking-${width}`);
      violations.push(...(await seriousViolations(page)).map((v) => `booking at ${width}px: ${v}`));
    }
    await page.setViewportSize({ width: 375, height: 900 });

    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByText('Cancel this booking?').waitFor();
    await screenshot(page, 'manage-confirm-375');
    violations.push(...(await seriousViolations(page)).map((v) => `confirm: ${v}`));

    const refundsBefore = e2e.stripe.list('refund').length;
    const clickedAt = performance.now();
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    while (e2e.stripe.list('refund').length === refundsBefore) {
      if (performance.now() - clickedAt > 15_000) throw new Error('no refund was created');
      await new Promise((resolve) => setImmediate(resolve));
    }
    const refundedAfter = performance.now() - clickedAt;
    await page.getByRole('heading', { name: 'This booking is cancelled.' }).waitFor();
    const shownAfter = performance.now() - clickedAt;
    console.log(`e2e timing: cancel click → Stripe refund created ${refundedAfter.toFixed(1)} ms; → page shows the booking cancelled ${shownAfter.toFixed(1)} ms`);
    await page.getByText('$200.00 is refunded to your card.').waitFor();
    expect(await page.getByRole('button', { name: 'Cancel booking' }).count()).toBe(0);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `manage-cancelled-${width}`);
      violations.push(...(await seriousViolations(page)).map((v) => `cancelled at ${width}px: ${v}`));
    }

    // The policy's half of what was paid, once, through Stripe; a second cancel is refused.
    const refunds = e2e.stripe.list('refund');
    expect(refunds.slice(refundsBefore)).toHaveLength(1);
    expect(refunds.at(-1)).toMatchObject({ amount: 20_000 });
    const after = await fetch(`${e2e.server.url}/api/v1/public/bookings/${booking.id}`, { headers: { Authorization: `Bearer ${clientToken}` } });
    expect((await after.json()).booking).toMatchObject({ status: 'cancelled', amountPaid: 40_000, amountRefunded: 20_000 });
    const again = await fetch(`${e2e.server.url}/api/v1/public/bookings/${booking.id}/cancel`, { method: 'POST', headers: { Authorization: `Bearer ${clientToken}` } });
    expect(again.status).toBe(409);
    expect(violations).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);

  test('a link with a wrong token shows only that the link is not valid', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/manage/bk_nosuchbooking#not-a-token`);
    await page.getByRole('heading', { name: 'This link isn’t valid' }).waitFor();
    await screenshot(page, 'manage-invalid-375');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
