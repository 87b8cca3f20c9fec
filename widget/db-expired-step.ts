import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DbContinueEvent } from './events.ts';
import { styles } from './db-expired-step.styles.ts';
import { theme } from './theme.styles.ts';

/**
 * What the guest sees when the hold ran out before they paid: nothing was charged, and their
 * choices are kept for another try.
 *
 * @fires db-continue - The guest wants to start again.
 * @csspart primary-button - Start again.
 */
@defineElement('db-expired-step')
export class DbExpiredStep extends DbElement {
  static override styles = [theme, styles];

  /** How long the property holds a room, in minutes. */
  @property({ type: Number, attribute: 'hold-minutes' }) holdMinutes = 0;

  override render() {
    return html`<p>${this.i18n.t('expiredText', { minutes: this.holdMinutes })}</p>
      <button type="button" class="primary" part="primary-button" @click=${() => this.dispatchEvent(new DbContinueEvent())}>${this.i18n.t('startAgain')}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-expired-step': DbExpiredStep;
  }
}
