// SPEC 2.23: how the owner's booking list filters, in SQL so the list's limit applies after the filter.
import { type ExpressionBuilder, type Expression, type SqlBool, sql } from 'kysely';
import type { Booking } from '../../shared/schemas/stay.ts';
import type { Database } from './schema.ts';

type Where = (eb: ExpressionBuilder<Database, 'bookings'>) => Expression<SqlBool>;

/**
 * SPEC 2.7: a pending hold past its expiry is expired whether or not a write has marked it yet, so
 * `pending` leaves it out and `expired` takes it in.
 */
export function statusAsOf(status: Booking['status'], asOf: string | undefined): Where {
  return (eb) => {
    if (asOf === undefined) return eb('status', '=', status);
    if (status === 'pending') return eb.and([eb('status', '=', 'pending'), eb('expires_at', '>', asOf)]);
    if (status === 'expired') return eb.or([eb('status', '=', 'expired'), eb.and([eb('status', '=', 'pending'), eb('expires_at', '<=', asOf)])]);
    return eb('status', '=', status);
  };
}

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A guest phones with their reference (DB-GJPCYH1R, read out in any case, with or without DB-), or
 * gives a name (first, last or "first last", any part) or their e-mail.
 */
export function matchesSearch(q: string, dialect: 'sqlite' | 'postgres'): Where {
  const text = q.trim().replace(/\s+/g, ' ').toLowerCase();
  const reference = `DB-${text.toUpperCase().replace(/^DB-?/, '')}`;
  const field = (name: 'firstName' | 'lastName' | 'email') =>
    dialect === 'postgres' ? sql<string>`lower(cast(guest as json) ->> ${name})` : sql<string>`lower(json_extract(guest, ${`$.${name}`}))`;
  const pattern = `%${likeEscaped(text)}%`;
  const like = (value: Expression<string>) => sql<SqlBool>`${value} like ${pattern} escape '\\'`;
  return (eb) =>
    eb.or([
      eb('reference', '=', reference),
      like(field('firstName')),
      like(field('lastName')),
      like(sql<string>`${field('firstName')} || ' ' || ${field('lastName')}`),
      like(field('email')),
    ]);
}
