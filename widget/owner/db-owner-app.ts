import { Task } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { asLocale, type Locale } from '../../shared/locale.ts';
import type { Property } from '../../shared/schemas/property.ts';
import { defineElement } from '../define.ts';
import { theme } from '../theme.styles.ts';
import { ApiError, isNetworkError } from '../api.ts';
import type { DbNavigateEvent, DbPropertyChangedEvent, DbSignedInEvent } from './owner-events.ts';
import { OwnerApi } from './owner-api.ts';
import { LANGUAGE_NAMES, LOCALES, OwnerI18n } from './owner-i18n.ts';
import { BASE, type Screen, screenOf } from './owner-routes.ts';
import { styles } from './owner-screen.styles.ts';
import './db-owner-sign-in.ts';
import './db-owner-today.ts';
import './db-owner-bookings.ts';
import './db-owner-booking.ts';
import './db-owner-calendar.ts';
import './db-owner-extras.ts';
import './db-owner-rates.ts';
import './db-owner-rate.ts';
import './db-owner-promotions.ts';
import './db-owner-closures.ts';
import './db-owner-profile.ts';
import './db-owner-embed.ts';
import './db-owner-payments.ts';
import './db-owner-webhooks.ts';
import './db-owner-calendars.ts';

interface Desk {
  api: OwnerApi;
  property: Property;
}

/**
 * The owner console (SPEC 2.23) at /owner: signs in with a property key, then shows the screen the
 * path names (today, bookings, a booking, the calendar, rates, extras, promotions, closures, profile, embed, payments, channel calendars, webhooks) under a header with the sections, the
 * language and sign-out. Links inside the console move between screens without reloading the page,
 * and focus goes to the new screen's heading.
 */
@defineElement('db-owner-app')
export class DbOwnerApp extends LitElement {
  static override styles = [theme, styles];

  @state() private screen: Screen = screenOf(location.pathname);
  @state() private locale: Locale = asLocale(localStorage.getItem('directbook-owner-locale')) ?? asLocale(navigator.language) ?? 'en';
  @state() private desk?: Desk;
  @state() private signedOut = false;

  #focusScreen = false;

  #session = new Task(this, {
    task: async (_args, { signal }) => {
      const api = await OwnerApi.resume(signal);
      if (!api) {
        this.signedOut = true;
        return;
      }
      await this.#open(api, signal);
    },
    args: () => [] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    this.addEventListener('click', this.#onClick);
    this.addEventListener('db-navigate', this.#onNavigate);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    this.removeEventListener('click', this.#onClick);
    this.removeEventListener('db-navigate', this.#onNavigate);
  }

  get #i18n() {
    return new OwnerI18n(this.locale, this.desk?.property.currency ?? 'USD');
  }

  async #open(api: OwnerApi, signal?: AbortSignal) {
    const property = await api.property(signal);
    this.desk = { api, property };
    this.signedOut = false;
  }

