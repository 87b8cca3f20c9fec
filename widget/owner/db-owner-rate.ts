import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MAX_CHILD_AGE } from '../../shared/schemas/occupancy.ts';
import { type DepositPolicy, type DepositType, type Rate, RATE_WITHOUT_LIMITS } from '../../shared/schemas/rate.ts';
import type { PriceAdjust } from '../../shared/schemas/rate-plan.ts';
import type { RoomType } from '../../shared/schemas/room-type.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import { DbNavigateEvent } from './owner-events.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { editStyles } from './owner-edit.styles.ts';
import { BASE, ratePath } from './owner-routes.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { taskError } from './task-error.ts';
import './db-owner-rate-prices.ts';

const DEPOSIT_TYPES: DepositType[] = ['none', 'full', 'first_night', 'fixed', 'percentage'];

/** The form keeps what the owner typed: numbers become numbers only when saving. */
interface Tier {
  daysBefore: string;
  refundPercent: string;
}
interface Band {
  maxAge: string;
  amount: string;
}
/** One room type the rate covers, with its nightly price unless the rate is derived. */
interface Covered {
  roomTypeId: string;
  price: string;
}
type AdjustKind = 'percent' | 'amount';
const ADJUST_KINDS: AdjustKind[] = ['percent', 'amount'];
/** The "derived from" choice for a rate with prices of its own. */
const OWN_PRICES = '';

/**
 * One rate's form (SPEC 2.4, 2.12, 2.15, 2.16, 2.21): name, the room types it covers with a
 * nightly price each, or the rate it derives its prices from; deposit, stay
 * limits, refund tiers, pay in full, occupancy prices; saved with POST or PATCH, deleted with DELETE;
 * below it, once the rate exists, its prices by date and weekday.
 *
 * @fires db-navigate - to the new rate's page once created, to the list once deleted
 */
