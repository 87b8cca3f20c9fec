import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Line } from '../shared/schemas/promotion.ts';
import type { PublicProperty, Quote } from '../shared/schemas/stay.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { depositBadge, depositBadgeStyles } from './deposit-badge.ts';
import { styles } from './db-summary.styles.ts';
import { theme } from './theme.styles.ts';

/** What a quote and a booking have in common: everything the summary shows. Bookings made before lines existed have none. */
export type SummaryData = Pick<Quote, 'checkIn' | 'checkOut' | 'nights' | 'rooms' | 'deposits' | 'total' | 'depositDue' | 'balanceDue'> & { lines?: Quote['lines'] };

/**
 * The price of the stay: every line the guest pays for (rooms, extras, a discount, fees and taxes;
 * SPEC 2.13), total, what is due now, the balance, and the deposit message (SPEC 2.4) and
 * cancellation policy (SPEC 2.16) of every rate booked, in the server's words.
 *
 * @csspart summary - The box.
 * @csspart due-now - The amount due now, the figure that matters most.
 * @csspart deposit-badge - Each deposit message.
 * @csspart cancellation - Each rate's cancellation policy.
 */
@defineElement('db-summary')
export class DbSummary extends DbElement {
  static override styles = [theme, depositBadgeStyles, styles];

  @property({ attribute: false }) data?: SummaryData;

  /** In manual mode nothing is charged online: the property charges the deposit itself. */
  @property({ attribute: 'payment-mode' }) paymentMode: PublicProperty['paymentMode'] = 'stripe';

  /** After confirmation: what was due now has been paid. */
  @property({ type: Boolean }) paid = false;

  /** True while the numbers are being (re)calculated. */
  @property({ type: Boolean, reflect: true }) loading = false;

  override render() {
    const { data, i18n } = this;
    if (!data) return this.loading ? this.#renderSkeleton() : nothing;
    const manual = this.paymentMode === 'manual';
    return html`<section class="summary" part="summary" aria-labelledby="title" aria-busy=${this.loading}>
      <h3 id="title">${i18n.t('summary')}</h3>
      <p class="stay">${i18n.range(data.checkIn, data.checkOut)} · ${i18n.count('nights', data.nights)}${data.lines ? ` · ${this.#party(data)}` : ''}</p>
      <ul class="lines">
        ${data.lines ? data.lines.map((line) => this.#renderLine(line)) : this.#renderRooms(data)}
      </ul>
      <dl class="totals">
        <div class="total"><dt>${i18n.t('total')}</dt><dd>${i18n.money(data.total)}</dd></div>
        <div class="due" part="due-now">
          <dt>${i18n.t(data.depositDue === 0 ? 'dueNow' : manual ? 'toBeCharged' : this.paid ? 'paidNow' : 'dueNow')}</dt>
          <dd>${i18n.money(data.depositDue)}</dd>
        </div>
        ${data.balanceDue > 0 ? html`<div class="balance"><dt>${i18n.t('balance')}</dt><dd>${i18n.money(data.balanceDue)}</dd></div>` : nothing}
      </dl>
      <ul class="messages">
        ${data.deposits.map(
          (d) =>
            html`<li>
              ${data.deposits.length > 1 ? html`<span class="rate-name">${d.rateName}</span>` : nothing}${depositBadge(d.type, d.message)}
              ${d.cancellation ? html`<span class="cancellation" part="cancellation">${d.cancellation.summary}</span>` : nothing}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  /** Everyone the stay is for, over all its rooms. */
  #party(data: SummaryData): string {
    const sum = (count: (room: SummaryData['rooms'][number]) => number) => data.rooms.reduce((n, room) => n + count(room), 0);
    return this.i18n.party(
      sum((r) => r.adults),
      sum((r) => r.children),
    );
  }

  #renderLine(line: Line) {
    const { i18n } = this;
    // An inclusive tax is already in the prices: said, never added (SPEC 2.13).
    if (line.included) return html`<li class="included">${i18n.t('inclTax', { name: line.name, amount: i18n.money(line.amount) })}</li>`;
    const amount = line.amount < 0 ? `−${i18n.money(-line.amount)}` : i18n.money(line.amount);
    return html`<li class=${line.kind}><span>${line.name}</span><span class="amount">${amount}</span></li>`;
  }

  /** A booking from before lines: its rooms with their guests, and their extras. */
  #renderRooms(data: SummaryData) {
    const { i18n } = this;
    return data.rooms.map(
      (room) => html`<li>
          <span>${room.roomTypeName} · ${room.rateName}<small>${i18n.party(room.adults, room.children)}</small></span>
          <span class="amount">${i18n.money(room.roomTotal)}</span>
        </li>
        ${room.extras.map(
          (extra) => html`<li class="extra">
            <span>${extra.name}${extra.quantity > 1 ? ` × ${extra.quantity}` : ''}</span>
            <span class="amount">${i18n.money(extra.total)}</span>
          </li>`,
        )}`,
    );
  }

  #renderSkeleton() {
    return html`<section class="summary" aria-busy="true">
      <h3>${this.i18n.t('summary')}</h3>
      <span class="skeleton line wide"></span>
      <span class="skeleton line"></span>
      <span class="skeleton line"></span>
      <span class="skeleton line total-line"></span>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-summary': DbSummary;
  }
}
