import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Booking } from '../../shared/schemas/stay.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { styles } from './db-owner-card-reveal.styles.ts';

/** SPEC 2.23: sends a confirmed booking's confirmation e-mail to the guest again, and says so. */
@defineElement('db-owner-resend-confirmation')
export class DbOwnerResendConfirmation extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, styles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;
  @property({ attribute: false }) booking!: Booking;

  #save = new SaveController(this);

  #resend() {
    const { id, guest } = this.booking;
    void this.#save.run(async () => (await this.api.resendConfirmation(id), this.i18n.t('confirmationResent', { email: guest.email })));
  }

  override render() {
    const t = this.i18n;
    return html`<button type="button" class="secondary wide" ?disabled=${this.#save.busy} @click=${this.#resend}>${t.t('resendConfirmation')}</button>
      ${this.#save.feedback(t)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-resend-confirmation': DbOwnerResendConfirmation;
  }
}