@defineElement('db-owner-rate')
export class DbOwnerRate extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, editStyles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;
  /** The rate's id; undefined for a new rate. */
  @property() rateId?: string;
  /** The property's time zone: the prices table starts on its today. */
  @property() timezone = 'UTC';

  @state() private depositType: DepositType = 'none';
  @state() private refundable = true;
  @state() private tiers: Tier[] = [];
  @state() private bands: Band[] = [];
  @state() private covered: Covered[] = [];
  @state() private parentId = OWN_PRICES;
  @state() private adjustKind: AdjustKind = 'percent';
  @state() private adjustValue = '';
  @state() private warnings: string[] = [];
  @state() private confirmingDelete = false;

  #save = new SaveController(this);

  #task = new Task(this, {
    task: async ([api, id], { signal }) => {
      const [roomTypes, rates, rate] = await Promise.all([api.roomTypes(signal), api.rates(signal), id === undefined ? undefined : api.rate(id, signal)]);
      this.#fill(
        rate ?? { ...RATE_WITHOUT_LIMITS, deposit: { type: 'none' }, roomTypes: roomTypes.slice(0, 1).map((r) => ({ roomTypeId: r.id, nightlyPrice: 0 })), derivedFrom: null },
        rate === undefined,
      );
      // One level of derivation (SPEC 2.21): a parent has prices of its own and is not this rate.
      const parents = rates.filter((r) => !r.derivedFrom && r.id !== id);
      return { roomTypes, rate, parents };
    },
    args: () => [this.api, this.rateId] as const,
  });

  #fill(
    rate: Pick<Rate, 'deposit' | 'refundable' | 'cancellationPolicy' | 'childPrices' | 'roomTypes' | 'derivedFrom'> & Partial<Pick<Rate, 'roomTypeId' | 'nightlyPrice'>>,
    isNew: boolean,
  ) {
    const covered = rate.roomTypes ?? (rate.roomTypeId ? [{ roomTypeId: rate.roomTypeId, nightlyPrice: rate.nightlyPrice ?? 0 }] : []);
    this.covered = covered.map((entry) => ({ roomTypeId: entry.roomTypeId, price: isNew ? '' : this.i18n.toMajor(entry.nightlyPrice) }));
    this.parentId = rate.derivedFrom?.rateId ?? OWN_PRICES;
    const adjust = rate.derivedFrom?.adjust;
    this.adjustKind = adjust && 'amount' in adjust ? 'amount' : 'percent';
    this.adjustValue = adjust === undefined ? '' : 'amount' in adjust ? (adjust.amount < 0 ? '-' : '') + this.i18n.toMajor(Math.abs(adjust.amount)) : String(adjust.percent);
    this.depositType = rate.deposit.type;
    this.refundable = rate.refundable;
    this.tiers = rate.cancellationPolicy.tiers.map((tier) => ({ daysBefore: String(tier.daysBefore), refundPercent: String(tier.refundPercent) }));
    this.bands = rate.childPrices.map((band) => ({ maxAge: String(band.maxAge), amount: this.i18n.toMajor(band.amount) }));
    this.warnings = [];
    this.confirmingDelete = false;
  }

  /** The form as the API's body, or undefined after marking the amounts the console cannot read. */
  #body(form: HTMLFormElement, existing: Rate | undefined) {
    const t = this.i18n;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).checked;
    const wrong: Record<string, string> = {};
    const money = (path: string, text: string) => {
      const minor = t.toMinor(text);
      if (minor === undefined) wrong[path] = t.t('invalidAmount');
      return minor ?? 0;
    };
    // Empty optional fields: left out of a new rate, cleared (null) on an existing one.
    const optional = <T>(text: string, parse: (text: string) => T) => (text ? parse(text) : existing ? null : undefined);
    const deposit: DepositPolicy =
      this.depositType === 'fixed'
        ? { type: 'fixed', amount: money('deposit.amount', value('depositAmount')) }
        : this.depositType === 'percentage'
          ? { type: 'percentage', percent: Number(value('depositPercent')) }
          : { type: this.depositType };
    // A name or description written per language (SPEC 2.11) is shown in the console's language and kept unless changed.
    const unchanged = (text: string, stored: Rate['name'] | null | undefined) => existing !== undefined && text === (stored ? t.text(stored) : '');
    const derived = this.parentId !== OWN_PRICES;
    const body = {
      name: unchanged(value('name'), existing?.name) ? undefined : value('name'),
      description: unchanged(value('description'), existing?.description) ? undefined : optional(value('description'), String),
      // A derived rate sends no prices: they follow its parent's (SPEC 2.21).
      roomTypes: this.covered.map((entry, i) =>
        derived ? { roomTypeId: entry.roomTypeId } : { roomTypeId: entry.roomTypeId, nightlyPrice: money(`roomTypes.${i}.nightlyPrice`, entry.price) },
      ),
      derivedFrom: derived ? { rateId: this.parentId, adjust: this.#adjust(wrong) } : undefined,
      deposit,
      minNights: optional(value('minNights'), Number),
      maxNights: optional(value('maxNights'), Number),
      refundable: this.refundable,
      cancellationPolicy: { tiers: this.refundable ? this.tiers.map((tier) => ({ daysBefore: Number(tier.daysBefore), refundPercent: Number(tier.refundPercent) })) : [] },
      payInFullOption: checked('payInFullOption'),
      extraAdultPrice: value('extraAdultPrice') ? money('extraAdultPrice', value('extraAdultPrice')) : 0,
      childPrices: this.bands.map((band, i) => ({ maxAge: Number(band.maxAge), amount: money(`childPrices.${i}.amount`, band.amount) })),
    };
    if (Object.keys(wrong).length) return void this.#save.reject(wrong);
    return body;
  }

  /** The typed adjustment: a signed percent, or a signed amount in the currency's major unit. */
  #adjust(wrong: Record<string, string>): PriceAdjust {
    const t = this.i18n;
    const text = this.adjustValue.trim().replace('−', '-');
    if (this.adjustKind === 'percent') {
      const percent = Number(text);
      if (!text || !Number.isFinite(percent)) wrong['derivedFrom.adjust.percent'] = t.t('invalidPercent');
      return { percent };
    }
    const negative = text.startsWith('-');
    const minor = t.toMinor(negative ? text.slice(1) : text);
    if (minor === undefined) wrong['derivedFrom.adjust.amount'] = t.t('invalidAmount');
    return { amount: negative ? -(minor ?? 0) : (minor ?? 0) };
  }

  #shown() {
    return [
      'name',
      'roomTypeId',
      'description',
      'nightlyPrice',
      'roomTypes',
      ...this.covered.flatMap((_, i) => [`roomTypes.${i}.roomTypeId`, `roomTypes.${i}.nightlyPrice`]),
      'derivedFrom',
      'derivedFrom.rateId',
      'derivedFrom.adjust',
      'derivedFrom.adjust.percent',
      'derivedFrom.adjust.amount',
      'deposit',
      'minNights',
      'maxNights',
      'refundable',
      'cancellationPolicy',
      ...this.tiers.flatMap((_, i) => [`cancellationPolicy.tiers.${i}.daysBefore`, `cancellationPolicy.tiers.${i}.refundPercent`]),
      'payInFullOption',
      'extraAdultPrice',
      'childPrices',
      ...this.bands.flatMap((_, i) => [`childPrices.${i}.maxAge`, `childPrices.${i}.amount`]),
    ];
  }

  #submit(event: SubmitEvent, existing: Rate | undefined) {
    event.preventDefault();
    const body = this.#body(event.target as HTMLFormElement, existing);
    if (!body) return;
    void this.#save.run(async () => {
      if (existing) {
        const { rate, warnings } = await this.api.updateRate(existing.id, body);
        await this.#task.run();
        this.warnings = warnings;
        return this.i18n.t('rateSaved', { name: this.i18n.text(rate.name) });
      }
      const { rate, warnings } = await this.api.createRate({
        ...body,
        name: body.name ?? '',
        description: body.description ?? undefined,
        minNights: body.minNights ?? undefined,
        maxNights: body.maxNights ?? undefined,
      });
      this.warnings = warnings;
      this.dispatchEvent(new DbNavigateEvent(ratePath(rate.id)));
      return this.i18n.t('rateSaved', { name: this.i18n.text(rate.name) });
    }, this.#shown());
  }

  #delete(rate: Rate) {
    void this.#save.run(async () => {
      await this.api.deleteRate(rate.id);
      this.dispatchEvent(new DbNavigateEvent(`${BASE}/rates`));
      return this.i18n.t('rateDeleted', { name: this.i18n.text(rate.name) });
    });
  }

  override render() {
    const t = this.i18n;
    return html`<a class="back" href="${BASE}/rates">← ${t.t('allRates')}</a>
      ${this.#task.render({
        pending: () => html`<h1 tabindex="-1">${t.t(this.rateId ? 'editRate' : 'newRate')}</h1>
          <p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => html`<h1 tabindex="-1">${t.t('editRate')}</h1>
          ${taskError(t, error, () => void this.#task.run())}`,
        complete: ({ roomTypes, rate, parents }) => html`<h1 tabindex="-1">${rate ? t.text(rate.name) : t.t('newRate')}</h1>
          ${this.#renderForm(roomTypes, parents, rate)} ${rate && !rate.derivedFrom ? this.#renderPrices(rate, roomTypes) : nothing}`,
      })}`;
  }

  /** The prices by date: one table for a rate of one room type, one per room type of a plan, whose prices the API keeps apart. */
  #renderPrices(rate: Rate, roomTypes: RoomType[]) {
    const t = this.i18n;
    const plan = (rate.roomTypes?.length ?? 1) > 1 ? rate.roomTypes! : [undefined];
    return plan.map((entry) => {
      const roomType = entry && roomTypes.find((r) => r.id === entry.roomTypeId);
      return html`<db-owner-rate-prices
        .api=${this.api}
        .i18n=${t}
        .rate=${rate}
        .roomType=${entry ? { id: entry.roomTypeId, name: roomType ? t.text(roomType.name) : entry.roomTypeId } : undefined}
        .timezone=${this.timezone}
      ></db-owner-rate-prices>`;
    });
  }

  #renderForm(roomTypes: RoomType[], parents: Rate[], rate: Rate | undefined) {
    const t = this.i18n;
    const s = this.#save;
    const text = (name: string, path: string, label: string, value: string, extra: { required?: boolean; decimal?: boolean; hint?: string } = {}) =>
      html`<label class="field"
        >${label}${extra.hint ? html` <span class="hint muted">${extra.hint}</span>` : nothing}
        <input
          name=${name}
          .value=${value}
          ?required=${extra.required ?? false}
          inputmode=${extra.decimal ? 'decimal' : 'numeric'}
          autocomplete="off"
          aria-invalid=${s.invalid(path)}
          aria-describedby=${s.describedBy(path)}
        />${s.errorFor(path)}</label
      >`;
    const deposit = rate?.deposit;
    return html`<form class="card form" @submit=${(e: SubmitEvent) => this.#submit(e, rate)}>
      <label class="field"
        >${t.t('rateName')}<input name="name" required maxlength="200" autocomplete="off" .value=${rate ? t.text(rate.name) : ''} aria-invalid=${s.invalid('name')} aria-describedby=${s.describedBy('name')} />${s.errorFor(
          'name',
        )}</label
      >
      ${this.#renderDerivation(parents, rate)} ${this.#renderCovered(roomTypes)}
      <label class="field"
        >${t.t('rateDescription')}
        <textarea name="description" rows="2" maxlength="2000" .value=${rate?.description ? t.text(rate.description) : ''} aria-invalid=${s.invalid('description')} aria-describedby=${s.describedBy('description')}></textarea>
        ${s.errorFor('description')}</label
      >
      <div class="inline">
        <label class="field"
          >${t.t('depositPolicy')}
          <select name="depositType" @change=${(e: Event) => (this.depositType = (e.target as HTMLSelectElement).value as DepositType)} aria-invalid=${s.invalid('deposit')} aria-describedby=${s.describedBy('deposit')}>
            ${DEPOSIT_TYPES.map((type) => html`<option value=${type} ?selected=${type === this.depositType}>${t.t(`deposit_${type}`)}</option>`)}
          </select>
          ${s.errorFor('deposit')}</label
        >
        ${this.depositType === 'fixed' ? text('depositAmount', 'deposit.amount', t.t('depositAmount'), deposit?.type === 'fixed' ? t.toMajor(deposit.amount) : '', { required: true, decimal: true }) : nothing}
        ${
          this.depositType === 'percentage'
            ? text('depositPercent', 'deposit.percent', t.t('depositPercent'), deposit?.type === 'percentage' ? String(deposit.percent) : '', { required: true, decimal: true })
            : nothing
        }
      </div>
      <div class="inline">
        ${text('minNights', 'minNights', t.t('minNights'), rate?.minNights?.toString() ?? '', { hint: t.t('optional') })}
        ${text('maxNights', 'maxNights', t.t('maxNights'), rate?.maxNights?.toString() ?? '', { hint: t.t('optional') })}
      </div>
      ${this.#renderTiers()} ${this.#renderOccupancy(rate)}
      <label class="check"><input type="checkbox" name="payInFullOption" .checked=${rate?.payInFullOption ?? false} />${t.t('payInFullOption')}</label>
      ${this.warnings.map((warning) => html`<p class="banner notice">${warning}</p>`)} ${s.feedback(t)}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${s.busy}>${t.t(rate ? 'saveRate' : 'createRate')}</button>
        ${rate && !this.confirmingDelete ? html`<button type="button" class="secondary" @click=${() => (this.confirmingDelete = true)}>${t.t('deleteRate')}</button>` : nothing}
        ${
          rate && this.confirmingDelete
            ? html`<button type="button" class="secondary" ?disabled=${s.busy} @click=${() => this.#delete(rate)}>${t.t('confirmDeleteRate', { name: t.text(rate.name) })}</button>
              <button type="button" class="secondary" @click=${() => (this.confirmingDelete = false)}>${t.t('keep')}</button>`
            : nothing
        }
      </div>
    </form>`;
  }

  /**
   * Where the rate's prices come from: its own, or another rate's adjusted. A rate keeps being
   * derived or not once created (the API refuses the change), so an existing rate offers only its kind.
   */
  #renderDerivation(parents: Rate[], rate: Rate | undefined) {
    const t = this.i18n;
    const s = this.#save;
    if (rate && !rate.derivedFrom) return nothing;
    const percent = this.adjustKind === 'percent';
    const valuePath = `derivedFrom.adjust.${this.adjustKind}`;
    return html`<label class="field"
        >${t.t('derivedFrom')}
        <select name="derivedFrom" @change=${(e: Event) => (this.parentId = (e.target as HTMLSelectElement).value)} aria-invalid=${s.invalid('derivedFrom.rateId')} aria-describedby=${s.describedBy('derivedFrom.rateId')}>
          ${rate ? nothing : html`<option value=${OWN_PRICES} ?selected=${this.parentId === OWN_PRICES}>${t.t('ownPrices')}</option>`}
          ${parents.map((parent) => html`<option value=${parent.id} ?selected=${parent.id === this.parentId}>${t.text(parent.name)}</option>`)}
        </select>
        ${s.errorFor('derivedFrom.rateId')} ${s.errorFor('derivedFrom')}</label
      >
      ${
        this.parentId === OWN_PRICES
          ? nothing
          : html`<fieldset>
              <legend>${t.t('adjustBy')}</legend>
              <div class="choices">
                ${ADJUST_KINDS.map((kind) => html`<label><input type="radio" name="adjustKind" value=${kind} .checked=${this.adjustKind === kind} @change=${() => (this.adjustKind = kind)} />${t.t(`adjust_${kind}`)}</label>`)}
              </div>
              <label class="field"
                >${t.t('adjustValue')}
                <input
                  name="adjustValue"
                  required
                  inputmode=${percent ? 'decimal' : 'text'}
                  autocomplete="off"
                  .value=${this.adjustValue}
                  @input=${(e: Event) => (this.adjustValue = (e.target as HTMLInputElement).value)}
                  aria-invalid=${s.invalid(valuePath)}
                  aria-describedby=${s.describedBy(valuePath)}
                />${s.errorFor(valuePath)} ${s.errorFor('derivedFrom.adjust')}</label
              >
            </fieldset>`
      }`;
  }

  /** The room types the rate covers; each with its nightly price unless the prices follow a parent. */
  #renderCovered(roomTypes: RoomType[]) {
    const t = this.i18n;
    const s = this.#save;
    const priced = this.parentId === OWN_PRICES;
    const edit = (i: number, change: Partial<Covered>) => (this.covered = this.covered.map((entry, j) => (i === j ? { ...entry, ...change } : entry)));
    const unused = roomTypes.find((roomType) => !this.covered.some((entry) => entry.roomTypeId === roomType.id));
    return html`<fieldset aria-describedby=${s.describedBy('roomTypes')}>
      <legend>${t.t(priced ? 'rateRoomTypes' : 'derivedRoomTypes')}</legend>
      ${s.errorFor('roomTypes')} ${s.errorFor('roomTypeId')} ${s.errorFor('nightlyPrice')}
      ${this.covered.map((entry, i) => {
        const typePath = `roomTypes.${i}.roomTypeId`;
        const pricePath = `roomTypes.${i}.nightlyPrice`;
        return html`<div class="item">
          <label class="field"
            >${t.t('roomType')}
            <select name="roomTypeId" @change=${(e: Event) => edit(i, { roomTypeId: (e.target as HTMLSelectElement).value })} aria-invalid=${s.invalid(typePath)} aria-describedby=${s.describedBy(typePath)}>
              ${roomTypes.map((roomType) => html`<option value=${roomType.id} ?selected=${roomType.id === entry.roomTypeId}>${t.text(roomType.name)}</option>`)}
            </select>
            ${s.errorFor(typePath)}</label
          >
          ${
            priced
              ? html`<label class="field"
                  >${t.t('nightlyPrice')}<input
                    name="nightlyPrice"
                    required
                    inputmode="decimal"
                    autocomplete="off"
                    .value=${entry.price}
                    @input=${(e: Event) => edit(i, { price: (e.target as HTMLInputElement).value })}
                    aria-invalid=${s.invalid(pricePath)}
                    aria-describedby=${s.describedBy(pricePath)}
                  />${s.errorFor(pricePath)}</label
                >`
              : nothing
          }
          ${
            this.covered.length > 1
              ? html`<button type="button" class="secondary remove" @click=${() => (this.covered = this.covered.filter((_, j) => j !== i))}>
                  <span aria-hidden="true">×</span><span class="visually-hidden">${t.t('removeRoomType', { n: i + 1 })}</span>
                </button>`
              : nothing
          }
        </div>`;
      })}
      ${unused ? html`<button type="button" class="secondary" @click=${() => (this.covered = [...this.covered, { roomTypeId: unused.id, price: '' }])}>${t.t('addRoomType')}</button>` : nothing}
    </fieldset>`;
  }

  #renderTiers() {
    const t = this.i18n;
    const s = this.#save;
    const edit = (i: number, change: Partial<Tier>) => (this.tiers = this.tiers.map((tier, j) => (i === j ? { ...tier, ...change } : tier)));
    return html`<fieldset aria-describedby=${s.describedBy('cancellationPolicy')}>
      <legend>${t.t('cancellation')}</legend>
      <label class="check"
        ><input type="checkbox" .checked=${this.refundable} @change=${(e: Event) => (this.refundable = (e.target as HTMLInputElement).checked)} aria-invalid=${s.invalid('refundable')} aria-describedby=${s.describedBy('refundable')} />${t.t(
          'refundableLabel',
        )}</label
      >
      ${s.errorFor('refundable')} ${s.errorFor('cancellationPolicy')}
      ${
        this.refundable
          ? html`${this.tiers.map((tier, i) => {
              const days = `cancellationPolicy.tiers.${i}.daysBefore`;
              const percent = `cancellationPolicy.tiers.${i}.refundPercent`;
              return html`<div class="item">
                <label class="field"
                  >${t.t('tierDays')}<input inputmode="numeric" required .value=${tier.daysBefore} @input=${(e: Event) => edit(i, { daysBefore: (e.target as HTMLInputElement).value })} aria-invalid=${s.invalid(days)} aria-describedby=${s.describedBy(days)} />${s.errorFor(days)}</label
                >
                <label class="field"
                  >${t.t('tierPercent')}<input inputmode="numeric" required .value=${tier.refundPercent} @input=${(e: Event) => edit(i, { refundPercent: (e.target as HTMLInputElement).value })} aria-invalid=${s.invalid(percent)} aria-describedby=${s.describedBy(percent)} />${s.errorFor(
                    percent,
                  )}</label
                >
                <button type="button" class="secondary remove" @click=${() => (this.tiers = this.tiers.filter((_, j) => j !== i))}>
                  <span aria-hidden="true">×</span><span class="visually-hidden">${t.t('removeTier', { n: i + 1 })}</span>
                </button>
              </div>`;
            })}
            <button type="button" class="secondary" @click=${() => (this.tiers = [...this.tiers, { daysBefore: '', refundPercent: '100' }])}>${t.t('addTier')}</button>`
          : nothing
      }
    </fieldset>`;
  }

  #renderOccupancy(rate: Rate | undefined) {
    const t = this.i18n;
    const s = this.#save;
    const edit = (i: number, change: Partial<Band>) => (this.bands = this.bands.map((band, j) => (i === j ? { ...band, ...change } : band)));
    return html`<fieldset>
      <legend>${t.t('occupancyPrices')}</legend>
      <label class="field"
        >${t.t('extraAdultPrice')}
        <input name="extraAdultPrice" inputmode="decimal" autocomplete="off" .value=${rate ? t.toMajor(rate.extraAdultPrice) : ''} aria-invalid=${s.invalid('extraAdultPrice')} aria-describedby=${s.describedBy('extraAdultPrice')} />
        ${s.errorFor('extraAdultPrice')}</label
      >
      <p class="hint muted">${t.t('childPricesHint', { max: MAX_CHILD_AGE })}</p>
      ${s.errorFor('childPrices')}
      ${this.bands.map((band, i) => {
        const age = `childPrices.${i}.maxAge`;
        const amount = `childPrices.${i}.amount`;
        return html`<div class="item">
          <label class="field"
            >${t.t('bandMaxAge')}<input inputmode="numeric" required .value=${band.maxAge} @input=${(e: Event) => edit(i, { maxAge: (e.target as HTMLInputElement).value })} aria-invalid=${s.invalid(age)} aria-describedby=${s.describedBy(age)} />${s.errorFor(age)}</label
          >
          <label class="field"
            >${t.t('bandAmount')}<input inputmode="decimal" required .value=${band.amount} @input=${(e: Event) => edit(i, { amount: (e.target as HTMLInputElement).value })} aria-invalid=${s.invalid(amount)} aria-describedby=${s.describedBy(amount)} />${s.errorFor(amount)}</label
          >
          <button type="button" class="secondary remove" @click=${() => (this.bands = this.bands.filter((_, j) => j !== i))}>
            <span aria-hidden="true">×</span><span class="visually-hidden">${t.t('removeBand', { n: i + 1 })}</span>
          </button>
        </div>`;
      })}
      <button type="button" class="secondary" @click=${() => (this.bands = [...this.bands, { maxAge: '', amount: '0' }])}>${t.t('addBand')}</button>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-rate': DbOwnerRate;
  }
}
