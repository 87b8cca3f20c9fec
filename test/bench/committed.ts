// What the database committed, read after the load: never trust the replies (SPEC 2.7).
import SQLite from 'better-sqlite3';
import pg from 'pg';

export interface Committed {
  /** Live bookings (pending within their hold, confirmed, completed) on the room type. */
  bookings: number;
  /** Rooms sold beyond the room type's units, summed over nights. */
  oversold: number;
  /** Nights whose inventory counter disagrees with the bookings' own nights. */
  counterMismatches: number;
}

const LIVE_NIGHTS = `select n.date as date, sum(n.rooms) as rooms from booking_nights n join bookings b on b.id = n.booking_id
  where n.room_type_id = $1 and (b.status in ('confirmed', 'completed') or (b.status = 'pending' and b.expires_at > $2)) group by n.date`;
const LIVE_BOOKINGS = `select count(distinct b.id) as n from bookings b join booking_nights n on n.booking_id = b.id
  where n.room_type_id = $1 and (b.status in ('confirmed', 'completed') or (b.status = 'pending' and b.expires_at > $2))`;
const INVENTORY = 'select date, sold from inventory where room_type_id = $1';

function tally(units: number, nights: { date: string; rooms: number | string }[], inventory: { date: string; sold: number | string }[], bookings: number | string): Committed {
  const sold = new Map(inventory.map((r) => [r.date, Number(r.sold)]));
  let oversold = 0;
  let counterMismatches = 0;
  for (const night of nights) {
    oversold += Math.max(0, Number(night.rooms) - units);
    if ((sold.get(night.date) ?? 0) !== Number(night.rooms)) counterMismatches++;
  }
  return { bookings: Number(bookings), oversold, counterMismatches };
}

export function committedSqlite(file: string, roomTypeId: string, units: number): Committed {
  const db = new SQLite(file, { readonly: true });
  try {
    const now = new Date().toISOString();
    const q = (text: string) => text.replaceAll(/\$\d/g, '?');
    const nights = db.prepare(q(LIVE_NIGHTS)).all(roomTypeId, now) as { date: string; rooms: number }[];
    const inventory = db.prepare(q(INVENTORY)).all(roomTypeId) as { date: string; sold: number }[];
    const { n } = db.prepare(q(LIVE_BOOKINGS)).get(roomTypeId, now) as { n: number };
    return tally(units, nights, inventory, n);
  } finally {
    db.close();
  }
}

export async function committedPostgres(url: string, roomTypeId: string, units: number): Promise<Committed> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const now = new Date().toISOString();
    const nights = (await client.query(LIVE_NIGHTS, [roomTypeId, now])).rows;
    const inventory = (await client.query(INVENTORY, [roomTypeId])).rows;
    const { n } = (await client.query(LIVE_BOOKINGS, [roomTypeId, now])).rows[0];
    return tally(units, nights, inventory, n);
  } finally {
    await client.end();
  }
}
