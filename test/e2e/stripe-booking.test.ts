// SPEC 2.8 (stripe mode) and 4 end to end: a hotel's own site on another origin embeds the widget;
// the guest pays the deposit through a test double of Stripe.js that settles the intent in the
// Stripe stand-in, and the widget has the server confirm the booking.
import { describe, expect, test } from 'vitest';
import { createProperty, ratesShown, screenshot, seriousViolations, useServerAndBrowser, WIDTHS } from './browser.ts';

/**
 * Stands in for https://js.stripe.com: the Payment Element is a plain box, and confirming asks the
 * test (through `succeedIntent`) to settle the intent in the stand-in as a guest's card would.
 */
function stripeJsDouble() {
  const w = window as unknown as { Stripe: unknown; stripeDouble: object; succeedIntent(id: string): Promise<string> };
  w.Stripe = (publishableKey: string) => {
    let clientSecret = '';
    const confirm = async () => {
      const id = clientSecret.slice(0, clientSecret.indexOf('_secret_'));
      return { paymentIntent: { id, status: await w.succeedIntent(id) } };
    };
    return {
      elements(options: { clientSecret: string; locale: string }) {
        clientSecret = options.clientSecret;
        w.stripeDouble = { publishableKey, clientSecret, locale: options.locale };
        return {
          create: () => ({
            on: (event: string, callback: () => void) => event === 'ready' && setTimeout(callback),
            mount(target: HTMLElement) {
              target.innerHTML = '<p class="test-payment-element" style="margin:0;padding:14px;border:1px solid #d0d5dd;border-radius:10px">Test card •••• 4242</p>';
            },
          }),
        };
      },
      confirmPayment: confirm,
      confirmSetup: confirm,
    };
  };
}

describe('a guest pays the deposit through Stripe on the hotel’s own site', () => {
  const e2e = useServerAndBrowser({ stripe: true, hotelSite: true });

  test('the guest pays exactly the 30% deposit, sees the reference, and the booking is confirmed as paid', async () => {
    // The hotel's site is another origin than the server's, so the embed crosses origins.
    const property = await createProperty(e2e.server.url, {
      name: 'Harbour House',
      paymentMode: 'stripe',
      allowedOrigins: [e2e.hotel.url],
      rooms: [{ name: 'Harbour Room', units: 2, rate: 'Harbour flexible', nightlyPrice: 20_000, deposit: { type: 'percentage', percent: 30 } }],
    });
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const stripeJsRequests: string[] = [];
    page.on('request', (request) => request.url().includes('stripe.com') && stripeJsRequests.push(request.url()));
    await page.exposeFunction('succeedIntent', async (id: string) => (await e2e.stripe.succeed(id)).status);
    await page.addInitScript(stripeJsDouble);
    await page.addInitScript(() => {
      document.addEventListener('directbook:booked', (e) => ((window as unknown as { booked: unknown }).booked = (e as CustomEvent).detail));
    });

    await page.goto(`${e2e.hotel.url}/?property=${property.id}`);
    await ratesShown(page).waitFor();
    await page.getByRole('button', { name: 'Choose Harbour flexible' }).click();
    await page.locator('direct-book .footer').getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Review your stay' }).waitFor();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByLabel('First name').fill('Yuna');
    await page.getByLabel('Last name').fill('Park');
    await page.getByLabel('Email').fill('yuna@example.com');
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/properties/${property.id}/bookings`));
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    const { booking, clientToken } = await (await created).json();

    // SPEC 2.8: the Payment Element lives in the host's light DOM, slotted into the widget.
    await page.locator('direct-book > [slot="payment"] .test-payment-element').waitFor();
    await page.locator('direct-book .element-box.ready').waitFor();
    const intent = e2e.stripe.requests({ method: 'POST', path: '/v1/payment_intents' })[0]!;
    expect(intent.params).toMatchObject({ amount: '6000', currency: 'usd', setup_future_usage: 'off_session' });
    expect(await page.evaluate(() => (window as unknown as { stripeDouble: object }).stripeDouble)).toMatchObject({
      publishableKey: 'pk_test_directbook_e2e',
      locale: 'en',
    });
    const found: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page.locator('direct-book'), `stripe-payment-${width}`);
      found.push(...(await seriousViolations(page)).map((v) => `payment at ${width}px: ${v}`));
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Pay $60.00' }).click();
    await page.getByRole('heading', { name: 'You’re booked' }).waitFor();
    expect(await page.locator('direct-book [part="reference"]').textContent()).toBe(booking.reference);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page.locator('direct-book'), `stripe-confirmation-${width}`);
      found.push(...(await seriousViolations(page)).map((v) => `confirmation at ${width}px: ${v}`));
    }

    expect(await page.evaluate(() => (window as unknown as { booked: unknown }).booked)).toEqual({
      reference: booking.reference,
      total: 20_000,
      depositDue: 6_000,
      currency: 'USD',
    });
    const res = await fetch(`${e2e.server.url}/api/v1/public/bookings/${booking.id}`, { headers: { Authorization: `Bearer ${clientToken}` } });
    expect((await res.json()).booking).toMatchObject({ status: 'confirmed', amountPaid: 6_000 });
    // Stripe.js itself was never fetched: the widget used the page's window.Stripe (and never bundles it).
    expect(stripeJsRequests).toEqual([]);
    expect(found).toEqual([]);
    await context.close();
  }, 120_000);
});
