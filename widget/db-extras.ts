import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Extra } from '../shared/schemas/extra.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DbQuantityChangeEvent, type DbStepperChangeEvent } from './events.ts';
import { styles } from './db-extras.styles.ts';
import { theme } from './theme.styles.ts';
import './db-stepper.ts';

const MAX_QUANTITY = 10;

/**
 * The property's extras (breakfast, parking, transfers) with their price and how it is
 * counted, each with a quantity.
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

  override render() {
    const { i18n } = this;
    if (!this.extras.length) return nothing;
    return html`<h3>${i18n.t('extrasHeading')}</h3>
      <ul>
        ${this.extras.map(
          (extra) => html`<li class="extra ${this.value[extra.id] ? 'chosen' : ''}" part="extra">
            <div class="text">
              <p class="name">${extra.name}</p>
              ${extra.description ? html`<p class="description">${extra.description}</p>` : nothing}
              <p class="price">${i18n.money(extra.price)} <span>${i18n.t(`per_${extra.per}` as const)}</span></p>
            </div>
            <db-stepper label=${extra.name} .value=${this.value[extra.id] ?? 0} min="0" max=${MAX_QUANTITY}
              @db-stepper-change=${(e: DbStepperChangeEvent) => this.dispatchEvent(new DbQuantityChangeEvent({ id: extra.id, quantity: e.value }))}></db-stepper>
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-extras': DbExtras;
  }
}
