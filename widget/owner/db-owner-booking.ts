import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cancellationSummary } from '../../shared/cancellation.ts';
import type { Rate } from '../../shared/schemas/rate.ts';
import { PAYMENT_METHODS, type RecordedPayment } from '../../shared/schemas/recorded-payment.ts';
import type { Booking, RefundChoice } from '../../shared/schemas/stay.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import { guestName } from './booking-row.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { BASE } from './owner-routes.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { styles } from './db-owner-booking.styles.ts';
import { taskError } from './task-error.ts';
import './db-owner-card-reveal.ts';
import './db-owner-resend-confirmation.ts';

interface Loaded {
  booking: Booking;
  payments: RecordedPayment[];
  rates: Rate[];
}

const REFUNDS = ['policy', 'full', 'none', 'amount'] as const;
type RefundKind = (typeof REFUNDS)[number];

/**
 * One booking (SPEC 2.23): its lines, money, payments and cancellation policy, and what the owner
 * can do with it: cancel with a refund of their choice, mark the deposit charged, record a payment.
 */
@defineElement('db-owner-booking')
export class DbOwnerBooking extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, styles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;
  /** The booking's id, from the path. */
  @property() bookingId = '';

  @state() private refund: RefundKind = 'policy';
  #save = new SaveController(this);

  #task = new Task(this, {
    task: async ([api, id], { signal }): Promise<Loaded> => {
      const [{ booking, payments }, rates] = await Promise.all([api.booking(id, signal), api.rates(signal)]);
      return { booking, payments: payments ?? [], rates };
    },
    args: () => [this.api, this.bookingId] as const,
  });

  /** One action, then the screen read again (SaveController.act). */
  #act = (action: () => Promise<string>) => this.#save.act(action, () => this.#task.run());

  #cancel(event: SubmitEvent, booking: Booking) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    let refund: RefundChoice = this.refund === 'amount' ? 'none' : this.refund;
    if (this.refund === 'amount') {
      const amount = this.i18n.toMinor((form.elements.namedItem('amount') as HTMLInputElement).value);
      if (amount === undefined) {
        this.#save.refuse(this.i18n.t('invalidAmount'));
        return;
      }
      refund = { amount };
    }
    void this.#act(async () => {
      const { refunded, refundPending, refundPendingBy } = await this.api.cancel(booking.id, refund);
      const done = this.i18n.t('cancelled', { amount: this.i18n.money(refunded) });
      if (!refundPending) return done;
      return `${done} ${this.i18n.t(refundPendingBy === 'property' ? 'refundYours' : 'refundRetrying', { amount: this.i18n.money(refundPending) })}`;
    });
  }

  #recordPayment(event: SubmitEvent, booking: Booking) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const amount = this.i18n.toMinor(value('amount'));
    if (amount === undefined) {
      this.#save.refuse(this.i18n.t('invalidAmount'));
      return;
    }
    const note = value('note').trim();
    void this.#act(async () => {
      await this.api.recordPayment(booking.id, { amount, method: value('method') as (typeof PAYMENT_METHODS)[number], ...(note ? { note } : {}) });
      form.reset();
      return this.i18n.t('paymentRecorded', { amount: this.i18n.money(amount) });
    });
  }

  override render() {
    const t = this.i18n;
    const loaded = this.#task.value;
    return html`<p><a class="back" href="${BASE}/bookings">← ${t.t('backToBookings')}</a></p>
      <h1 tabindex="-1">${loaded ? t.t('bookingHeading', { reference: loaded.booking.reference }) : t.t('loading')}</h1>
      ${this.#task.render({
        pending: () => (loaded ? this.#renderBooking(loaded) : html`<p class="muted" role="status">${t.t('loading')}</p>`),
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: (value) => this.#renderBooking(value),
      })}`;
  }

  #renderBooking({ booking, payments, rates }: Loaded) {
    const t = this.i18n;
    const policies = [...new Set(booking.rooms.map((room) => room.rateId))].flatMap((id) => {
      const rate = rates.find((r) => r.id === id);
      return rate ? [{ name: t.text(rate.name), summary: cancellationSummary(rate.cancellationPolicy, booking.checkIn, t.locale) }] : [];
    });
    const open = booking.status === 'pending' || booking.status === 'confirmed';
    return html`<div class="layout">
      <div>
        <section class="card" aria-labelledby="stay">
          <h2 id="stay"><span class="chip ${booking.status}">${t.t(`status_${booking.status}`)}</span></h2>
          <dl class="facts">
            <dt>${t.t('guest')}</dt>
            <dd>${guestName(booking, t.locale)} · <a href="mailto:${booking.guest.email}">${booking.guest.email}</a>${booking.guest.phone ? html` · ${booking.guest.phone}` : nothing}</dd>
            <dt>${t.t('stay')}</dt>
            <dd>${t.range(booking.checkIn, booking.checkOut)} · ${booking.rooms.map((r) => `${r.roomTypeName} (${r.rateName})`).join(', ')}</dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="lines">
          <h2 id="lines">${t.t('lines')}</h2>
          <dl class="money-list">
            ${(booking.lines ?? []).map((line) => html`<dt>${line.name}</dt><dd class="money">${t.money(line.amount)}</dd>`)}
            <dt class="strong">${t.t('total')}</dt><dd class="money strong">${t.money(booking.total)}</dd>
            <dt>${t.t('depositDue')}</dt><dd class="money">${t.money(booking.depositDue)}</dd>
            <dt>${t.t('paid')}</dt><dd class="money">${t.money(booking.amountPaid)}</dd>
            ${booking.amountRefunded ? html`<dt>${t.t('refunded')}</dt><dd class="money">${t.money(booking.amountRefunded)}</dd>` : nothing}
            <dt class="strong">${t.t('balanceDue')}</dt><dd class="money strong">${t.money(booking.balanceDue)}</dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="payments">
          <h2 id="payments">${t.t('payments')}</h2>
          ${
            payments.length
              ? html`<ul class="rows">
                ${payments.map(
                  (p) =>
                    html`<li class="row">
                      <span>${t.t(`method_${p.method}`)}${p.note ? html` · <span class="muted">${p.note}</span>` : nothing}</span>
                      <span class="money">${t.money(p.amount)}</span>
                    </li>`,
                )}
              </ul>`
              : html`<p class="muted">${t.t('noPayments')}</p>`
          }
        </section>
        <section class="card" aria-labelledby="policy">
          <h2 id="policy">${t.t('policy')}</h2>
          ${policies.map((p) => html`<p><strong>${p.name}</strong>: ${p.summary}</p>`)}
        </section>
      </div>
      <section class="card actions" aria-labelledby="actions">
        <h2 id="actions">${t.t('actions')}</h2>
        ${this.#save.feedback(t)}
        ${open ? this.#renderCancel(booking) : nothing}
        ${
          booking.status === 'confirmed' && booking.paymentMode === 'manual'
            ? html`<button type="button" class="secondary wide" ?disabled=${this.#save.busy} @click=${() => void this.#act(async () => (await this.api.depositCharged(booking.id), t.t('depositMarked')))}>
              ${t.t('markDepositCharged')}
            </button>`
            : nothing
        }
        ${booking.status === 'confirmed' ? html`<db-owner-resend-confirmation .api=${this.api} .i18n=${t} .booking=${booking}></db-owner-resend-confirmation>` : nothing}
        ${booking.paymentMode === 'manual' && booking.card ? html`<db-owner-card-reveal .api=${this.api} .i18n=${t} .booking=${booking}></db-owner-card-reveal>` : nothing}
        ${booking.status === 'confirmed' && booking.balanceDue > 0 ? this.#renderPayment(booking) : nothing}
      </section>
    </div>`;
  }

  #renderCancel(booking: Booking) {
    const t = this.i18n;
    return html`<form class="form" @submit=${(e: SubmitEvent) => this.#cancel(e, booking)}>
      <fieldset>
        <legend>${t.t('refundChoice')}</legend>
        <div class="choices">
          ${REFUNDS.map(
            (kind) =>
              html`<label
                ><input type="radio" name="refund" value=${kind} .checked=${this.refund === kind} @change=${() => (this.refund = kind)} />${t.t(`refund_${kind}`)}</label
              >`,
          )}
        </div>
      </fieldset>
      ${this.refund === 'amount' ? html`<label class="field">${t.t('refundAmount')}<input name="amount" inputmode="decimal" required autocomplete="off" /></label>` : nothing}
      <button type="submit" class="primary" ?disabled=${this.#save.busy}>${t.t('confirmCancel')}</button>
    </form>`;
  }

  #renderPayment(booking: Booking) {
    const t = this.i18n;
    return html`<form class="form" @submit=${(e: SubmitEvent) => this.#recordPayment(e, booking)}>
      <h3>${t.t('recordPayment')}</h3>
      <div class="inline">
        <label class="field">${t.t('paymentAmount')}<input name="amount" inputmode="decimal" required autocomplete="off" /></label>
        <label class="field"
          >${t.t('paymentMethod')}
          <select name="method">
            ${PAYMENT_METHODS.map((m) => html`<option value=${m}>${t.t(`method_${m}`)}</option>`)}
          </select>
        </label>
      </div>
      <label class="field">${t.t('paymentNote')}<input name="note" maxlength="500" autocomplete="off" /></label>
      <button type="submit" class="secondary" ?disabled=${this.#save.busy}>${t.t('recordPayment')}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-booking': DbOwnerBooking;
  }
}
