import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DbGuestsChangeEvent, type DbStepperChangeEvent } from './events.ts';
import { styles } from './db-guests.styles.ts';
import { theme } from './theme.styles.ts';
import { MAX_GUESTS } from './party.ts';
import './db-stepper.ts';

/**
 * How many adults and children are coming.
 *
 * @fires db-guests-change - The guest changed a count; `value` is `{adults, children}`.
 */
@defineElement('db-guests')
export class DbGuests extends DbElement {
  static override styles = [theme, styles];

  @property({ type: Number }) adults = 2;

  /** Children in the party (`children` is taken by HTMLElement). */
  @property({ type: Number, attribute: 'children' }) childCount = 0;

  /** The most adults and children together that any room takes, so the steppers stop there. */
  @property({ type: Number }) max = MAX_GUESTS;

  override render() {
    const { i18n } = this;
    return html`<div class="row">
        <span class="label">${i18n.t('adults')}</span>
        <db-stepper label=${i18n.t('adults')} .value=${this.adults} min="1" .max=${this.max - this.childCount}
          @db-stepper-change=${(e: DbStepperChangeEvent) => this.#change(e.value, this.childCount)}></db-stepper>
      </div>
      <div class="row">
        <span class="label">${i18n.t('children')}<span class="hint">${i18n.t('childrenHint')}</span></span>
        <db-stepper label=${i18n.t('children')} .value=${this.childCount} min="0" .max=${this.max - this.adults}
          @db-stepper-change=${(e: DbStepperChangeEvent) => this.#change(this.adults, e.value)}></db-stepper>
      </div>`;
  }

  #change(adults: number, children: number) {
    this.adults = adults;
    this.childCount = children;
    this.dispatchEvent(new DbGuestsChangeEvent({ adults, children }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-guests': DbGuests;
  }
}
