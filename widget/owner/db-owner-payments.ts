import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays, todayIn } from '../../shared/dates.ts';
import { CARD_RETENTIONS, PAYMENT_MODES, type Property } from '../../shared/schemas/property.ts';
import { FEE_BASES, type Fee, type PriceDisplay, type Tax } from '../../shared/schemas/taxes.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { editStyles } from './owner-edit.styles.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { taskError } from './task-error.ts';

type TaxType = Tax['type'];
const TAX_TYPES: TaxType[] = ['percent', 'per_person_night', 'per_room_night', 'per_stay'];

/** A tax or fee as typed: the number stays text until saved. */
interface TaxDraft {
  name: string;
  type: TaxType;
  value: string;
  inclusive: boolean;
  appliesTo: 'room' | 'room_and_extras';
  childrenExempt: boolean;
  maxNights: string;
}
interface FeeDraft {
  name: string;
  amount: string;
  per: Fee['per'];
}

/**
 * Payments (SPEC 2.13, 2.17, 2.20, 2.23): the payment mode, taxes and fees and how prices are shown,
 * when the balance is collected, how long a manual-mode card is kept; and the settlement report as CSV.
 */
@defineElement('db-owner-payments')
export class DbOwnerPayments extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, editStyles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;

  @state() private taxes: TaxDraft[] = [];
  @state() private fees: FeeDraft[] = [];
  @state() private collectBalance = false;
  @state() private mode: Property['paymentMode'] = 'manual';

  #save = new SaveController(this);
  #report = new SaveController(this);

  #task = new Task(this, {
    task: async ([api], { signal }) => {
      const property = await api.property(signal);
      this.#fill(property);
      return property;
    },
    args: () => [this.api] as const,
  });

  #fill(property: Property) {
    const t = this.i18n;
    this.mode = property.paymentMode;
    this.collectBalance = property.balanceCollection !== null;
    this.taxes = property.taxes.map((tax) => ({
      name: tax.name,
      type: tax.type,
      value: tax.type === 'percent' ? String(tax.percent) : t.toMajor(tax.amount),
      inclusive: tax.type === 'percent' && (tax.inclusive ?? false),
      appliesTo: (tax.type === 'percent' && tax.appliesTo) || 'room',
      childrenExempt: tax.type === 'per_person_night' && (tax.childrenExempt ?? false),
      maxNights: tax.type === 'per_person_night' && tax.maxNights ? String(tax.maxNights) : '',
    }));
    this.fees = property.fees.map((fee) => ({ name: fee.name, amount: t.toMajor(fee.amount), per: fee.per }));
  }

  /** The drafts as the API's taxes and fees; amounts the console cannot read are marked instead. */
  #charges(): { taxes: Tax[]; fees: Fee[] } | undefined {
    const t = this.i18n;
    const wrong: Record<string, string> = {};
    const money = (path: string, text: string) => {
      const minor = t.toMinor(text);
      if (minor === undefined) wrong[path] = t.t('invalidAmount');
      return minor ?? 0;
    };
    const taxes = this.taxes.map((tax, i): Tax => {
      if (tax.type === 'percent') return { name: tax.name, type: 'percent', percent: Number(tax.value), inclusive: tax.inclusive, appliesTo: tax.appliesTo };
      const amount = money(`taxes.${i}.amount`, tax.value);
      if (tax.type === 'per_person_night')
        return { name: tax.name, type: tax.type, amount, childrenExempt: tax.childrenExempt, ...(tax.maxNights ? { maxNights: Number(tax.maxNights) } : {}) };
      return { name: tax.name, type: tax.type, amount };
    });
    const fees = this.fees.map((fee, i) => ({ name: fee.name, per: fee.per, amount: money(`fees.${i}.amount`, fee.amount) }));
    if (Object.keys(wrong).length) return void this.#save.reject(wrong);
    return { taxes, fees };
  }

  #shown() {
    return [
      'paymentMode',
      'priceDisplay',
      'balanceCollection',
      'cardRetention',
      'taxes',
      'fees',
      ...this.taxes.flatMap((_, i) => ['name', 'percent', 'amount', 'maxNights'].map((field) => `taxes.${i}.${field}`)),
      ...this.fees.flatMap((_, i) => ['name', 'amount', 'per'].map((field) => `fees.${i}.${field}`)),
    ];
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as RadioNodeList | HTMLInputElement).value;
    const charges = this.#charges();
    if (!charges) return;
    const t = this.i18n;
    void this.#save.run(async () => {
      const { cancelledPending } = await this.api.updateProperty({
        paymentMode: this.mode,
        ...charges,
        priceDisplay: value('priceDisplay') as PriceDisplay,
        balanceCollection: this.collectBalance ? { daysBeforeArrival: Number(value('daysBeforeArrival')) } : null,
        ...(this.mode === 'manual' ? { cardRetention: value('cardRetention') as Property['cardRetention'] } : {}),
      });
      await this.#task.run();
      return [t.t('paymentsSaved'), cancelledPending ? t.t('holdsCancelled', { count: cancelledPending }) : ''].filter(Boolean).join(' ');
    }, this.#shown());
  }

  #download(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as RadioNodeList | HTMLInputElement).value;
    const period = { from: value('from'), to: value('to'), by: value('by') as 'checkIn' | 'payment' };
    void this.#report.run(async () => {
      const blob = await this.api.settlementCsv(period);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `settlement-${period.from}-${period.to}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      return this.i18n.t('reportDownloaded');
    }, ['from', 'to', 'by']);
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('paymentsHeading')}</h1>
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: (property) => html`${this.#renderSettings(property)} ${this.#renderReport(property)}`,
      })}`;
  }

  #renderSettings(property: Property) {
    const t = this.i18n;
    const s = this.#save;
    return html`<form class="form" @submit=${this.#submit}>
      <section class="card form" aria-labelledby="mode-heading">
        <h2 id="mode-heading">${t.t('paymentMode')}</h2>
        <fieldset aria-describedby="mode-hint ${s.fields['paymentMode'] ? 'error-paymentMode' : ''}">
          <legend class="visually-hidden">${t.t('paymentMode')}</legend>
          <div class="choices">
            ${PAYMENT_MODES.map(
              (mode) => html`<label><input type="radio" name="paymentMode" value=${mode} .checked=${this.mode === mode} @change=${() => (this.mode = mode)} />${t.t(`mode_${mode}`)}</label>`,
            )}
          </div>
          <p id="mode-hint" class="hint muted">${t.t(this.mode === property.paymentMode ? `modeHint_${this.mode}` : 'modeChangeWarning')}</p>
          ${s.errorFor('paymentMode')}
        </fieldset>
        ${
          this.mode === 'manual'
            ? // Two long choices: radios wrap on a phone where a drop-down cuts them off.
              html`<fieldset aria-describedby=${s.describedBy('cardRetention')}>
                <legend>${t.t('cardRetention')}</legend>
                <div class="choices">
                  ${CARD_RETENTIONS.map(
                    (retention) =>
                      html`<label><input type="radio" name="cardRetention" value=${retention} .checked=${property.cardRetention === retention} aria-invalid=${s.invalid('cardRetention')} />${t.t(`retention_${retention}`)}</label>`,
                  )}
                </div>
                ${s.errorFor('cardRetention')}
              </fieldset>`
            : nothing
        }
        <label class="check"><input type="checkbox" .checked=${this.collectBalance} @change=${(e: Event) => (this.collectBalance = (e.target as HTMLInputElement).checked)} />${t.t('collectBalance')}</label>
        ${
          this.collectBalance
            ? html`<label class="field"
              >${t.t('daysBeforeArrival')}
              <input
                name="daysBeforeArrival"
                inputmode="numeric"
                required
                .value=${String(property.balanceCollection?.daysBeforeArrival ?? 7)}
                aria-invalid=${s.invalid('balanceCollection')}
                aria-describedby=${s.describedBy('balanceCollection')}
              />${s.errorFor('balanceCollection')}</label
            >`
            : html`<p class="hint muted">${t.t('balanceAtProperty')}</p>`
        }
      </section>
      ${this.#renderTaxes()} ${this.#renderFees()}
      <section class="card form" aria-labelledby="display-heading">
        <h2 id="display-heading">${t.t('priceDisplay')}</h2>
        <fieldset>
          <legend class="visually-hidden">${t.t('priceDisplay')}</legend>
          ${(['total', 'base'] as const).map(
            (display) =>
              html`<label class="check"><input type="radio" name="priceDisplay" value=${display} .checked=${property.priceDisplay === display} />${t.t(`display_${display}`)}</label>`,
          )}
        </fieldset>
      </section>
      ${s.feedback(t)}
      <div class="buttons"><button type="submit" class="primary" ?disabled=${s.busy}>${t.t('savePayments')}</button></div>
    </form>`;
  }

  #renderTaxes() {
    const t = this.i18n;
    const s = this.#save;
    const edit = (i: number, change: Partial<TaxDraft>) => (this.taxes = this.taxes.map((tax, j) => (i === j ? { ...tax, ...change } : tax)));
    const input = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<section class="card" aria-labelledby="taxes-heading">
      <h2 id="taxes-heading">${t.t('taxes')}</h2>
      ${s.errorFor('taxes')}
      ${this.taxes.map((tax, i) => {
        const valuePath = `taxes.${i}.${tax.type === 'percent' ? 'percent' : 'amount'}`;
        return html`<div class="item" role="group" aria-label=${t.t('taxN', { n: i + 1 })}>
          <label class="field"
            >${t.t('chargeName')}<input required .value=${tax.name} @input=${(e: Event) => edit(i, { name: input(e) })} aria-invalid=${s.invalid(`taxes.${i}.name`)} aria-describedby=${s.describedBy(`taxes.${i}.name`)} />${s.errorFor(
              `taxes.${i}.name`,
            )}</label
          >
          <label class="field"
            >${t.t('taxType')}
            <select @change=${(e: Event) => edit(i, { type: input(e) as TaxType })}>
              ${TAX_TYPES.map((type) => html`<option value=${type} ?selected=${tax.type === type}>${t.t(`tax_${type}`)}</option>`)}
            </select></label
          >
          <label class="field"
            >${t.t(tax.type === 'percent' ? 'taxPercent' : 'chargeAmount')}<input
              inputmode="decimal"
              required
              .value=${tax.value}
              @input=${(e: Event) => edit(i, { value: input(e) })}
              aria-invalid=${s.invalid(valuePath)}
              aria-describedby=${s.describedBy(valuePath)}
            />${s.errorFor(valuePath)}</label
          >
          ${
            tax.type === 'percent'
              ? html`<label class="field"
                  >${t.t('appliesTo')}
                  <select @change=${(e: Event) => edit(i, { appliesTo: input(e) as TaxDraft['appliesTo'] })}>
                    ${(['room', 'room_and_extras'] as const).map((to) => html`<option value=${to} ?selected=${tax.appliesTo === to}>${t.t(`appliesTo_${to}`)}</option>`)}
                  </select></label
                >
                <label class="check"><input type="checkbox" .checked=${tax.inclusive} @change=${(e: Event) => edit(i, { inclusive: (e.target as HTMLInputElement).checked })} />${t.t('inclusive')}</label>`
              : nothing
          }
          ${
            tax.type === 'per_person_night'
              ? html`<label class="field"
                  >${t.t('taxMaxNights')} <span class="hint muted">${t.t('optional')}</span
                  ><input
                    inputmode="numeric"
                    .value=${tax.maxNights}
                    @input=${(e: Event) => edit(i, { maxNights: input(e) })}
                    aria-invalid=${s.invalid(`taxes.${i}.maxNights`)}
                    aria-describedby=${s.describedBy(`taxes.${i}.maxNights`)}
                  />${s.errorFor(`taxes.${i}.maxNights`)}</label
                >
                <label class="check"><input type="checkbox" .checked=${tax.childrenExempt} @change=${(e: Event) => edit(i, { childrenExempt: (e.target as HTMLInputElement).checked })} />${t.t('childrenExempt')}</label>`
              : nothing
          }
          <button type="button" class="secondary remove" @click=${() => (this.taxes = this.taxes.filter((_, j) => j !== i))}>
            <span aria-hidden="true">×</span><span class="visually-hidden">${t.t('removeCharge', { name: tax.name || t.t('taxN', { n: i + 1 }) })}</span>
          </button>
        </div>`;
      })}
      <button
        type="button"
        class="secondary"
        @click=${() => (this.taxes = [...this.taxes, { name: '', type: 'percent', value: '', inclusive: false, appliesTo: 'room', childrenExempt: false, maxNights: '' }])}
      >
        ${t.t('addTax')}
      </button>
    </section>`;
  }

  #renderFees() {
    const t = this.i18n;
    const s = this.#save;
    const edit = (i: number, change: Partial<FeeDraft>) => (this.fees = this.fees.map((fee, j) => (i === j ? { ...fee, ...change } : fee)));
    const input = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<section class="card" aria-labelledby="fees-heading">
      <h2 id="fees-heading">${t.t('fees')}</h2>
      ${s.errorFor('fees')}
      ${this.fees.map(
        (fee, i) =>
          html`<div class="item" role="group" aria-label=${t.t('feeN', { n: i + 1 })}>
            <label class="field"
              >${t.t('chargeName')}<input required .value=${fee.name} @input=${(e: Event) => edit(i, { name: input(e) })} aria-invalid=${s.invalid(`fees.${i}.name`)} aria-describedby=${s.describedBy(`fees.${i}.name`)} />${s.errorFor(
                `fees.${i}.name`,
              )}</label
            >
            <label class="field"
              >${t.t('chargeAmount')}<input
                inputmode="decimal"
                required
                .value=${fee.amount}
                @input=${(e: Event) => edit(i, { amount: input(e) })}
                aria-invalid=${s.invalid(`fees.${i}.amount`)}
                aria-describedby=${s.describedBy(`fees.${i}.amount`)}
              />${s.errorFor(`fees.${i}.amount`)}</label
            >
            <label class="field"
              >${t.t('extraPer')}
              <select @change=${(e: Event) => edit(i, { per: input(e) as Fee['per'] })}>
                ${FEE_BASES.map((per) => html`<option value=${per} ?selected=${fee.per === per}>${t.t(`per_${per}`)}</option>`)}
              </select></label
            >
            <button type="button" class="secondary remove" @click=${() => (this.fees = this.fees.filter((_, j) => j !== i))}>
              <span aria-hidden="true">×</span><span class="visually-hidden">${t.t('removeCharge', { name: fee.name || t.t('feeN', { n: i + 1 }) })}</span>
            </button>
          </div>`,
      )}
      <button type="button" class="secondary" @click=${() => (this.fees = [...this.fees, { name: '', amount: '', per: 'stay' }])}>${t.t('addFee')}</button>
    </section>`;
  }

  #renderReport(property: Property) {
    const t = this.i18n;
    const r = this.#report;
    const today = todayIn(property.timezone, new Date());
    return html`<section class="card form" aria-labelledby="report-heading">
      <h2 id="report-heading">${t.t('settlementHeading')}</h2>
      <p class="muted">${t.t('settlementHint')}</p>
      <form class="form" @submit=${this.#download}>
        <div class="inline">
          <label class="field">${t.t('from')}<input type="date" name="from" required .value=${addDays(today, -30)} aria-invalid=${r.invalid('from')} aria-describedby=${r.describedBy('from')} />${r.errorFor('from')}</label>
          <label class="field">${t.t('to')}<input type="date" name="to" required .value=${today} aria-invalid=${r.invalid('to')} aria-describedby=${r.describedBy('to')} />${r.errorFor('to')}</label>
          <label class="field"
            >${t.t('reportBy')}
            <select name="by">
              <option value="checkIn">${t.t('by_checkIn')}</option>
              <option value="payment">${t.t('by_payment')}</option>
            </select></label
          >
        </div>
        ${r.feedback(t)}
        <div class="buttons"><button type="submit" class="secondary" ?disabled=${r.busy}>${t.t('downloadSettlement')}</button></div>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-payments': DbOwnerPayments;
  }
}
