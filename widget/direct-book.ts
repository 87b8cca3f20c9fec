import { ContextProvider } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { adoptStyles, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Locale } from '../shared/locale.ts';
import type { PublicProperty } from '../shared/schemas/stay.ts';
import { track } from './track.ts';
import { Api, ApiError, type AvailabilityQuery, isNetworkError } from './api.ts';
import { offeredSelection } from './booking-request.ts';
import { apiContext, i18nContext } from './context.ts';
import { MAX_GUESTS } from './party.ts';
import { apiBase, askedLocale, FIRST_PARTY, firstQuery, pagePromo, stayFrom } from './first-request.ts';
import { defineElement } from './define.ts';
import { DEPOSIT_PARTS } from './parts.ts';
import { errorState, errorStateStyles } from './error-state.ts';
import { DirectbookStepEvent, type DbDatesChangeEvent, type DbQuantityChangeEvent, type PartyValue, type Step, type StayValue } from './events.ts';
import type { DbGuestsChangeEvent } from './later-events.ts';
import { hasCatalog, I18n, loadCatalog, resolveLocale } from './i18n.ts';
import type { MessageKey } from './locales/en.ts';
import { styles } from './direct-book.styles.ts';
import { bannerStyles } from './banner.styles.ts';
import { theme } from './theme.styles.ts';
import { loadCheckout, loadStep, prefetchLaterSteps } from './steps.ts';
import type { Checkout, CheckoutHost } from './checkout.ts';
import type { DbPromoChangeEvent } from './promo-events.ts';
import './db-rates-step.ts';

const PROGRESS: { step: Step; label: MessageKey }[] = [
  { step: 'stay', label: 'stepStay' },
  { step: 'review', label: 'stepReview' },
  { step: 'details', label: 'stepDetails' },
  { step: 'payment', label: 'stepPayment' },
];
// SPEC 4 (first paint): the first answer usually arrives within a frame or two of the widget starting.
// A skeleton drawn meanwhile would only flash, and the frame it costs (with the later ones its
// shimmer repaints) delays the rates; it shows only once the answer is this late.
const SKELETON_DELAY_MS = 100;

const HEADINGS: Record<Step, MessageKey> = {
  stay: 'headingStay',
  review: 'headingReview',
  details: 'headingDetails',
  payment: 'headingPayment',
  confirmation: 'headingConfirmation',
  expired: 'headingExpired',
};

/**
 * The directbook booking widget: dates and guests, rates, extras and summary, guest details,
 * payment, confirmation. Paste `<script type="module" src="https://HOST/widget.js">` and
 * `<direct-book property="PID"></direct-book>` into any page.
 *
 * It keeps the flow: which step, the guest's choices and the hold, so that back and forth
 * keeps them. Each step is an element of its own; the guest's language and the API client
 * reach every element through @lit/context (context.ts). Only the rates step comes with
 * widget.js; the others load while the guest reads the rates (steps.ts).
 *
 * Where the page has a Google Tag Manager `window.dataLayer`, it also pushes the GA4 e-commerce
 * events view_item_list, select_item, begin_checkout, add_payment_info and purchase (analytics.ts).
 *
 * @fires directbook:booked - A booking was confirmed; `detail` is `{reference, total, depositDue, currency}` (minor units).
 * @fires directbook:step - The guest moved to another step; `detail` is `{step}`: stay, review, details, payment, confirmation or expired.
 * @slot payment - Created by the widget itself for Stripe's Payment Element, which cannot live in a shadow root. Leave it alone.
 * @csspart widget - The widget's card.
 * @csspart heading - Each step's heading.
 * @csspart progress - The step indicator.
 * @csspart search - The dates and guests bar.
 * @csspart primary-button - The main button of each step.
 * @csspart room - Each room type on the rates step.
 * @csspart rate-card - Each rate.
 * @csspart price - Each rate's total for the stay.
 * @csspart deposit-badge - Each deposit message; also `deposit-badge-{none|full|first_night|fixed|percentage}`.
 * @csspart summary - The price summary.
 * @csspart due-now - The amount due now in the summary.
 * @csspart card-frame - The card iframe (manual payment).
 * @csspart reference - The booking reference on the confirmation.
 * @cssprop [--db-accent=#0b6e5f] - Buttons, selection and links.
 * @cssprop [--db-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--db-radius=14px] - Corner radius of cards; buttons and fields use a share of it.
 * @cssprop [--db-font=system-ui] - Font family.
 * @cssprop [--db-surface=#ffffff] - Card background.
 * @cssprop [--db-surface-muted=#f5f4f0] - Summary, skeletons and quiet backgrounds.
 * @cssprop [--db-text=#1d1d1f] - Text colour.
 * @cssprop [--db-text-muted=#62626a] - Secondary text.
 * @cssprop [--db-border=#e3e1dc] - Borders and dividers.
 * @cssprop [--db-danger=#b42318] - Errors, scarcity and urgency.
 * @cssprop [--db-focus=#1a56db] - Keyboard focus ring.
 * @cssprop --db-deposit-{type}-bg - Background of a deposit badge (type: none, full, first-night, fixed, percentage).
 * @cssprop --db-deposit-{type}-text - Text of a deposit badge.
 */
