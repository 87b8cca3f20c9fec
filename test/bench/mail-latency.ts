// Issue 13: how long a guest waits at their inbox. The real server (no SMTP_URL, so the outbox in
// DATA_DIR is the mail server) confirms a manual-mode booking with a card; the clock runs from the
// confirming answer to the guest's confirmation file in the outbox.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../../shared/dates.ts';
import { api, GUEST, holdsHotel } from './fixtures.ts';
import { startDirectbook } from './processes.ts';
import { type Database, serverEnv } from './scenarios.ts';

export interface MailLatency {
  /** Median ms from the confirming answer to the guest's .eml in the outbox. */
  medianMs: number;
  worstMs: number;
  bookings: number;
}

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2030, holderName: 'Bench Mark' };

async function until(found: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!found()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

export async function mailLatency(db: Database, bookings = 5): Promise<MailLatency> {
  const { adminToken, env } = serverEnv(db);
  const server = await startDirectbook(env);
  const outbox = join(db.env.DATA_DIR!, 'outbox');
  try {
    const hotel = await holdsHotel(server.url, adminToken);
    const waits: number[] = [];
    for (let i = 0; i < bookings; i++) {
      const checkIn = hotel.nights[i]!;
      const held = await api(server.url, 'POST', `/api/v1/public/properties/${hotel.propertyId}/bookings`, {
        body: { checkIn, checkOut: addDays(checkIn, 1), rooms: [{ rateId: hotel.rateId, adults: 2 }], guest: GUEST },
      });
      await api(server.url, 'POST', `/api/v1/public/bookings/${held.booking.id}/card`, { key: held.clientToken, body: CARD });
      const confirmed = performance.now();
      // The guest's message is named by its Message-ID, <booking id>.confirmation@<mail domain>.
      const written = () => existsSync(outbox) && readdirSync(outbox).some((name) => name.startsWith(`${held.booking.id}.confirmation@`));
      // Past 20 s the 15-second poll has had its chance too: that is a failure, not a figure.
      if (!(await until(written, 20_000))) throw new Error(`mail bench: no confirmation of ${held.booking.id} in ${outbox} within 20 s`);
      waits.push(performance.now() - confirmed);
    }
    const sorted = [...waits].sort((a, b) => a - b);
    return { medianMs: sorted[Math.floor(sorted.length / 2)]!, worstMs: sorted.at(-1)!, bookings };
  } finally {
    await server.stop();
  }
}
