import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { todayIn } from '../../shared/dates.ts';
import { defineElement } from '../define.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { BASE, bookingPath } from './owner-routes.ts';
import { ownerStyles } from './owner.styles.ts';
import { taskError } from './task-error.ts';
import { styles } from './db-owner-calendars.styles.ts';

interface Conflict {
  date: string;
  summary: string;
  bookingId: string | null;
  calendar: string;
  roomType: string;
}

/**
 * SPEC 2.19, 2.23: for Today, the nights from today on where an imported calendar's event met a
 * sold-out room type, so the owner can move a guest before they arrive.
 */
@defineElement('db-owner-calendars-conflicts')
export class DbOwnerCalendarsConflicts extends LitElement {
  static override styles = [theme, ownerStyles, styles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;
  /** The property's time zone: conflicts before its today are history. */
  @property() timezone = 'UTC';

  #task = new Task(this, {
    // The API lists calendars per room type: one request each, which a guesthouse's few room types keep small.
    task: async ([api, timezone], { signal }): Promise<Conflict[]> => {
      const today = todayIn(timezone, new Date());
      const roomTypes = await api.roomTypes(signal);
      const perRoomType = await Promise.all(
        roomTypes.map(async (roomType) =>
          (await api.calendars(roomType.id, signal)).flatMap((calendar) =>
            calendar.conflicts.map((c) => ({ date: c.date, summary: c.summary, bookingId: c.bookingId, calendar: calendar.name, roomType: this.i18n.text(roomType.name) })),
          ),
        ),
      );
      return perRoomType
        .flat()
        .filter((c) => c.date >= today)
        .sort((a, b) => a.date.localeCompare(b.date));
    },
    args: () => [this.api, this.timezone] as const,
  });

  override render() {
    const t = this.i18n;
    return this.#task.render({
      pending: () => nothing,
      error: (error) => taskError(t, error, () => void this.#task.run()),
      complete: (conflicts) =>
        html`<section class="card" aria-labelledby="conflicts">
          <h2 id="conflicts">${t.t('calendarConflicts')} <span class="muted">(${conflicts.length})</span></h2>
          ${
            conflicts.length
              ? html`<ul class="rows">
                ${conflicts.map(
                  (c) =>
                    html`<li class="row">
                      <span
                        ><strong>${t.date(c.date, { weekday: 'short', day: 'numeric', month: 'short' })}</strong> · ${c.roomType}<br /><span class="muted"
                          >${c.calendar}: ${c.summary || t.t('untitledEvent')}</span
                        ></span
                      >
                      ${c.bookingId ? html`<a href=${bookingPath(c.bookingId)}>${t.t('conflictBooking')}</a>` : nothing}
                    </li>`,
                )}
              </ul>
              <p><a href="${BASE}/calendars">${t.t('openCalendars')}</a></p>`
              : html`<p class="muted">${t.t('noneToday')}</p>`
          }
        </section>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-calendars-conflicts': DbOwnerCalendarsConflicts;
  }
}