@defineElement('direct-book')
export class DirectBook extends LitElement {
  static override styles = [theme, bannerStyles, errorStateStyles, styles];

  /** The property's id. */
  @property({ reflect: true }) property = '';

  /** The API's base URL; defaults to the origin widget.js was loaded from. */
  @property() api?: string;

  /** en, ko or id; defaults to the page's `<html lang>`, then the property's language. */
  @property() locale?: string;

  /** A check-in date (YYYY-MM-DD) to start with. */
  @property({ attribute: 'check-in' }) checkIn?: string;

  /** A check-out date (YYYY-MM-DD) to start with. */
  @property({ attribute: 'check-out' }) checkOut?: string;

  /** How many adults to start with. */
  @property({ type: Number }) adults?: number;

  /** A promotion code to start with (SPEC 2.14); else the page's `?promo=` deep link. The guest may change it. */
  @property() promo?: string;

  @state() private step: Step = 'stay';
  /**
   * The stay asked for; the stay shown is the availability answer's (it may be the next available).
   * Undefined until the guest picks one: the first request asks for the page's dates, if any, or
   * lets the server pick the first bookable night.
   */
  @state() private stay?: StayValue;
  /** What the rates step needs of the property: it arrives with the first availability answer. */
  @state() private venue?: PublicProperty;
  @state() private party: PartyValue = { ...FIRST_PARTY };
  @state() private selection: Record<string, number> = {};
  @state() private notice = '';
  @state() private offline = !navigator.onLine;
  /** Bumped to ask for availability again after the world changed (sold out, hold expired). */
  @state() private refresh = 0;
  /** The first answer is late enough for the loading skeleton (SKELETON_DELAY_MS). */
  @state() private skeleton = false;

  // Every element below reads these (context.ts); a new value reaches each of them at once.
  #i18n = new ContextProvider(this, { context: i18nContext, initialValue: new I18n('en', 'USD') });
  #api = new ContextProvider(this, { context: apiContext });
  /** The language the server chose for the first answer, when neither the widget nor the page chose. */
  #answeredLocale?: Locale;
  #focusHeading = false;
  /** The steps after the rates, made once their code has arrived. */
  #checkout?: Checkout;
  #skeletonTimer?: ReturnType<typeof setTimeout>;

