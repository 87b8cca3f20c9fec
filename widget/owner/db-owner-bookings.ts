import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BOOKING_STATUSES, type BookingStatus } from '../../shared/schemas/stay.ts';
import { defineElement } from '../define.ts';
import { theme } from '../theme.styles.ts';
import { bookingRow } from './booking-row.ts';
import { bookingsCsv } from './bookings-csv.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { ownerStyles } from './owner.styles.ts';
import { taskError } from './task-error.ts';

/** The property's bookings (SPEC 2.23): search by reference, name or e-mail, a status filter, and the list as CSV. */
@defineElement('db-owner-bookings')
export class DbOwnerBookings extends LitElement {
  static override styles = [theme, ownerStyles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;

  @state() private q = '';
  @state() private status: BookingStatus | '' = '';

  #csvUrl = '';

  #task = new Task(this, {
    // The previous search is aborted when the owner types on.
    task: ([api, q, status], { signal }) => api.bookings({ q: q.trim(), status }, signal),
    args: () => [this.api, this.q, this.status] as const,
    onComplete: (bookings) => {
      if (this.#csvUrl) URL.revokeObjectURL(this.#csvUrl);
      this.#csvUrl = URL.createObjectURL(new Blob([bookingsCsv(bookings)], { type: 'text/csv;charset=utf-8' }));
    },
  });

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this.#csvUrl) URL.revokeObjectURL(this.#csvUrl);
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('bookingsHeading')}</h1>
      <div class="card">
        <form class="inline" role="search" @submit=${(e: Event) => e.preventDefault()}>
          <label class="field"
            >${t.t('search')}<input type="search" name="q" .value=${this.q} @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)}
          /></label>
          <label class="field"
            >${t.t('statusFilter')}
            <select name="status" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as BookingStatus | '')}>
              <option value="" ?selected=${!this.status}>${t.t('allStatuses')}</option>
              ${BOOKING_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t.t(`status_${s}`)}</option>`)}
            </select>
          </label>
        </form>
      </div>
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: (bookings) =>
          html`<section class="card" aria-label=${t.t('bookingsHeading')}>
            <p role="status" class="muted">${bookings.length ? t.t('bookingsFound', { count: bookings.length }) : t.t('noBookings')}</p>
            <ul class="rows">
              ${bookings.map((b) => bookingRow(b, t))}
            </ul>
            <p><a class="secondary" download="bookings.csv" href=${this.#csvUrl}>${t.t('downloadCsv')}</a></p>
          </section>`,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-bookings': DbOwnerBookings;
  }
}
