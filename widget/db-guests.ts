import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import type { DbStepperChangeEvent } from './events.ts';
import { DbGuestsChangeEvent } from './later-events.ts';
import { styles } from './db-guests.styles.ts';
import { theme } from './theme.styles.ts';
import { MAX_GUESTS } from './party.ts';
import './db-stepper.ts';

// SPEC 2.12: children are 0–17.
const AGES = Array.from({ length: 18 }, (_, age) => age);

/**
 * How many adults and children are coming and, where the property prices children by age, how old
 * each child is. A party with a child whose age is not chosen yet is not reported: the rates
 * depend on it.
 *
 * @fires db-guests-change - The guest changed the party; `value` is `{adults, children, childAges?}`.
 */
@defineElement('db-guests')
export class DbGuests extends DbElement {
  static override styles = [theme, styles];

  @property({ type: Number }) adults = 2;

  /** Children in the party (`children` is taken by HTMLElement). */
  @property({ type: Number, attribute: 'children' }) childCount = 0;

  /** The property asks each child's age (SPEC 2.12). */
  @property({ type: Boolean }) asks = false;

  /** The ages chosen so far, one per child. */
  @property({ attribute: false }) ages?: readonly number[];

  /** The most adults and children together that any room takes, so the steppers stop there. */
  @property({ type: Number }) max = MAX_GUESTS;

  /** One per child; undefined until the guest picks it. */
  @state() private draft: (number | undefined)[] = [];

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('ages')) this.draft = [...(this.ages ?? [])];
  }

  override render() {
    const { i18n } = this;
    const asking = this.asks && this.childCount > 0;
    return html`<div class="row">
        <span class="label">${i18n.t('adults')}</span>
        <db-stepper label=${i18n.t('adults')} .value=${this.adults} min="1" .max=${this.max - this.childCount}
          @db-stepper-change=${(e: DbStepperChangeEvent) => this.#change(e.value, this.childCount)}></db-stepper>
      </div>
      <div class="row">
        <span class="label">${i18n.t('children')}<span class="hint">${i18n.t('childrenHint')}</span></span>
        <db-stepper label=${i18n.t('children')} .value=${this.childCount} min="0" .max=${this.max - this.adults}
          @db-stepper-change=${(e: DbStepperChangeEvent) => this.#change(this.adults, e.value)}></db-stepper>
      </div>
      ${
        asking
          ? html`<div class="ages">
            ${this.draft.slice(0, this.childCount).map(
              (age, index) => html`<label class="age">
                <span>${i18n.t('childAge', { n: index + 1 })}</span>
                <select required aria-invalid=${age === undefined} @change=${(e: Event) => this.#setAge(index, Number((e.target as HTMLSelectElement).value))}>
                  <option value="" ?selected=${age === undefined} disabled>—</option>
                  ${AGES.map((a) => html`<option value=${a} ?selected=${a === age}>${a === 0 ? i18n.t('ageUnder1') : i18n.count('ageYears', a)}</option>`)}
                </select>
              </label>`,
            )}
            ${this.draft.slice(0, this.childCount).includes(undefined) ? html`<p class="hint" role="status">${i18n.t('childAgesHint')}</p>` : nothing}
          </div>`
          : nothing
      }`;
  }

  #change(adults: number, children: number) {
    this.adults = adults;
    this.childCount = children;
    this.draft = Array.from({ length: children }, (_, i) => this.draft[i]);
    this.#report();
  }

  #setAge(index: number, age: number) {
    this.draft = this.draft.map((a, i) => (i === index ? age : a));
    this.#report();
  }

  /** The party, once every age asked for is known. */
  #report() {
    const { adults, childCount: children, draft } = this;
    if (!this.asks || children === 0) {
      this.dispatchEvent(new DbGuestsChangeEvent({ adults, children }));
      return;
    }
    const childAges = draft.filter((age) => age !== undefined);
    if (childAges.length === children) this.dispatchEvent(new DbGuestsChangeEvent({ adults, children, childAges }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-guests': DbGuests;
  }
}
