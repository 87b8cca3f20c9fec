import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Availability } from '../shared/schemas/stay.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DEPOSIT_PARTS } from './parts.ts';
import { DbDatesChangeEvent } from './events.ts';
import { choiceKey } from './booking-request.ts';
import { styles } from './db-rate-list.styles.ts';
import { theme } from './theme.styles.ts';
import './db-rate-card.ts';

type RoomType = Availability['roomTypes'][number];

const bed = html`<svg viewBox="0 0 48 48"><path d="M6 34V12M6 28h36v6M42 28v-6a5 5 0 0 0-5-5H22v11M14 22.5a3.5 3.5 0 1 0 0-.01" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

// Nobody books nine rooms through a small property's widget; the stepper stops there.
const MAX_ROOMS = 9;

/**
 * The rates for a stay, grouped by room type with photo and description. When nothing is
 * offered it says so and offers the next available stay as one click.
 *
 * @fires db-quantity-change - Rooms chosen on a rate, from its db-rate-card; `value` is `{id, quantity}`.
 * @fires db-dates-change - The guest took the next available stay; `value` is `{checkIn, checkOut}`.
 * @csspart room - Each room type.
 * @csspart rate-card - Each rate (forwarded from db-rate-card).
 * @csspart deposit-badge - Each deposit message (forwarded).
 */
@defineElement('db-rate-list')
export class DbRateList extends DbElement {
  static override styles = [theme, styles];

  @property({ attribute: false }) availability?: Availability;

  /** Rooms chosen per choiceKey. */
  @property({ attribute: false }) selection: Record<string, number> = {};

  /** Adults in the party: every room needs one. */
  @property({ type: Number }) adults = 2;

  /** The property shows room prices plus taxes and fees rather than the all-in price (SPEC 2.13). */
  @property({ type: Boolean }) base = false;

  /** True while a new answer is on its way: shows skeletons, or dims the old answer. */
  @property({ type: Boolean, reflect: true }) loading = false;

  override render() {
    const { availability } = this;
    if (!availability) return this.loading ? skeleton() : nothing;
    const offered = availability.roomTypes.some((t) => t.rates.some((r) => r.available));
    return html`<div class="list" aria-busy=${this.loading}>
      ${offered ? availability.roomTypes.map((t) => this.#renderRoomType(t)) : this.#renderEmpty(availability)}
    </div>`;
  }

  #renderRoomType(type: RoomType) {
    const { i18n } = this;
    const chosen = Object.entries(this.selection).reduce((n, [id, q]) => n + (this.#isOffered(id) ? q : 0), 0);
    const spare = Math.max(0, this.adults - chosen);
    return html`<section class="room" part="room" aria-labelledby="room-${type.id}">
      <div class="media ${type.images[0] ? '' : 'no-photo'}">
        ${type.images[0] ? html`<img src=${type.images[0]} alt="" loading="lazy" decoding="async" />` : html`<div class="placeholder" aria-hidden="true">${bed}</div>`}
      </div>
      <div class="body">
        <h3 id="room-${type.id}">${type.name}</h3>
        <p class="meta">${i18n.t('upToGuests', { count: type.maxGuests })}</p>
        ${type.description ? html`<p class="description">${type.description}</p>` : nothing}
        <div class="rates">
          ${type.rates.map((rate) => {
            const key = choiceKey(type, rate);
            const quantity = this.selection[key] ?? 0;
            const max = Math.min(rate.unitsLeft, quantity + spare, MAX_ROOMS);
            return html`<db-rate-card exportparts=${`rate-card, price, ${DEPOSIT_PARTS}`} .rate=${rate} .choice=${key} .quantity=${Math.min(quantity, rate.unitsLeft)} .max=${max} ?base=${this.base}></db-rate-card>`;
          })}
        </div>
      </div>
    </section>`;
  }

  #renderEmpty(availability: Availability) {
    const { i18n } = this;
    const next = availability.nextAvailable;
    return html`<div class="empty" role="status">
      <svg class="empty-icon" viewBox="0 0 24 24" aria-hidden="true"><rect x="3" y="5" width="18" height="16" rx="3" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M3 10h18M8 3v4M16 3v4" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>
      <p class="empty-title">${i18n.t('noAvailability')}</p>
      ${
        next
          ? html`<p class="muted">${i18n.t('nextAvailable', { dates: i18n.range(next.checkIn, next.checkOut) })}</p>
            <button type="button" class="primary" @click=${() => this.dispatchEvent(new DbDatesChangeEvent(next))}>
              ${i18n.t('showNextAvailable', { dates: i18n.range(next.checkIn, next.checkOut) })}
            </button>`
          : html`<p class="muted">${i18n.t('tryOtherDates')}</p>`
      }
    </div>`;
  }

  #isOffered(key: string): boolean {
    return !!this.availability?.roomTypes.some((t) => t.rates.some((r) => choiceKey(t, r) === key && r.available));
  }
}

/** Same shape and height as a room with two rates, so the answer does not push the page. */
function skeleton() {
  const rate = html`<div class="skeleton-rate">
    <div><span class="skeleton line half"></span><span class="skeleton line long"></span><span class="skeleton pill"></span></div>
    <div class="skeleton-buy"><span class="skeleton line amount"></span><span class="skeleton line short"></span><span class="skeleton button"></span></div>
  </div>`;
  const room = html`<div class="room" aria-hidden="true">
    <div class="media no-photo"><span class="skeleton fill"></span></div>
    <div class="body">
      <span class="skeleton line title"></span>
      <span class="skeleton line short"></span>
      <span class="skeleton line long"></span>
      ${rate}${rate}
    </div>
  </div>`;
  return html`<div class="list" aria-busy="true">${room}${room}</div>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'db-rate-list': DbRateList;
  }
}