  #onPopState = () => {
    this.screen = screenOf(location.pathname);
    this.#focusScreen = true;
  };

  /** Console links change the screen in place; other links, and modified clicks, are the browser's. */
  #onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link || link.hasAttribute('download') || link.origin !== location.origin || !link.pathname.startsWith(BASE)) return;
    event.preventDefault();
    this.navigate(link.pathname);
  };

  #onNavigate = (event: DbNavigateEvent) => this.navigate(event.path);

  #propertyChanged(event: DbPropertyChangedEvent) {
    if (this.desk) this.desk = { ...this.desk, property: event.property };
  }

  navigate(path: string) {
    if (path !== location.pathname) history.pushState(null, '', path);
    this.screen = screenOf(path);
    this.#focusScreen = true;
  }

  protected override updated(changed: PropertyValues) {
    if (changed.has('screen') || changed.has('desk') || changed.has('locale')) this.#revealSection();
    document.documentElement.lang = this.locale;
    document.title = `${this.desk ? `${this.#i18n.text(this.desk.property.name)} · ` : ''}${this.#i18n.t('consoleTitle')}`;
    if (!this.#focusScreen) return;
    this.#focusScreen = false;
    void this.#focusHeading();
  }

  /** On a phone the sections scroll sideways: the current one is brought into sight, without scrolling the page as scrollIntoView would. */
  #revealSection() {
    const nav = this.renderRoot.querySelector('nav');
    const current = nav?.querySelector<HTMLElement>('[aria-current=page]');
    if (nav && current) nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
  }

  /** After a move, the new screen's heading (or the sign-in's) takes focus, so a screen reader starts there. */
  async #focusHeading() {
    const screen = this.renderRoot.querySelector('main > *');
    if (screen instanceof LitElement) await screen.updateComplete;
    (screen?.shadowRoot?.querySelector('h1') ?? this.renderRoot.querySelector('h1'))?.focus();
  }

  async #signedIn(event: DbSignedInEvent) {
    await this.#open(event.api);
    this.#focusScreen = true;
  }

  async #signOut() {
    await this.desk?.api.signOut().catch((error: unknown) => {
      // A session that already ended is signed out all the same.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    });
    this.desk = undefined;
    this.signedOut = true;
    this.#focusScreen = true;
    if (location.pathname !== BASE) history.pushState(null, '', BASE);
    this.screen = screenOf(BASE);
  }

  #setLocale(event: Event) {
    this.locale = asLocale((event.target as HTMLSelectElement).value) ?? 'en';
    localStorage.setItem('directbook-owner-locale', this.locale);
  }

  override render() {
    const i18n = this.#i18n;
    if (this.desk) return this.#renderDesk(this.desk, i18n);
    if (this.signedOut) return html`<main><db-owner-sign-in .i18n=${i18n} @db-signed-in=${this.#signedIn}></db-owner-sign-in></main>`;
    return this.#session.render({
      pending: () => html`<p class="center muted" role="status">${i18n.t('loading')}</p>`,
      error: (error) =>
        html`<div class="center" role="alert">
          <p>${isNetworkError(error) ? i18n.t('errorNetwork') : i18n.t('errorGeneric', { message: (error as Error).message })}</p>
          <button type="button" class="secondary" @click=${() => void this.#session.run()}>${i18n.t('retry')}</button>
        </div>`,
      complete: () => nothing,
    });
  }

  #renderDesk({ api, property }: Desk, i18n: OwnerI18n) {
    const section = this.screen.name === 'booking' ? 'bookings' : this.screen.name === 'rate' ? 'rates' : this.screen.name;
    const link = (name: string, path: string, label: string) => html`<li><a href=${path} aria-current=${section === name ? 'page' : nothing}>${label}</a></li>`;
    return html`<header>
        <div class="bar">
          <span class="property">${i18n.text(property.name)}</span>
          <div class="tools">
            <select aria-label=${i18n.t('language')} @change=${this.#setLocale}>
              ${LOCALES.map((locale) => html`<option value=${locale} ?selected=${locale === this.locale}>${LANGUAGE_NAMES[locale]}</option>`)}
            </select>
            <button type="button" class="secondary" @click=${() => void this.#signOut()}>${i18n.t('signOut')}</button>
          </div>
          <nav aria-label=${i18n.t('nav')}>
            <ul>
              ${link('today', BASE, i18n.t('navToday'))} ${link('bookings', `${BASE}/bookings`, i18n.t('navBookings'))}
              ${link('calendar', `${BASE}/calendar`, i18n.t('navCalendar'))} ${link('rates', `${BASE}/rates`, i18n.t('navRates'))}
              ${link('extras', `${BASE}/extras`, i18n.t('navExtras'))} ${link('promotions', `${BASE}/promotions`, i18n.t('navPromotions'))}
              ${link('closures', `${BASE}/closures`, i18n.t('navClosures'))} ${link('profile', `${BASE}/profile`, i18n.t('navProfile'))}
              ${link('embed', `${BASE}/embed`, i18n.t('navEmbed'))} ${link('payments', `${BASE}/payments`, i18n.t('navPayments'))}
              ${link('calendars', `${BASE}/calendars`, i18n.t('navCalendars'))} ${link('webhooks', `${BASE}/webhooks`, i18n.t('navWebhooks'))}
            </ul>
          </nav>
        </div>
      </header>
      <main>${this.#renderScreen(api, property, i18n)}</main>`;
  }

  #renderScreen(api: OwnerApi, property: Property, i18n: OwnerI18n) {
    switch (this.screen.name) {
      case 'bookings':
        return html`<db-owner-bookings .api=${api} .i18n=${i18n}></db-owner-bookings>`;
      case 'booking':
        return html`<db-owner-booking .api=${api} .i18n=${i18n} .bookingId=${this.screen.id}></db-owner-booking>`;
      case 'extras':
        return html`<db-owner-extras .api=${api} .i18n=${i18n}></db-owner-extras>`;
      case 'rates':
        return html`<db-owner-rates .api=${api} .i18n=${i18n}></db-owner-rates>`;
      case 'rate':
        return html`<db-owner-rate .api=${api} .i18n=${i18n} .rateId=${this.screen.id} .timezone=${property.timezone}></db-owner-rate>`;
      case 'promotions':
        return html`<db-owner-promotions .api=${api} .i18n=${i18n}></db-owner-promotions>`;
      case 'closures':
        return html`<db-owner-closures .api=${api} .i18n=${i18n}></db-owner-closures>`;
      case 'profile':
        return html`<db-owner-profile .api=${api} .i18n=${i18n} @db-property-changed=${this.#propertyChanged}></db-owner-profile>`;
      case 'embed':
        return html`<db-owner-embed .api=${api} .i18n=${i18n}></db-owner-embed>`;
      case 'payments':
        return html`<db-owner-payments .api=${api} .i18n=${i18n}></db-owner-payments>`;
      case 'webhooks':
        return html`<db-owner-webhooks .api=${api} .i18n=${i18n}></db-owner-webhooks>`;
      case 'calendars':
        return html`<db-owner-calendars .api=${api} .i18n=${i18n}></db-owner-calendars>`;
      case 'calendar':
        return html`<db-owner-calendar .api=${api} .i18n=${i18n} .timezone=${property.timezone}></db-owner-calendar>`;
      default:
        return html`<db-owner-today .api=${api} .i18n=${i18n} .timezone=${property.timezone}></db-owner-today>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-app': DbOwnerApp;
  }
}
