import { ContextProvider } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { balanceOutstanding } from '../shared/balance.ts';
import { asLocale } from '../shared/locale.ts';
import { fullName } from '../shared/person-name.ts';
import type { BalancePayment, Booking, GuestCancelled } from '../shared/schemas/stay.ts';
import { ApiError, isNetworkError } from './api.ts';
import { i18nContext } from './context.ts';
import { styles as confirmationStyles } from './db-confirmation.styles.ts';
import { styles } from './db-manage.styles.ts';
import { defineElement } from './define.ts';
import { errorState, errorStateStyles } from './error-state.ts';
import type { DbPaidEvent } from './later-events.ts';
import { I18n, loadCatalog } from './i18n.ts';
import { type GuestBookingView, ManageApi } from './manage/manage-api.ts';
import { SUMMARY_PARTS } from './parts.ts';
import { stepStyles } from './step.styles.ts';
import { theme } from './theme.styles.ts';
import './db-summary.ts';
import './manage/db-pay-balance.ts';

interface Loaded {
  api: ManageApi;
  propertyName: string;
  view: GuestBookingView;
}

/** Korean puts the family name first. */

/** A link without its token, or with another booking's, is simply not valid: the API answers 401 or 404 alike. */
const isInvalidLink = (error: unknown) => error instanceof ApiError && (error.status === 401 || error.status === 404);

/**
 * The guest's own page for one booking (SPEC 2.16), at /manage/:id#<clientToken>: the booking,
 * its price, its cancellation policy and what cancelling now would refund, a cancel button with a
 * confirm step, and in stripe mode the balance to pay. Built from the widget's own elements and
 * tokens, in the booking's language.
 *
 * @slot payment - Created by the element itself for Stripe's Payment Element, which cannot live in a shadow root.
 * @csspart reference - The booking reference.
 * @csspart summary - The price summary (forwarded from db-summary, as is `due-now`).
 * @csspart cancel-button - The button that starts (and confirms) a cancellation.
 */
@defineElement('db-manage')
export class DbManage extends LitElement {
  static override styles = [theme, stepStyles, errorStateStyles, confirmationStyles, styles];

  /** The booking's id, from the page's path. */
  @property() booking = '';

  /** The booking's clientToken; the e-mail's link carries it in the fragment, which no server or referrer sees. */
  @property({ attribute: false }) token = decodeURIComponent(location.hash.slice(1));

  /** The booking as last answered, with what cancelling would refund now. */
  @state() private view?: GuestBookingView;
  @state() private confirming = false;
  @state() private busy = false;
  @state() private cancelError = '';
  /** SPEC 2.16: what Stripe did not take back at the cancellation, and who gives it back. */
  @state() private refundPending: Pick<GuestCancelled, 'refundPending' | 'refundPendingBy'> = {};
  @state() private balanceError = '';
  @state() private balance?: BalancePayment;
  @state() private announcement = '';

  // Until the booking says its language, the guest's browser decides: that is all an invalid link can go by.
  #i18n = new ContextProvider(this, { context: i18nContext, initialValue: new I18n(asLocale(navigator.language) ?? 'en', 'USD') });
  #paymentMount?: HTMLElement;
  #focusAfterRender?: string;

