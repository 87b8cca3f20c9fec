// SPEC 2.19 end to end: the owner imports the Airbnb calendar of a one-room attic; a stay booked
// there takes the attic off the widget at once, in a real Chromium, and gives it back when it goes.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '../../shared/dates.ts';
import type { ServerProcess } from '../server-process.ts';
import { ensureBuilt } from '../support/build.ts';
import { createProperty, launchBrowser, ratesShown, startHotelSite, startTestServer } from './browser.ts';

const ics = (from: string, to: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Airbnb Inc//Hosting Calendar 0.8.8//EN',
    'BEGIN:VEVENT',
    'DTSTAMP:20261120T100000Z',
    `DTSTART;VALUE=DATE:${from.replaceAll('-', '')}`,
    `DTEND;VALUE=DATE:${to.replaceAll('-', '')}`,
    'UID:e2e-attic@airbnb.com',
    'SUMMARY:Reserved',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('a stay booked on another channel', () => {
  let server: ServerProcess;
  let browser: Browser;
  let hotel: Awaited<ReturnType<typeof startHotelSite>>;
  let feedServer: Server;
  let feed = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Airbnb Inc//Hosting Calendar 0.8.8//EN\r\nEND:VCALENDAR\r\n';

  beforeAll(async () => {
    ensureBuilt();
    feedServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end(feed));
    feedServer.listen(0, '127.0.0.1');
    [server, browser] = await Promise.all([startTestServer({ ALLOW_PRIVATE_URLS: 'true' }), launchBrowser(), once(feedServer, 'listening').then(() => undefined)]);
    hotel = await startHotelSite(server.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hotel?.close();
    await server?.stop();
    feedServer?.close();
  });

  /** Whether the widget offers a rate for its default stay: its "Choose …" button is there. */
  async function offers(page: Page, url: string, rate: string): Promise<boolean> {
    await page.goto(url);
    await ratesShown(page).waitFor();
    return (
      (await page
        .locator('direct-book')
        .getByRole('button', { name: `Choose ${rate}` })
        .count()) > 0
    );
  }

  test('its nights leave the widget as soon as the calendar is imported, and come back when the stay is gone', async () => {
    const property = await createProperty(server.url, {
      name: 'Little Inn',
      paymentMode: 'manual',
      allowedOrigins: [hotel.url],
      rooms: [
        { name: 'Attic Room', units: 1, rate: 'Attic', nightlyPrice: 15_000, deposit: { type: 'none' } },
        { name: 'Garden Room', units: 3, rate: 'Garden', nightlyPrice: 12_000, deposit: { type: 'none' } },
      ],
    });
    const owner = { authorization: `Bearer ${property.key}`, 'content-type': 'application/json' };
    const info = (await (await fetch(`${server.url}/api/v1/public/properties/${property.id}`, { headers: { origin: hotel.url } })).json()) as { today: string };
    const roomTypes = (await (await fetch(`${server.url}/api/v1/properties/${property.id}/room-types`, { headers: owner })).json()) as { roomTypes: { id: string; name: string }[] };
    const attic = roomTypes.roomTypes.find((r) => r.name === 'Attic Room')!;

    const page = await (await browser.newContext({ viewport: { width: 375, height: 900 } })).newPage();
    page.setDefaultTimeout(30_000);
    const url = `${hotel.url}/?property=${property.id}`;
    expect(await offers(page, url, 'Attic')).toBe(true);

    // The widget's default stay starts tomorrow; the Airbnb stay covers it and two nights more.
    feed = ics(addDays(info.today, 1), addDays(info.today, 4));
    const added = await fetch(`${server.url}/api/v1/properties/${property.id}/room-types/${attic.id}/calendars`, {
      method: 'POST',
      headers: owner,
      body: JSON.stringify({ name: 'Airbnb', url: `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/attic.ics` }),
    });
    expect(added.status, await added.clone().text()).toBe(201);
    const { calendar } = (await added.json()) as { calendar: { id: string; blocked: number } };
    expect(calendar.blocked).toBe(3);

    expect(await offers(page, url, 'Attic')).toBe(false);
    expect(await offers(page, url, 'Garden')).toBe(true);
    await page.locator('direct-book').getByText('Sold out').first().waitFor();

    // The Airbnb stay moved a month on: the next sync gives these nights back.
    feed = ics(addDays(info.today, 30), addDays(info.today, 31));
    const synced = await fetch(`${server.url}/api/v1/properties/${property.id}/room-types/${attic.id}/calendars/${calendar.id}/sync`, { method: 'POST', headers: owner });
    expect(synced.status).toBe(200);
    expect(await offers(page, url, 'Attic')).toBe(true);
  });
});
