import { TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Extra } from '../shared/schemas/extra.ts';
import type { PublicProperty, Quote } from '../shared/schemas/stay.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { errorState, errorStateStyles } from './error-state.ts';
import { stayPartyOf } from './extra-amount.ts';
import { DbContinueEvent, DbRetryEvent } from './events.ts';
import { SUMMARY_PARTS } from './parts.ts';
import { DbPayNowChangeEvent, type PayNow, withPayNow } from './pay-now.ts';
import { styles } from './db-review-step.styles.ts';
import { stepStyles } from './step.styles.ts';
import { theme } from './theme.styles.ts';
import './db-extras.ts';
import './db-summary.ts';

/**
 * The review step: the property's extras, the price of the stay as the server quotes it and, where
 * the rates allow it, the choice to pay the deposit or the whole total now. Continue waits for the
 * quote of the latest choices.
 *
 * @fires db-quantity-change - From the extras; `value` is `{id, quantity}`.
 * @fires db-pay-now-change - The guest chose to pay the deposit or in full; `value` is `deposit` or `full`.
 * @fires db-retry - The guest asked for the quote again after it failed.
 * @fires db-continue - The guest is ready to give their details.
 * @csspart primary-button - Continue.
 * @csspart summary - The price summary (forwarded from db-summary, as are the two below).
 * @csspart due-now - The amount due now.
 * @csspart deposit-badge - Each deposit message; also `deposit-badge-{type}`.
 */
@defineElement('db-review-step')
export class DbReviewStep extends DbElement {
  static override styles = [theme, stepStyles, errorStateStyles, styles];

  /** The property's extras. */
  @property({ attribute: false }) extras: readonly Extra[] = [];

  /** Quantity chosen per extra id. */
  @property({ attribute: false }) chosen: Record<string, number> = {};

  /** The latest quote; while the next one is on its way it stays, dimmed. */
  @property({ attribute: false }) quote?: Quote;

  /** Where the quote request stands, as a `TaskStatus`. */
  @property({ attribute: false }) quoteStatus: TaskStatus = TaskStatus.INITIAL;

  /** Why the quote failed, if it did. */
  @property({ attribute: false }) quoteError?: unknown;

  /** In manual mode the property charges the deposit itself, and the summary says so. */
  @property({ attribute: 'payment-mode' }) paymentMode: PublicProperty['paymentMode'] = 'stripe';

  /** What the guest chose to pay now, where they may pay in full (SPEC 2.15); undefined where they may not. */
  @property({ attribute: false }) payNow?: PayNow;

  override render() {
    const { i18n, quoteStatus, quote } = this;
    const summary = html`<db-summary exportparts=${SUMMARY_PARTS} .data=${withPayNow(quote, this.payNow)} payment-mode=${this.paymentMode}
      ?loading=${quoteStatus === TaskStatus.PENDING}></db-summary>`;
    // With no extras to choose, the summary takes the main column and Continue stays beside it.
    const extras = this.extras.length > 0;
    return html`<div class="columns">
      <div class="main">
        <db-extras .extras=${this.extras} .value=${this.chosen} .party=${stayPartyOf(quote)}></db-extras>
        ${extras ? nothing : summary}
      </div>
      <aside>
        ${extras ? summary : nothing}
        ${this.payNow && quote && quote.depositDue < quote.total ? this.#renderPayNow(quote) : nothing}
        ${quoteStatus === TaskStatus.ERROR ? errorState(i18n, this.quoteError, () => this.dispatchEvent(new DbRetryEvent())) : nothing}
        <button type="button" class="primary wide" part="primary-button" ?disabled=${quoteStatus !== TaskStatus.COMPLETE}
          @click=${() => this.dispatchEvent(new DbContinueEvent())}>${i18n.t('continue')}</button>
      </aside>
    </div>`;
  }

  #renderPayNow(quote: Quote) {
    const { i18n } = this;
    const option = (value: PayNow, label: string) =>
      html`<label class="choice"><input type="radio" name="pay-now" .value=${value} .checked=${this.payNow === value}
        @change=${() => this.dispatchEvent(new DbPayNowChangeEvent(value))} />${label}</label>`;
    return html`<fieldset class="pay-now">
      <legend>${i18n.t('payChoice')}</legend>
      ${option('deposit', i18n.t('payDeposit', { amount: i18n.money(quote.depositDue) }))}
      ${option('full', i18n.t('payFull', { amount: i18n.money(quote.total) }))}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-review-step': DbReviewStep;
  }
}
