import { TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Guest, PublicProperty, Quote } from '../shared/schemas/stay.ts';
import { ApiError, isNetworkError } from './api.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { SUMMARY_PARTS } from './parts.ts';
import { DbPromoChangeEvent } from './promo-events.ts';
import { stepStyles } from './step.styles.ts';
import { theme } from './theme.styles.ts';
import './db-guest-form.ts';
import './db-summary.ts';

/**
 * The details step: the guest's name and contact details beside the price of the stay, and
 * why the last attempt to book failed, next to the field to blame where there is one.
 *
 * @fires db-guest-input - From the form, on every keystroke; `value` is the whole draft.
 * @fires db-guest-submit - From the form, once the details are complete; `value` is the `Guest`.
 * @fires db-promo-change - The guest goes on without a code that no longer applies; `value` is ''.
 * @csspart summary - The price summary (forwarded from db-summary, as are the two below).
 * @csspart due-now - The amount due now.
 * @csspart deposit-badge - Each deposit message; also `deposit-badge-{type}`.
 */
@defineElement('db-details-step')
export class DbDetailsStep extends DbElement {
  static override styles = [theme, stepStyles];

  /** The details typed so far. */
  @property({ attribute: false }) guest: Partial<Guest> = {};

  /** True while the booking, and with it the hold, is being created. */
  @property({ type: Boolean }) busy = false;

  /** Why the last attempt to book failed, if it did. */
  @property({ attribute: false }) failure?: unknown;

  /** The quote of the guest's choices. */
  @property({ attribute: false }) quote?: Quote;

  /** Where the quote request stands, as a `TaskStatus`. */
  @property({ attribute: false }) quoteStatus: TaskStatus = TaskStatus.INITIAL;

  /** In manual mode the property charges the deposit itself, and the summary says so. */
  @property({ attribute: 'payment-mode' }) paymentMode: PublicProperty['paymentMode'] = 'stripe';

  override render() {
    const { failure, i18n } = this;
    const fields = fieldErrors(failure);
    // SPEC 2.14: the code was used up or ran out since the rates were shown (409 promo_not_applicable).
    const promoGone = failure instanceof ApiError && failure.code === 'promo_not_applicable';
    const general = failure !== undefined && !promoGone && !Object.keys(fields).length;
    return html`<div class="columns">
      <div class="main">
        ${general ? html`<p class="banner error" role="alert">${i18n.t(isNetworkError(failure) ? 'errorNetwork' : 'errorGeneric')}</p>` : nothing}
        ${
          promoGone
            ? html`<div class="banner notice" role="alert">
              <p>${i18n.t('promoNoLongerApplies', { code: this.quote?.promo?.code ?? '' })}</p>
              <button type="button" class="secondary" @click=${() => this.dispatchEvent(new DbPromoChangeEvent(''))}>${i18n.t('promoContinueWithout')}</button>
            </div>`
            : nothing
        }
        <db-guest-form .value=${this.guest} ?busy=${this.busy} .serverErrors=${fields}></db-guest-form>
      </div>
      <aside>
        <db-summary exportparts=${SUMMARY_PARTS} .data=${this.quote} payment-mode=${this.paymentMode} ?loading=${this.quoteStatus === TaskStatus.PENDING}></db-summary>
      </aside>
    </div>`;
  }
}

/** The server's objections to the guest's details, by field: a 400 names the path of each. */
function fieldErrors(failure: unknown): Partial<Record<keyof Guest, string>> {
  const fields: Partial<Record<keyof Guest, string>> = {};
  if (!(failure instanceof ApiError) || failure.status !== 400) return fields;
  for (const detail of failure.details) {
    const match = /guest[./](firstName|lastName|email|phone)$/.exec(detail.path);
    if (match) fields[match[1] as keyof Guest] = detail.message;
  }
  return fields;
}

declare global {
  interface HTMLElementTagNameMap {
    'db-details-step': DbDetailsStep;
  }
}
