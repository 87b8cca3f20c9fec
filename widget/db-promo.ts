import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PromoAnswer } from '../shared/schemas/promotion.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DbPromoChangeEvent } from './promo-events.ts';
import { styles } from './db-promo.styles.ts';
import { theme } from './theme.styles.ts';

// What the server takes as a code (PromoCodeSchema, without bringing valibot into the widget): a code
// that cannot be one is said at once and never sent, since the server would refuse the whole request.
const PROMO_CODE = /^[\p{L}\p{N}_-]{1,64}$/u;

/**
 * "Have a code?" below the rates (SPEC 2.14): a disclosure with a field for a promotion code, and in
 * words whether the code the rates were priced with applies, and if not, why. A chunk: it appears
 * once it has arrived, after the rates.
 *
 * @fires db-promo-change - The guest applied a code, or removed it ('').
 */
@defineElement('db-promo')
export class DbPromo extends DbElement {
  static override styles = [theme, styles];

  /** What the availability answer says of the code it was asked with; undefined without one. */
  @property({ attribute: false }) answer?: PromoAnswer;

  /** The guest typed something that cannot be a code: said at once, never sent. */
  @state() private malformed?: string;

  override render() {
    const { i18n, answer, malformed } = this;
    const code = malformed ?? answer?.code;
    const problem = malformed !== undefined ? 'unknown' : answer && !answer.applied ? (answer.reason ?? 'unknown') : undefined;
    return html`<details ?open=${code !== undefined}>
      <summary>${i18n.t('promoToggle')}</summary>
      <form @submit=${this.#submit} novalidate>
        <label for="code">${i18n.t('promoLabel')}</label>
        <div class="field">
          <input id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="64" .value=${answer?.code ?? ''}
            aria-invalid=${problem !== undefined} aria-describedby="result" />
          <button type="submit" class="secondary">${i18n.t('promoApply')}</button>
        </div>
      </form>
      <div id="result" aria-live="polite">
        ${
          problem
            ? html`<p class="problem">${i18n.t(`promo_${problem}`, { code: code! })}</p>`
            : answer
              ? html`<p class="applied">${i18n.t('promoApplied', { code: answer.code })}</p>
                <button type="button" class="link" @click=${() => this.#apply('')}>${i18n.t('promoRemove')}</button>`
              : nothing
        }
      </div>
    </details>`;
  }

  #submit = (event: SubmitEvent) => {
    event.preventDefault();
    const code = this.renderRoot.querySelector('input')!.value.trim();
    if (code && !PROMO_CODE.test(code)) this.malformed = code;
    else this.#apply(code);
  };

  #apply(code: string) {
    this.malformed = undefined;
    this.dispatchEvent(new DbPromoChangeEvent(code));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-promo': DbPromo;
  }
}