  #task = new Task(this, {
    task: async ([id, token], { signal }): Promise<Loaded> => {
      const guess = this.#i18n.value.locale;
      if (!token) {
        await loadCatalog(guess);
        throw new ApiError(404, 'not_found', 'The link has no token');
      }
      const api = new ManageApi(id, token);
      const [view] = await Promise.all([api.booking(signal), loadCatalog(guess)]).catch(async (error: unknown) => {
        await loadCatalog(guess);
        throw error;
      });
      const { locale, currency, propertyId } = view.booking;
      const [property] = await Promise.all([api.property(propertyId, signal).catch(() => undefined), loadCatalog(locale)]);
      const i18n = new I18n(locale, currency);
      this.#i18n.setValue(i18n);
      document.documentElement.lang = locale;
      document.title = property ? i18n.t('manageTitle', { property: property.name }) : i18n.t('manageHeading');
      return { api, propertyName: property?.name ?? '', view };
    },
    args: () => [this.booking, this.token] as const,
    onComplete: (loaded) => (this.view = loaded.view),
  });

  get #t() {
    return this.#i18n.value;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#paymentMount?.remove();
  }

  protected override updated() {
    if (!this.#focusAfterRender) return;
    this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender)?.focus();
    this.#focusAfterRender = undefined;
  }

  override render() {
    return html`<div class="page" aria-busy=${this.#task.status === TaskStatus.PENDING}>
      ${this.#task.render({
        // A reload after a cancel keeps the booking on screen until the new answer is in.
        pending: () => (this.view && this.#task.value ? this.#renderBooking(this.#task.value) : this.#renderLoading()),
        complete: (loaded) => (this.view ? this.#renderBooking(loaded) : nothing),
        error: (error) => (isInvalidLink(error) ? this.#renderInvalid() : errorState(this.#t, error, () => void this.#task.run())),
      })}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  #renderLoading() {
    return html`<div class="loading">
      <span class="skeleton line wide"></span>
      <span class="skeleton block"></span>
      <span class="skeleton line"></span>
      <span class="visually-hidden">${this.#t.t('loading')}</span>
    </div>`;
  }

  #renderInvalid() {
    const i18n = this.#t;
    return html`<section class="invalid" aria-labelledby="invalid-heading">
      <h1 id="invalid-heading">${i18n.t('invalidLinkHeading')}</h1>
      <p class="muted">${i18n.t('invalidLinkText')}</p>
    </section>`;
  }

  #renderBooking({ propertyName }: Loaded) {
    const i18n = this.#t;
    const { booking } = this.view!;
    return html`<header class="header">
        ${propertyName ? html`<p class="property">${propertyName}</p>` : nothing}
        <h1 id="heading" tabindex="-1">${i18n.t('manageHeading')}</h1>
        <span class="status status-${booking.status}">${i18n.t(`status_${booking.status}`)}</span>
      </header>
      <div class="reference">
        <span>${i18n.t('reference')}</span>
        <strong part="reference">${booking.reference}</strong>
      </div>
      <dl class="dates">
        <div><dt>${i18n.t('checkIn')}</dt><dd>${i18n.longDate(booking.checkIn)}</dd></div>
        <div><dt>${i18n.t('checkOut')}</dt><dd>${i18n.longDate(booking.checkOut)}</dd></div>
        <div><dt>${i18n.t('guest')}</dt><dd>${fullName(booking.guest, i18n.locale)}</dd></div>
      </dl>
      <div class="columns">
        <div class="main">${this.#renderCancelled(booking)}${this.#renderBalance(booking)}${this.#renderPolicy()}</div>
        <aside><db-summary exportparts=${SUMMARY_PARTS} .data=${booking} payment-mode=${booking.paymentMode} ?paid=${booking.status !== 'pending'}></db-summary></aside>
      </div>`;
  }

  #renderCancelled(booking: Booking) {
    if (booking.status !== 'cancelled') return nothing;
    const i18n = this.#t;
    // A refund Stripe did not take at once is owed all the same: retried to the card, or made by the property.
    const { refundPending = 0, refundPendingBy } = this.refundPending;
    const toCard = booking.amountRefunded + (refundPendingBy === 'stripe' ? refundPending : 0);
    const byProperty = booking.refundOwed + (refundPendingBy === 'property' ? refundPending : 0);
    return html`<div class="banner cancelled" id="cancelled" tabindex="-1">
      <h2>${i18n.t('cancelledNotice')}</h2>
      ${toCard > 0 ? html`<p>${i18n.t('refundedToCard', { amount: i18n.money(toCard) })}</p>` : nothing}
      ${byProperty > 0 ? html`<p>${i18n.t('refundOwed', { amount: i18n.money(byProperty) })}</p>` : nothing}
    </div>`;
  }

  #renderBalance(booking: Booking) {
    const owed = balanceOutstanding(booking);
    if (booking.paymentMode !== 'stripe' || booking.status !== 'confirmed' || (owed === 0 && booking.amountPaid === 0)) return nothing;
    const i18n = this.#t;
    return html`<section class="card balance" aria-labelledby="balance-heading">
      <h2 id="balance-heading" tabindex="-1">${i18n.t('balanceHeading')}</h2>
      <dl class="amounts">
        <div><dt>${i18n.t('paidSoFar')}</dt><dd>${i18n.money(booking.amountPaid)}</dd></div>
        ${owed > 0 ? html`<div class="owed"><dt>${i18n.t('stillToPay')}</dt><dd>${i18n.money(owed)}</dd></div>` : nothing}
      </dl>
      ${
        owed === 0
          ? html`<p class="paid" id="paid" tabindex="-1">${i18n.t('balancePaid')}</p>`
          : this.balance
            ? html`<db-pay-balance .payment=${this.balance} .api=${this.#task.value?.api} .mount=${this.#paymentMount} @db-paid=${this.#onPaid}>
                <slot name="payment" slot="payment"></slot>
              </db-pay-balance>`
            : html`<button type="button" class="primary wide" id="pay-balance" aria-disabled=${this.busy} @click=${this.#startBalance}>${i18n.t('payBalance')}</button>`
      }
      <p class="error" role="alert">${this.balanceError}</p>
    </section>`;
  }

  #renderPolicy() {
    const i18n = this.#t;
    const { booking, cancellation } = this.view!;
    if (booking.status === 'cancelled') return nothing;
    const refund = cancellation.refundIfCancelledNow;
    return html`<section class="card policy" aria-labelledby="policy-heading">
      <h2 id="policy-heading">${i18n.t('policyHeading')}</h2>
      <p>${cancellation.summary}</p>
      ${
        cancellation.cancellable
          ? html`<p class="refund-now"><strong>${refund > 0 ? i18n.t('refundIfCancelledNow', { amount: i18n.money(refund) }) : i18n.t('noRefundIfCancelledNow')}</strong></p>
              ${this.confirming ? this.#renderConfirm() : html`<button type="button" class="secondary danger wide" id="cancel" part="cancel-button" @click=${this.#askToCancel}>${i18n.t('cancelBooking')}</button>`}`
          : html`<p class="muted">${i18n.t('notCancellable')}</p>`
      }
      <p class="error" role="alert">${this.cancelError}</p>
    </section>`;
  }

  #renderConfirm() {
    const i18n = this.#t;
    return html`<div class="confirm" role="group" aria-labelledby="confirm-question" @keydown=${this.#onConfirmKey}>
      <p id="confirm-question" tabindex="-1"><strong>${i18n.t('cancelQuestion')}</strong> ${i18n.t('cancelWarning')}</p>
      <div class="actions">
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${this.#keep}>${i18n.t('keepBooking')}</button>
        <button type="button" class="primary danger" part="cancel-button" aria-disabled=${this.busy} @click=${this.#cancel}>
          ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>${i18n.t('cancelling')}` : i18n.t('confirmCancel')}
        </button>
      </div>
    </div>`;
  }

  #askToCancel = () => {
    this.cancelError = '';
    this.confirming = true;
    this.#focusAfterRender = '#confirm-question';
  };

  #keep = () => {
    this.confirming = false;
    this.#focusAfterRender = '#cancel';
  };

  #onConfirmKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !this.busy) this.#keep();
  };

  #cancel = async () => {
    const api = this.#task.value?.api;
    if (!api || this.busy || !this.view) return;
    this.busy = true;
    this.cancelError = '';
    try {
      const { booking, refundPending, refundPendingBy } = await api.cancel(this.view.cancellation.refundIfCancelledNow);
      this.refundPending = { refundPending, refundPendingBy };
      this.#showCancelled(booking);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Cancelled meanwhile (another tab, the owner), or a policy boundary passed since the page
        // asked: show the booking as it is now, and ask again if it can still be cancelled.
        await this.#task.run();
        if (this.view.booking.status === 'cancelled') this.#showCancelled(this.view.booking);
        else if (error.code === 'refund_changed') this.#refundChanged();
        else this.cancelError = this.#t.t('cancelFailed');
      } else this.cancelError = this.#t.t(isNetworkError(error) ? 'errorNetwork' : 'cancelFailed');
    } finally {
      this.busy = false;
    }
  };

  #refundChanged() {
    const refund = this.view!.cancellation.refundIfCancelledNow;
    this.cancelError = this.#t.t('refundChanged', { amount: this.#t.money(refund) });
    this.#focusAfterRender = '#confirm-question';
  }

  #showCancelled(booking: Booking) {
    this.view = { booking, cancellation: { ...this.view!.cancellation, cancellable: false, refundIfCancelledNow: 0 } };
    this.confirming = false;
    this.balance = undefined;
    this.#removeMount();
    this.announcement = this.#t.t('cancelledNotice');
    this.#focusAfterRender = '#cancelled';
  }

  #startBalance = async () => {
    const api = this.#task.value?.api;
    if (!api || this.busy) return;
    this.busy = true;
    this.balanceError = '';
    try {
      const payment = await api.balance();
      // Stripe's Payment Element cannot mount inside a shadow root (SPEC 2.8): a light-DOM child, slotted through.
      this.#paymentMount ??= Object.assign(document.createElement('div'), { slot: 'payment' });
      this.append(this.#paymentMount);
      this.balance = payment;
      // The button that had the focus is gone: the section it was in keeps it.
      this.#focusAfterRender = '#balance-heading';
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) await this.#task.run();
      else this.balanceError = this.#t.t(isNetworkError(error) ? 'errorNetwork' : 'errorGeneric');
    } finally {
      this.busy = false;
    }
  };

  #onPaid = (event: DbPaidEvent) => {
    this.view = { ...this.view!, booking: event.value };
    this.balance = undefined;
    this.#removeMount();
    this.announcement = this.#t.t('balancePaid');
    this.#focusAfterRender = '#paid';
  };

  #removeMount() {
    this.#paymentMount?.remove();
    this.#paymentMount = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-manage': DbManage;
  }
}
