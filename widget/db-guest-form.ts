import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Locale } from '../shared/locale.ts';
import { familyNameFirst } from '../shared/person-name.ts';
import type { Guest } from '../shared/schemas/stay.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DbGuestInputEvent, DbGuestSubmitEvent } from './later-events.ts';
import type { MessageKey } from './locales/en.ts';
import { styles } from './db-guest-form.styles.ts';
import { theme } from './theme.styles.ts';

type Field = keyof Guest;
interface FieldSpec {
  name: Field;
  label: MessageKey;
  type: string;
  autocomplete: string;
  required: boolean;
}
const FIRST_NAME: FieldSpec = { name: 'firstName', label: 'firstName', type: 'text', autocomplete: 'given-name', required: true };
const LAST_NAME: FieldSpec = { name: 'lastName', label: 'lastName', type: 'text', autocomplete: 'family-name', required: true };
const CONTACT: FieldSpec[] = [
  { name: 'email', label: 'email', type: 'email', autocomplete: 'email', required: true },
  { name: 'phone', label: 'phone', type: 'tel', autocomplete: 'tel', required: false },
];
const FIELDS = [FIRST_NAME, LAST_NAME, ...CONTACT];
/** The fields in the order the guest's language asks for them: 성 before 이름 in Korean. */
const fieldsFor = (locale: Locale) => (familyNameFirst(locale) ? [LAST_NAME, FIRST_NAME, ...CONTACT] : FIELDS);
// The server validates for real (SPEC 2.7); this only catches typos before the round trip.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The guest's name and contact details.
 *
 * @fires db-guest-input - A field changed; `value` is the whole draft, so going back keeps it.
 * @fires db-guest-submit - The details are complete; `value` is the `Guest`.
 * @csspart form - The form.
 * @csspart submit - The submit button.
 */
@defineElement('db-guest-form')
export class DbGuestForm extends DbElement {
  static override styles = [theme, styles];

  /** The details typed so far. */
  @property({ attribute: false }) value: Partial<Guest> = {};

  /** True while the booking is being created: the button waits. */
  @property({ type: Boolean }) busy = false;

  /** Messages per field from the server's 400 answer. */
  @property({ attribute: false }) serverErrors: Partial<Record<Field, string>> = {};

  @state() private errors: Partial<Record<Field, string>> = {};

  override render() {
    const { i18n } = this;
    const errors = { ...this.serverErrors, ...this.errors };
    const count = Object.values(errors).filter(Boolean).length;
    return html`<form part="form" novalidate @submit=${this.#submit}>
      <p class="form-error" role="alert">${count ? i18n.t('checkFields') : ''}</p>
      <div class="fields">
        ${fieldsFor(i18n.locale).map((f) => {
          const error = errors[f.name];
          return html`<div class="field ${f.name}">
            <label for=${f.name}>${i18n.t(f.label)}${f.required ? nothing : html` <span class="optional">(${i18n.t('optional')})</span>`}</label>
            <input id=${f.name} name=${f.name} type=${f.type} autocomplete=${f.autocomplete} .value=${this.value[f.name] ?? ''}
              ?required=${f.required} aria-invalid=${!!error} aria-describedby=${error ? `${f.name}-error` : nothing}
              @input=${({ target }: InputEvent) => target instanceof HTMLInputElement && this.#input(f.name, target.value)} />
            ${error ? html`<p class="error" id="${f.name}-error">${error}</p>` : nothing}
          </div>`;
        })}
      </div>
      <button class="primary submit" part="submit" type="submit" aria-disabled=${this.busy}>
        ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>${i18n.t('holding')}` : i18n.t('toPayment')}
      </button>
    </form>`;
  }

  #input(name: Field, text: string) {
    this.value = { ...this.value, [name]: text };
    if (this.errors[name]) this.errors = { ...this.errors, [name]: undefined };
    this.dispatchEvent(new DbGuestInputEvent(this.value));
  }

  #validate(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    for (const f of FIELDS) {
      const text = (this.value[f.name] ?? '').trim();
      if (f.required && !text) errors[f.name] = this.i18n.t('required');
    }
    const email = (this.value.email ?? '').trim();
    if (email && !EMAIL.test(email)) errors.email = this.i18n.t('invalidEmail');
    return errors;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    this.errors = this.#validate();
    const first = fieldsFor(this.i18n.locale).find((f) => this.errors[f.name]);
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#${first.name}`)?.focus();
      return;
    }
    const { firstName = '', lastName = '', email = '', phone = '' } = this.value;
    const guest: Guest = { firstName: firstName.trim(), lastName: lastName.trim(), email: email.trim() };
    if (phone.trim()) guest.phone = phone.trim();
    this.dispatchEvent(new DbGuestSubmitEvent(guest));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-guest-form': DbGuestForm;
  }
}
