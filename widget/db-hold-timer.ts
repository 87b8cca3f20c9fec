import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DbExpiredEvent } from './later-events.ts';
import { styles } from './db-hold-timer.styles.ts';
import { theme } from './theme.styles.ts';

/**
 * Counts down the time the room is held for the guest (SPEC 2.7, `booking.expiresAt`).
 * The server decides expiry; this tells the guest, and says when time is up.
 *
 * @fires db-expired - The hold's time ran out.
 * @csspart timer - The countdown.
 */
@defineElement('db-hold-timer')
export class DbHoldTimer extends DbElement {
  static override styles = [theme, styles];

  /** When the hold ends, an ISO date-time. */
  @property({ attribute: 'expires-at' }) expiresAt = '';

  /** The clock the countdown reads, in epoch milliseconds; tests give their own to count exactly. */
  @property({ attribute: false }) now: () => number = Date.now;

  @state() private remaining = 0;

  #interval?: ReturnType<typeof setInterval>;
  #expired = false;

  override connectedCallback() {
    super.connectedCallback();
    this.#interval = setInterval(() => this.#tick(), 1000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.#interval);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('expiresAt')) {
      this.#expired = false;
      this.#tick();
    }
  }

  override render() {
    const seconds = Math.max(0, Math.ceil(this.remaining / 1000));
    const time = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    const urgent = seconds < 60;
    return html`<p class="timer ${urgent ? 'urgent' : ''}" part="timer" role="timer">
        <svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="9" r="6" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 6v3l2 1.5M6 1.5h4" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>
        ${this.i18n.t('holdFor', { time })}
      </p>
      <p class="visually-hidden" aria-live="polite">${urgent && seconds > 0 ? this.i18n.t('holdEndingSoon') : ''}</p>`;
  }

  #tick() {
    this.remaining = Date.parse(this.expiresAt) - this.now();
    if (this.remaining <= 0 && !this.#expired && this.expiresAt) {
      this.#expired = true;
      this.dispatchEvent(new DbExpiredEvent());
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-hold-timer': DbHoldTimer;
  }
}
