// SPEC 2.19: calendars imported from other channels (Airbnb, Booking.com, VRBO) and the export feed.
import * as v from 'valibot';
import { NameSchema } from './common.ts';

export const CalendarCreateSchema = v.object({
  name: NameSchema,
  // The scheme and address rules of SPEC 2.18 need DNS, so the server checks them after this.
  url: v.pipe(v.string(), v.trim(), v.maxLength(2000, 'At most 2000 characters'), v.url('Expected a URL')),
});
export type CalendarCreate = v.InferOutput<typeof CalendarCreateSchema>;

export const CalendarConflictSchema = v.object({
  date: v.string(),
  uid: v.string(),
  summary: v.string(),
  bookingId: v.nullable(v.string()),
  foundAt: v.string(),
});

export const CalendarSchema = v.object({
  id: v.string(),
  roomTypeId: v.string(),
  name: v.string(),
  url: v.string(),
  createdAt: v.string(),
  lastSyncAt: v.nullable(v.string()),
  lastSuccessAt: v.nullable(v.string()),
  lastError: v.nullable(v.string()),
  nextSyncAt: v.string(),
  events: v.number(),
  blocked: v.number(),
  conflicts: v.array(CalendarConflictSchema),
});
export type CalendarView = v.InferOutput<typeof CalendarSchema>;

export const CalendarSyncSchema = v.object({
  events: v.number(),
  blocked: v.number(),
  released: v.number(),
  conflicts: v.number(),
});
export type CalendarSyncResult = v.InferOutput<typeof CalendarSyncSchema>;

export const IcalFeedSchema = v.object({ url: v.string() });
