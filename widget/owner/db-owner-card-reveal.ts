import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CardSubmission } from '../../shared/card.ts';
import type { Booking } from '../../shared/schemas/stay.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { editStyles } from './owner-edit.styles.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { styles as bookingStyles } from './db-owner-booking.styles.ts';
import { styles } from './db-owner-card-reveal.styles.ts';

/**
 * Manual mode (SPEC 2.8, 2.23): reveals the booking's stored card after the owner says why (the
 * server audits the reason). The card lives only in this element's state, shown until the owner
 * closes it or leaves the screen; it is never stored or logged.
 */
@defineElement('db-owner-card-reveal')
export class DbOwnerCardReveal extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, editStyles, bookingStyles, styles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;
  @property({ attribute: false }) booking!: Booking;

  @state() private asking = false;
  @state() private card?: CardSubmission;

  #save = new SaveController(this);

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.card = undefined;
  }

  #ask() {
    this.asking = true;
    this.#save.reject({});
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus());
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const reason = ((event.target as HTMLFormElement).elements.namedItem('reason') as HTMLTextAreaElement).value.trim();
    if (!reason) return this.#save.reject({ reason: this.i18n.t('revealReasonNeeded') });
    void this.#save
      .run(async () => {
        this.card = await this.api.revealCard(this.booking.id, reason);
        this.asking = false;
        return this.i18n.t('cardRevealed');
      }, ['reason'])
      .then((shown) => {
        if (shown) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#card-heading')?.focus());
      });
  }

  #close() {
    this.card = undefined;
    this.#save.reject({});
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus());
  }

  override render() {
    const t = this.i18n;
    const s = this.#save;
    if (this.card) return this.#renderCard(this.card);
    if (!this.asking) return html`<button type="button" class="secondary wide" @click=${this.#ask}>${t.t('revealCard')}</button>`;
    return html`<form class="form" aria-labelledby="reveal-heading" @submit=${this.#submit}>
      <h3 id="reveal-heading">${t.t('revealCard')}</h3>
      <label class="field"
        >${t.t('revealReason')}
        <textarea name="reason" rows="2" maxlength="500" aria-required="true" aria-invalid=${s.invalid('reason')} aria-describedby="reveal-hint ${s.fields['reason'] ? 'error-reason' : ''}"></textarea>
        <span class="hint muted" id="reveal-hint">${t.t('revealReasonHint')}</span>
        ${s.errorFor('reason')}</label
      >
      ${s.error ? html`<p class="banner error" role="alert">${s.error}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${s.busy}>${t.t('revealSubmit')}</button>
        <button type="button" class="secondary" @click=${() => (this.asking = false)}>${t.t('revealCancel')}</button>
      </div>
    </form>`;
  }

  #renderCard(card: CardSubmission) {
    const t = this.i18n;
    return html`<section class="card-shown" aria-labelledby="card-heading">
      <h3 id="card-heading" tabindex="-1">${t.t('revealedCard')}</h3>
      <dl class="facts">
        <dt>${t.t('cardNumber')}</dt>
        <dd class="ref">${card.number.replace(/(\d{4})(?=\d)/g, '$1 ')}</dd>
        <dt>${t.t('cardExpiry')}</dt>
        <dd>${String(card.expMonth).padStart(2, '0')}/${card.expYear}</dd>
        <dt>${t.t('cardHolder')}</dt>
        <dd>${card.holderName}</dd>
      </dl>
      <p class="muted">${t.t('revealedCardNote')}</p>
      <button type="button" class="primary" @click=${this.#close}>${t.t('closeCard')}</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-card-reveal': DbOwnerCardReveal;
  }
}
