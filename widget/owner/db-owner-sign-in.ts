import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import { ApiError, isNetworkError } from '../api.ts';
import { OwnerApi } from './owner-api.ts';
import { DbSignedInEvent } from './owner-events.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { ownerStyles } from './owner.styles.ts';

/**
 * The console's sign-in: the owner pastes their property key, which opens a 12-hour session.
 *
 * @fires db-signed-in - With the signed-in API client.
 */
@defineElement('db-owner-sign-in')
export class DbOwnerSignIn extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles];

  /** The console's words. */
  @property({ attribute: false }) i18n!: OwnerI18n;

  @state() private error = '';
  @state() private busy = false;

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    const input = this.renderRoot.querySelector('input')!;
    this.busy = true;
    this.error = '';
    try {
      this.dispatchEvent(new DbSignedInEvent(await OwnerApi.signIn(input.value)));
    } catch (error) {
      this.error = isNetworkError(error)
        ? this.i18n.t('errorNetwork')
        : error instanceof ApiError && (error.status === 401 || error.status === 400)
          ? this.i18n.t('signInInvalid')
          : this.i18n.t('errorGeneric', { message: (error as Error).message });
      input.focus();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.i18n;
    return html`<section class="card narrow">
      <h1 tabindex="-1">${t.t('signInHeading')}</h1>
      <form class="form" @submit=${this.#submit}>
        <label class="field"
          >${t.t('signInKey')}
          <input
            name="key"
            type="password"
            autocomplete="current-password"
            required
            spellcheck="false"
            aria-describedby="key-hint${this.error ? ' key-error' : ''}"
            aria-invalid=${this.error ? 'true' : 'false'}
          />
          <span id="key-hint" class="hint muted">${t.t('signInHint')}</span>
        </label>
        ${this.error ? html`<p id="key-error" class="banner error" role="alert">${this.error}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${t.t('signInSubmit')}</button>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-sign-in': DbOwnerSignIn;
  }
}
