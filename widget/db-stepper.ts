import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DbStepperChangeEvent } from './events.ts';
import { styles } from './db-stepper.styles.ts';
import { theme } from './theme.styles.ts';

const minus = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 8h10" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;
const plus = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 8h10M8 3v10" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;

/**
 * A − value + control for small whole numbers (guests, rooms, extras).
 *
 * @fires db-stepper-change - The guest changed the value; `value` is the new number.
 * @csspart stepper - The pill around the buttons and the value.
 */
@defineElement('db-stepper')
export class DbStepper extends DbElement {
  static override styles = [theme, styles];

  /** What is being counted, for screen readers: "Adults". */
  @property() label = '';

  @property({ type: Number }) value = 0;

  @property({ type: Number }) min = 0;

  @property({ type: Number }) max = 9;

  override render() {
    const { i18n, label } = this;
    // aria-disabled keeps a focused button focusable at the limit, so focus never drops to <body>.
    return html`<div class="stepper" part="stepper" role="group" aria-label=${label}>
      <button type="button" aria-label=${i18n.t('decrease', { label })} aria-disabled=${this.value <= this.min} @click=${() => this.#step(-1)}>${minus}</button>
      <output aria-live="polite">${this.value}</output>
      <button type="button" aria-label=${i18n.t('increase', { label })} aria-disabled=${this.value >= this.max} @click=${() => this.#step(1)}>${plus}</button>
    </div>`;
  }

  #step(delta: number) {
    const next = Math.min(this.max, Math.max(this.min, this.value + delta));
    if (next === this.value) return;
    this.value = next;
    this.dispatchEvent(new DbStepperChangeEvent(next));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-stepper': DbStepper;
  }
}
