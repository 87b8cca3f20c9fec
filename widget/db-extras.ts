import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { maxQuantityOf, scalesWithStay } from '../shared/extra-quantity.ts';
import type { Extra } from '../shared/schemas/extra.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DbQuantityChangeEvent, type DbStepperChangeEvent } from './events.ts';
import { extraAmount, type StayParty } from './extra-amount.ts';
import { styles } from './db-extras.styles.ts';
import { theme } from './theme.styles.ts';
import './db-stepper.ts';

/**
 * The property's extras (breakfast, parking, transfers) with their price and how it is counted. One
 * priced per guest or per night is a yes/no for the whole party with what it comes to ("Breakfast,
 * 2 guests × 2 nights, $60.00"), as its price already counts them; one per stay has a counter up to
 * its `maxQuantity`.
 *
 * @fires db-quantity-change - The guest changed an extra; `value` is `{id, quantity}`.
 * @csspart extra - Each extra.
 */
@defineElement('db-extras')
export class DbExtras extends DbElement {
  static override styles = [theme, styles];

  @property({ attribute: false }) extras: readonly Extra[] = [];

  /** Quantity chosen per extra id. */
  @property({ attribute: false }) value: Record<string, number> = {};

  /** The guests and nights the extras are for; until the first quote, a yes/no extra shows its unit price only. */
  @property({ attribute: false }) party?: StayParty;

  override render() {
    const { i18n } = this;
    if (!this.extras.length) return nothing;
    return html`<h3>${i18n.t('extrasHeading')}</h3>
      <ul>
        ${this.extras.map((extra) => {
          const chosen = (this.value[extra.id] ?? 0) > 0;
          return html`<li class="extra ${chosen ? 'chosen' : ''}" part="extra">
            ${scalesWithStay(extra.per) ? this.#renderYesNo(extra, chosen) : this.#renderCounted(extra)}
          </li>`;
        })}
      </ul>`;
  }

  #text(extra: Extra, id?: string) {
    const { i18n } = this;
    return html`<p class="name" id=${id ?? nothing}>${extra.name}</p>
      ${extra.description ? html`<p class="description">${extra.description}</p>` : nothing}
      <p class="price">${i18n.money(extra.price)} <span>${i18n.t(`per_${extra.per}` as const)}</span></p>`;
  }

  #renderYesNo(extra: Extra, chosen: boolean) {
    const { i18n, party } = this;
    const id = `extra-${extra.id}`;
    return html`<label class="yes-no" for=${id}>
      <input type="checkbox" id=${id} .checked=${chosen} @change=${(e: Event) => this.#choose(extra, (e.target as HTMLInputElement).checked ? 1 : 0)} />
      <span class="text">
        ${this.#text(extra)}
        ${party ? html`<p class="amount"><span>${this.#counts(extra, party)}</span> <strong>${i18n.money(extraAmount(extra, party))}</strong></p>` : nothing}
      </span>
    </label>`;
  }

  #renderCounted(extra: Extra) {
    return html`<div class="text">${this.#text(extra)}</div>
      <db-stepper label=${extra.name} .value=${this.value[extra.id] ?? 0} min="0" max=${maxQuantityOf(extra)}
        @db-stepper-change=${(e: DbStepperChangeEvent) => this.#choose(extra, e.value)}></db-stepper>`;
  }

  /** "2 guests × 2 nights", "2인 × 2박": what the price is multiplied by. */
  #counts(extra: Extra, party: StayParty): string {
    const { i18n } = this;
    const guests = extra.per === 'guest' || extra.per === 'guest_night' ? [i18n.count('extraGuests', party.guests)] : [];
    const nights = extra.per === 'night' || extra.per === 'guest_night' ? [i18n.count('nights', party.nights)] : [];
    return [...guests, ...nights].join(' × ');
  }

  #choose(extra: Extra, quantity: number) {
    this.dispatchEvent(new DbQuantityChangeEvent({ id: extra.id, quantity }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-extras': DbExtras;
  }
}
