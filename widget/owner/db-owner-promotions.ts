import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Discount, Promotion } from '../../shared/schemas/promotion.ts';
import type { Rate } from '../../shared/schemas/rate.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { editStyles } from './owner-edit.styles.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { taskError } from './task-error.ts';

const SHOWN = ['code', 'name', 'discount', 'rateIds', 'stayFrom', 'stayUntil', 'bookFrom', 'bookUntil', 'minNights', 'maxUses'];
const DATES = ['stayFrom', 'stayUntil', 'bookFrom', 'bookUntil'] as const;

/**
 * Promotion codes (SPEC 2.14): each with its discount, conditions and uses; create, edit, deactivate
 * or reactivate, delete. One form serves a new code and the code being edited.
 */
@defineElement('db-owner-promotions')
export class DbOwnerPromotions extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, editStyles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;

  /** The promotion in the form; undefined: a new one. */
  @state() private editing?: Promotion;
  @state() private discountType: Discount['type'] = 'percent';

  #save = new SaveController(this);

  #task = new Task(this, {
    task: ([api], { signal }) => Promise.all([api.promotions(signal), api.rates(signal)]),
    args: () => [this.api] as const,
  });

  #edit(promotion: Promotion | undefined) {
    this.editing = promotion;
    this.discountType = promotion?.discount.type ?? 'percent';
    this.#save.reject({});
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#promo-form input[name=code]')?.focus());
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const t = this.i18n;
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const editing = this.editing;
    let discount: Discount;
    if (this.discountType === 'amount') {
      const amount = t.toMinor(value('discountValue'));
      if (amount === undefined) return this.#save.reject({ discount: t.t('invalidAmount') });
      discount = { type: 'amount', amount };
    } else {
      discount = { type: 'percent', percent: Number(value('discountValue')) };
    }
    const rateIds = [...form.querySelectorAll<HTMLInputElement>('input[name=rate]:checked')].map((input) => input.value);
    const count = (name: string) => (value(name) ? Number(value(name)) : null);
    const body = {
      code: value('code'),
      name: value('name'),
      discount,
      // No rate ticked: the code covers every rate.
      rateIds: rateIds.length ? rateIds : null,
      ...Object.fromEntries(DATES.map((name) => [name, value(name) || null])),
      minNights: count('minNights'),
      maxUses: count('maxUses'),
    };
    void this.#save.run(async () => {
      const saved = editing ? await this.api.updatePromotion(editing.id, body) : await this.api.createPromotion(body);
      form.reset();
      this.editing = undefined;
      this.discountType = 'percent';
      await this.#task.run();
      return t.t('promotionSaved', { code: saved.code });
    }, SHOWN);
  }

  #act(promotion: Promotion, action: 'activate' | 'deactivate' | 'delete') {
    const t = this.i18n;
    void this.#save.run(async () => {
      if (action === 'delete') await this.api.deletePromotion(promotion.id);
      else await this.api.updatePromotion(promotion.id, { active: action === 'activate' });
      if (this.editing?.id === promotion.id) this.editing = undefined;
      await this.#task.run();
      return t.t(`promotion_${action}d`, { code: promotion.code });
    });
  }

  #discountWords(discount: Discount) {
    return discount.type === 'percent' ? this.i18n.t('percentOff', { percent: discount.percent }) : this.i18n.t('amountOff', { amount: this.i18n.money(discount.amount) });
  }

  #conditions(promotion: Promotion, rates: Rate[]) {
    const t = this.i18n;
    const day = (date: string) => t.date(date, { day: 'numeric', month: 'short', year: 'numeric' });
    const window = (from: string | null, until: string | null, key: 'stayWindow' | 'bookWindow') =>
      from || until ? t.t(key, { from: from ? day(from) : '…', until: until ? day(until) : '…' }) : undefined;
    return [
      promotion.rateIds
        ? promotion.rateIds
            .map((id) => {
              const found = rates.find((r) => r.id === id);
              return found ? t.text(found.name) : id;
            })
            .join(', ')
        : t.t('allRatesCovered'),
      window(promotion.stayFrom, promotion.stayUntil, 'stayWindow'),
      window(promotion.bookFrom, promotion.bookUntil, 'bookWindow'),
      promotion.minNights ? t.t('minNightsWords', { count: promotion.minNights }) : undefined,
      promotion.maxUses ? t.t('usesOf', { uses: promotion.uses, max: promotion.maxUses }) : t.t('uses', { uses: promotion.uses }),
    ].filter(Boolean);
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('promotionsHeading')}</h1>
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: ([promotions, rates]) => html`<section class="card" aria-label=${t.t('promotionsHeading')}>
            ${
              promotions.length
                ? html`<ul class="rows">
                  ${promotions.map(
                    (promotion) =>
                      html`<li class="row">
                        <span
                          ><strong class="ref">${promotion.code}</strong> · ${promotion.name}<br />${this.#discountWords(promotion.discount)}<br /><span class="muted"
                            >${this.#conditions(promotion, rates).join(' · ')}</span
                          ></span
                        >
                        <span class="chip ${promotion.active ? 'active' : ''}">${t.t(promotion.active ? 'active' : 'inactive')}</span>
                        <div class="row-actions">
                          <button type="button" class="secondary" @click=${() => this.#edit(promotion)} aria-label=${t.t('editPromotion', { code: promotion.code })}>${t.t('edit')}</button>
                          <button type="button" class="secondary" ?disabled=${this.#save.busy} @click=${() => this.#act(promotion, promotion.active ? 'deactivate' : 'activate')}>
                            ${t.t(promotion.active ? 'deactivate' : 'activate')}<span class="visually-hidden"> ${promotion.code}</span>
                          </button>
                          <button type="button" class="secondary" ?disabled=${this.#save.busy} @click=${() => this.#act(promotion, 'delete')}>
                            ${t.t('delete')}<span class="visually-hidden"> ${promotion.code}</span>
                          </button>
                        </div>
                      </li>`,
                  )}
                </ul>`
                : html`<p class="muted">${t.t('noPromotions')}</p>`
            }
          </section>
          ${this.#renderForm(rates)}`,
      })}`;
  }

  #renderForm(rates: Rate[]) {
    const t = this.i18n;
    const s = this.#save;
    const p = this.editing;
    const input = (name: string, label: string, value: string, options: { type?: string; required?: boolean; mode?: string; hint?: boolean } = {}) =>
      html`<label class="field"
        >${label}${options.hint ? html` <span class="hint muted">${t.t('optional')}</span>` : nothing}
        <input
          name=${name}
          type=${options.type ?? 'text'}
          inputmode=${options.mode ?? nothing}
          ?required=${options.required ?? false}
          autocomplete="off"
          .value=${value}
          aria-invalid=${s.invalid(name)}
          aria-describedby=${s.describedBy(name)}
        />${s.errorFor(name)}</label
      >`;
    const discount = p?.discount;
    return html`<section class="card" aria-labelledby="promo-heading">
      <h2 id="promo-heading">${p ? t.t('editPromotion', { code: p.code }) : t.t('newPromotion')}</h2>
      <form id="promo-form" class="form" @submit=${this.#submit}>
        <div class="inline">${input('code', t.t('promoCode'), p?.code ?? '', { required: true })} ${input('name', t.t('promoName'), p?.name ?? '', { required: true })}</div>
        <fieldset aria-describedby=${s.describedBy('discount')}>
          <legend>${t.t('discount')}</legend>
          <div class="choices">
            ${(['percent', 'amount'] as const).map(
              (type) =>
                html`<label
                  ><input type="radio" name="discountType" value=${type} .checked=${this.discountType === type} @change=${() => (this.discountType = type)} />${t.t(`discount_${type}`)}</label
                >`,
            )}
          </div>
        </fieldset>
        <label class="field short"
          >${t.t(this.discountType === 'percent' ? 'discountPercent' : 'discountAmount')}
          <input
            name="discountValue"
            inputmode="decimal"
            required
            autocomplete="off"
            .value=${discount ? (discount.type === 'percent' ? String(discount.percent) : t.toMajor(discount.amount)) : ''}
            aria-invalid=${s.invalid('discount')}
            aria-describedby=${s.describedBy('discount')}
          />${s.errorFor('discount')}</label
        >
        <fieldset aria-describedby=${s.describedBy('rateIds')}>
          <legend>${t.t('promoRates')}</legend>
          <div class="choices">
            ${rates.map((rate) => html`<label><input type="checkbox" name="rate" value=${rate.id} .checked=${p?.rateIds?.includes(rate.id) ?? false} />${t.text(rate.name)}</label>`)}
          </div>
          ${s.errorFor('rateIds')}
        </fieldset>
        <div class="inline">${input('stayFrom', t.t('stayFrom'), p?.stayFrom ?? '', { type: 'date', hint: true })} ${input('stayUntil', t.t('stayUntil'), p?.stayUntil ?? '', { type: 'date', hint: true })}</div>
        <div class="inline">${input('bookFrom', t.t('bookFrom'), p?.bookFrom ?? '', { type: 'date', hint: true })} ${input('bookUntil', t.t('bookUntil'), p?.bookUntil ?? '', { type: 'date', hint: true })}</div>
        <div class="inline">
          ${input('minNights', t.t('minNights'), p?.minNights?.toString() ?? '', { mode: 'numeric', hint: true })}
          ${input('maxUses', t.t('maxUses'), p?.maxUses?.toString() ?? '', { mode: 'numeric', hint: true })}
        </div>
        ${s.feedback(t)}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${s.busy}>${t.t(p ? 'savePromotion' : 'createPromotion')}</button>
          ${p ? html`<button type="button" class="secondary" @click=${() => this.#edit(undefined)}>${t.t('cancelEdit')}</button>` : nothing}
        </div>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-promotions': DbOwnerPromotions;
  }
}