  #availabilityTask = new Task(this, {
    task: async ([client, stay, adults, children, childAges, promoCode, locale], { signal }) => {
      if (!client) return initialState;
      // SPEC 4 (first paint): one request before the rates. The first answer brings the property,
      // and the page's language travels beside it. The first question is the one first-request.ts
      // may have sent already, for the same party.
      const first = !this.venue;
      const query: AvailabilityQuery = first
        ? { ...firstQuery(stay ?? stayFrom(this.checkIn, this.checkOut), promoCode, locale), adults, children, childAges }
        : { ...stay, adults, children, childAges, promoCode: promoCode || undefined, locale };
      const [answer] = await Promise.all([this.#firstAvailability(client, query, signal), loadCatalog(locale ?? 'en')]);
      if (answer.property) {
        await loadCatalog(locale ?? answer.locale);
        this.#start(answer.property, answer.locale);
      }
      return answer;
    },
    args: () => [this.#api.value, this.stay, this.party.adults, this.party.children, this.party.childAges?.join(), this.promo, askedLocale(this.locale), this.refresh] as const,
    // SPEC 2.23: a refused origin looks like a network failure; a chunk asks the server whether that is it.
    onError: (error) => void (isNetworkError(error) && import('./embed-check.ts').then((m) => m.explainRefusal(this))),
    onComplete: (answer) => {
      // Only an answer the guest sees counts as an impression.
      if (this.step === 'stay') track('view_item_list', (a) => a.viewItemList(answer));
      prefetchLaterSteps();
    },
  });

  /** The current step's code: a guest quicker than the prefetch waits for it here. */
  #stepCodeTask = new Task(this, {
    task: async ([step]) => {
      await loadStep(step);
      if (step !== 'stay') this.#checkout ??= new (await loadCheckout()).Checkout(this.#checkoutHost);
    },
    args: () => [this.step] as const,
  });

  #checkoutHost: CheckoutHost = {
    element: this,
    api: () => this.#api.value,
    availability: () => this.#availabilityTask.value,
    step: () => this.step,
    choices: () => ({ venue: this.venue, selection: this.selection, party: this.party, locale: this.#i18n.value.locale, promo: this.promo }),
    go: (step) => this.#go(step),
    adopt: (styles) => adoptStyles(this.renderRoot as ShadowRoot, [...DirectBook.elementStyles, styles]),
    backToRates: (soldOut) => {
      if (soldOut) this.notice = this.#i18n.value.t('soldOutNotice');
      this.#keepShownStay();
      this.refresh++;
      this.#go('stay');
    },
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('online', this.#onConnectivity);
    window.addEventListener('offline', this.#onConnectivity);
    if (!this.venue) this.#skeletonTimer = setTimeout(() => (this.skeleton = true), SKELETON_DELAY_MS);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onConnectivity);
    window.removeEventListener('offline', this.#onConnectivity);
    clearTimeout(this.#skeletonTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('api') || changed.has('property')) {
      this.#api.setValue(this.property ? new Api(apiBase(this.api), this.property) : undefined);
    }
    // The loading state already speaks the page's language; the answer's may refine it later.
    if (changed.has('locale') || !this.hasUpdated) this.#updateI18n();
    if (!this.hasUpdated) this.promo ??= pagePromo();
  }

  protected override updated() {
    if (this.#focusHeading) {
      this.#focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  override render() {
    const i18n = this.#i18n.value;
    const venue = this.venue;
    const first = this.#availabilityTask;
    if (!venue && first.status === TaskStatus.PENDING && !this.skeleton) return nothing;
    return html`<div class="widget" part="widget" role="region" aria-label=${i18n.t('widgetLabel', { name: venue?.name ?? '' })} @db-promo-change=${this.#onPromo}>
      ${this.offline ? html`<p class="banner offline" role="status">${i18n.t('offline')}</p>` : nothing}
      ${
        venue
          ? html`${this.#renderHeader()}${this.#stepCodeTask.render({
              pending: () => html`<div class="loading" aria-busy="true">
                <span class="visually-hidden" role="status">${i18n.t('loading')}</span>
                <span class="skeleton step-skeleton"></span>
              </div>`,
              error: (error) => errorState(i18n, error, () => void this.#stepCodeTask.run()),
              complete: () => this.#renderStep(venue),
            })}`
          : first.status === TaskStatus.ERROR
            ? errorState(i18n, first.error, () => void first.run())
            : html`<div class="loading" aria-busy="true">
                <span class="visually-hidden" role="status">${i18n.t('loading')}</span>
                <div class="progress-skeleton"><span class="skeleton"></span></div>
                <span class="skeleton heading-skeleton"></span>
                <db-rates-step></db-rates-step>
              </div>`
      }
    </div>`;
  }

  #renderHeader() {
    const i18n = this.#i18n.value;
    const current = PROGRESS.findIndex((p) => p.step === this.step);
    // The way back and the confirmation's tick come with the checkout (step-head.ts).
    const checkout = this.#checkout;
    return html`${checkout?.icon(this.step)}
      ${
        current >= 0
          ? html`<ol class="progress" part="progress" aria-label=${i18n.t('progressLabel')}>
            ${PROGRESS.map(
              (p, index) => html`<li class=${index < current ? 'done' : index === current ? 'current' : ''} aria-current=${index === current ? 'step' : 'false'}>
                <span class="label">${i18n.t(p.label)}</span>
              </li>`,
            )}
          </ol>`
          : nothing
      }
      <div class="step-head">
        ${checkout?.back(this.step, i18n)}
        <h2 part="heading" tabindex="-1">${i18n.t(HEADINGS[this.step])}</h2>
      </div>`;
  }

  #renderStep(venue: PublicProperty) {
    if (this.step !== 'stay') return this.#checkout!.render(this.step, venue);
    const availabilityTask = this.#availabilityTask;
    return html`<db-rates-step exportparts=${`search, primary-button, room, rate-card, price, ${DEPOSIT_PARTS}`} .venue=${venue}
      .stay=${this.#shownStay()} .party=${this.party} .selection=${this.selection} .availability=${availabilityTask.value} ?loading=${availabilityTask.status === TaskStatus.PENDING}
      .error=${availabilityTask.status === TaskStatus.ERROR ? availabilityTask.error : undefined} notice=${this.notice}
      @db-dates-change=${this.#onDates} @db-guests-change=${this.#onGuests} @db-quantity-change=${this.#onRoomQuantity}
      @db-retry=${() => availabilityTask.run()} @db-continue=${this.#onRatesContinue}></db-rates-step>`;
  }

  /** The property arrived with the first rates: the language it answered in, the party asked for. */
  #start(venue: PublicProperty, answeredLocale: Locale) {
    clearTimeout(this.#skeletonTimer);
    this.venue = venue;
    this.#answeredLocale = answeredLocale;
    this.#updateI18n();
    if (this.adults && this.adults >= 1) this.party = { ...this.party, adults: Math.min(Math.floor(this.adults), MAX_GUESTS) };
    this.dispatchEvent(new DirectbookStepEvent(this.step));
  }

  /**
   * The first request, with the page's dates and code when it gave some. A deep link that went stale
   * (its dates passed, or lie beyond what the property sells) or was mistyped (a code that cannot be
   * one) shows the server's default stay, without a code, instead.
   */
  async #firstAvailability(client: Api, query: AvailabilityQuery, signal: AbortSignal) {
    try {
      return await client.availability(query, signal);
    } catch (error) {
      if (!(query.include && (query.checkIn || query.promoCode) && error instanceof ApiError && error.status === 400)) throw error;
      return client.availability({ ...query, checkIn: undefined, checkOut: undefined, promoCode: undefined }, signal);
    }
  }

  #updateI18n() {
    const current = this.#i18n.value;
    const locale = resolveLocale(this.locale, document.documentElement.lang, this.#answeredLocale);
    if (!hasCatalog(locale)) {
      // A language asked for later (the locale attribute changed): the current one stays until its
      // strings arrive, and stays for good if they cannot be fetched.
      loadCatalog(locale).then(
        () => this.#updateI18n(),
        () => undefined,
      );
      return;
    }
    const currency = this.venue?.currency ?? current.currency;
    if (locale === current.locale && currency === current.currency) return;
    this.#i18n.setValue(new I18n(locale, currency));
    this.requestUpdate();
  }

  #shownStay(): StayValue | undefined {
    const answer = this.#availabilityTask.value;
    if (this.#availabilityTask.status === TaskStatus.COMPLETE && answer) return { checkIn: answer.checkIn, checkOut: answer.checkOut };
    return this.stay;
  }

  #go(step: Step) {
    this.#checkout?.entering(step);
    this.step = step;
    this.#focusHeading = true;
    this.dispatchEvent(new DirectbookStepEvent(step));
  }

  #onDates = (event: DbDatesChangeEvent) => {
    this.notice = '';
    this.stay = event.value;
  };

  #onGuests = (event: DbGuestsChangeEvent) => {
    this.#keepShownStay();
    this.party = event.value;
  };

  /** From the code field, or from checkout dropping a code that no longer applies; '' is none. */
  #onPromo = (event: DbPromoChangeEvent) => {
    this.#keepShownStay();
    this.promo = event.value;
  };

  /** The next question keeps the dates on screen (perhaps the next available ones, or the server's). */
  #keepShownStay() {
    const shown = this.#shownStay();
    if (shown && (shown.checkIn !== this.stay?.checkIn || shown.checkOut !== this.stay?.checkOut)) this.stay = shown;
  }

  #onRoomQuantity = (event: DbQuantityChangeEvent) => {
    const { id, quantity } = event.value;
    const answer = this.#availabilityTask.value;
    if (answer && quantity > 0 && !this.selection[id]) track('select_item', (a) => a.selectItem(answer, id));
    this.notice = '';
    this.selection = { ...this.selection, [id]: quantity };
  };

  #onRatesContinue = () => {
    const answer = this.#availabilityTask.value;
    const chosen = offeredSelection(answer, this.selection);
    if (answer) track('begin_checkout', (a) => a.beginCheckout(answer, chosen));
    this.#go('review');
  };

  #onConnectivity = () => {
    this.offline = !navigator.onLine;
    if (this.offline) return;
    if (this.#availabilityTask.status === TaskStatus.ERROR) void this.#availabilityTask.run();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'direct-book': DirectBook;
  }
}
