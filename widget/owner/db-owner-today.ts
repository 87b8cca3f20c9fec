import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { addDays, todayIn } from '../../shared/dates.ts';
import type { Booking } from '../../shared/schemas/stay.ts';
import { defineElement } from '../define.ts';
import { theme } from '../theme.styles.ts';
import { bookingRow } from './booking-row.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { ownerStyles } from './owner.styles.ts';
import { taskError } from './task-error.ts';
import './db-owner-calendars-conflicts.ts';

interface Day {
  today: string;
  arrivals: Booking[];
  departures: Booking[];
  pending: Booking[];
}

const LIVE = new Set(['confirmed', 'completed']);

/** Today at the property (SPEC 2.23): who arrives, who leaves, the holds still waiting for payment, and calendar conflicts. */
@defineElement('db-owner-today')
export class DbOwnerToday extends LitElement {
  static override styles = [theme, ownerStyles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;
  /** The property's time zone: its "today". */
  @property() timezone = 'UTC';

  #task = new Task(this, {
    task: async ([api, timezone], { signal }): Promise<Day> => {
      const today = todayIn(timezone, new Date());
      // Stays overlapping yesterday or today: every arrival and departure of today is among them.
      const [around, pending] = await Promise.all([api.bookings({ from: addDays(today, -1), to: today }, signal), api.bookings({ status: 'pending' }, signal)]);
      return {
        today,
        arrivals: around.filter((b) => b.checkIn === today && LIVE.has(b.status)),
        departures: around.filter((b) => b.checkOut === today && LIVE.has(b.status)),
        pending,
      };
    },
    args: () => [this.api, this.timezone] as const,
  });

  override render() {
    const t = this.i18n;
    const today = todayIn(this.timezone, new Date());
    return html`<h1 tabindex="-1">${t.t('todayHeading', { date: t.date(today, { weekday: 'long', day: 'numeric', month: 'long' }) })}</h1>
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: (day) => html`${this.#section('arrivals', t.t('arrivals'), day.arrivals)} ${this.#section('departures', t.t('departures'), day.departures)}
        ${this.#section('pending', t.t('pendingHolds'), day.pending, (b) =>
          t.t('holdUntil', { time: new Intl.DateTimeFormat(t.locale, { timeStyle: 'short' }).format(new Date(b.expiresAt)) }),
        )}`,
      })}
      <db-owner-calendars-conflicts .api=${this.api} .i18n=${t} .timezone=${this.timezone}></db-owner-calendars-conflicts>`;
  }

  #section(id: string, heading: string, bookings: Booking[], note?: (booking: Booking) => string) {
    const t = this.i18n;
    return html`<section class="card" aria-labelledby=${id}>
      <h2 id=${id}>${heading} <span class="muted">(${bookings.length})</span></h2>
      ${bookings.length ? html`<ul class="rows">${bookings.map((b) => bookingRow(b, t, note?.(b)))}</ul>` : html`<p class="muted">${t.t('noneToday')}</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-today': DbOwnerToday;
  }
}
