import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { RateOffer } from '../shared/schemas/stay.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { depositBadge, depositBadgeStyles } from './deposit-badge.ts';
import { DbQuantityChangeEvent, type DbStepperChangeEvent } from './events.ts';
import { styles } from './db-rate-card.styles.ts';
import { theme } from './theme.styles.ts';
import './db-stepper.ts';

// Below this many rooms left, the card says so (scarcity the guest should know about).
const FEW_LEFT = 3;

/**
 * One rate of a room type: its price for the stay (all-in, or the room's plus taxes and fees, as the
 * property chooses; SPEC 2.13), its deposit message, its cancellation policy in
 * the server's words (SPEC 2.16), what is left, and a control to choose how many rooms.
 *
 * @fires db-quantity-change - The guest chose a number of rooms; `value` is `{id, quantity}`.
 * @csspart rate-card - The card.
 * @csspart deposit-badge - The deposit message; also `deposit-badge-{type}`.
 * @csspart cancellation - The cancellation policy.
 * @csspart price - The stay's total.
 */
@defineElement('db-rate-card')
export class DbRateCard extends DbElement {
  static override styles = [theme, depositBadgeStyles, styles];

  /** The offer from the availability answer. */
  @property({ attribute: false }) rate?: RateOffer;
  /** What the quantity is of: the rate under its room type (booking-request.ts choiceKey). */
  @property({ attribute: false }) choice = '';

  /** Rooms of this rate the guest has chosen. */
  @property({ type: Number }) quantity = 0;

  /** The most rooms the guest may choose here (what is left, and one adult per room). */
  @property({ type: Number }) max = 0;

  /** The property shows the room price plus taxes and fees, rather than the all-in price (SPEC 2.13). */
  @property({ type: Boolean }) base = false;

  override render() {
    const { rate, i18n, base } = this;
    if (!rate) return nothing;
    // With a promotion, the price before it too (SPEC 2.14).
    const before = base ? rate.roomTotalBefore : rate.totalBefore;
    const nights = rate.nightly.length;
    const amounts = new Set(rate.nightly.map((n) => n.amount));
    const perNight =
      amounts.size === 1
        ? i18n.t('perNight', { amount: i18n.money(rate.nightly[0]!.amount) })
        : i18n.t('avgPerNight', { amount: i18n.money(Math.round(rate.roomTotal / Math.max(1, nights))) });
    const scarce = rate.available && rate.unitsLeft > 0 && rate.unitsLeft <= FEW_LEFT;
    return html`<article class="card ${rate.available ? '' : 'unavailable'} ${this.quantity ? 'chosen' : ''}" part="rate-card" aria-labelledby="name">
      <div class="info">
        <h4 id="name">${rate.name}</h4>
        ${rate.description ? html`<p class="description">${rate.description}</p>` : nothing}
        <div class="tags">
          ${depositBadge(rate.deposit.type, rate.deposit.message)}
          <span class="tag" part="cancellation">${rate.cancellation.summary}</span>
          ${scarce ? html`<span class="tag scarce">${i18n.count('onlyLeft', rate.unitsLeft)}</span>` : nothing}
        </div>
        ${
          nights > 1 && rate.available
            ? html`<details>
              <summary>${i18n.t('priceBreakdown')}</summary>
              <dl class="nightly">
                ${rate.nightly.map((n) => html`<div><dt>${i18n.date(n.date)}</dt><dd>${i18n.money(n.amount)}</dd></div>`)}
              </dl>
            </details>`
            : nothing
        }
      </div>
      <div class="buy">
        ${
          rate.available
            ? html`<p class="price" part="price">
                ${before ? html`<s><span class="visually-hidden">${i18n.t('was')}</span>${i18n.money(before)}</s> ` : nothing}${i18n.money(base ? rate.roomTotal : rate.total)}
              </p>
              <p class="per">${i18n.t(base ? 'totalPlusTaxes' : 'totalAllIn', { nights: i18n.count('nights', nights) })}</p>
              <p class="per">${perNight}</p>
              <div class="action">${this.#renderAction(rate)}</div>`
            : html`<p class="reason">${i18n.t(`reason_${rate.reason ?? 'sold_out'}` as const)}</p>`
        }
      </div>
    </article>`;
  }

  #renderAction(rate: RateOffer) {
    const { i18n } = this;
    if (this.quantity === 0) {
      return html`<button type="button" class="primary choose" aria-label=${i18n.t('chooseRate', { rate: rate.name })}
        ?disabled=${this.max < 1} @click=${() => this.#change(1)}>${i18n.t('choose')}</button>`;
    }
    return html`<db-stepper label=${i18n.t('roomsOf', { rate: rate.name })} .value=${this.quantity} min="0" .max=${this.max}
      @db-stepper-change=${(e: DbStepperChangeEvent) => this.#change(e.value)}></db-stepper>`;
  }

  async #change(quantity: number) {
    const choosing = this.quantity === 0;
    this.quantity = quantity;
    this.dispatchEvent(new DbQuantityChangeEvent({ id: this.choice, quantity }));
    // The Choose button turns into the stepper; keep keyboard focus on the control.
    if (choosing) {
      await this.updateComplete;
      this.renderRoot.querySelector('db-stepper')?.shadowRoot?.querySelector<HTMLElement>('button:last-of-type')?.focus();
    } else if (quantity === 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.choose')?.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-rate-card': DbRateCard;
  }
}
