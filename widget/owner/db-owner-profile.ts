import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LOCALES } from '../../shared/locale.ts';
import { PROPERTY_STATUSES } from '../../shared/schemas/profile.ts';
import type { Property } from '../../shared/schemas/property.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import { DbPropertyChangedEvent } from './owner-events.ts';
import { LANGUAGE_NAMES, type OwnerI18n } from './owner-i18n.ts';
import { editStyles } from './owner-edit.styles.ts';
import { ownerStyles } from './owner.styles.ts';
import { changesOf, clearsDescription, draftOf, type ProfileDraft, TEXT_FIELDS, type TextField } from './profile-form.ts';
import { SaveController } from './save-controller.ts';
import { styles } from './db-owner-profile.styles.ts';
import { taskError } from './task-error.ts';

const SINGLE_FIELDS = ['phone', 'website', 'checkInTime', 'checkOutTime', 'starRating', 'amenities', 'images', 'status', 'visible'] as const;
/** Every path a 400 may name that has a place on screen: a text, or one of its languages. */
const SHOWN = [...TEXT_FIELDS.flatMap((field) => [field, ...LOCALES.map((locale) => `${field}.${locale}`)]), ...SINGLE_FIELDS];
const STARS = ['1', '2', '3', '4', '5'];

/**
 * The property's profile (SPEC 2.11): its name and texts in English, Korean and Indonesian, where it
 * is and when guests arrive and leave, what they should know, and whether it takes bookings and is
 * shown at all. One PATCH saves what changed; a 400's messages appear under the fields they name.
 *
 * @fires db-property-changed - A save changed the property.
 */
@defineElement('db-owner-profile')
export class DbOwnerProfile extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, editStyles, styles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;

  /** The profile as last read or saved: what the form starts from and what a save is compared with. */
  @state() private saved?: ProfileDraft;

  #save = new SaveController(this);

  #task = new Task(this, {
    task: async ([api], { signal }) => {
      this.saved = draftOf(await api.property(signal));
    },
    args: () => [this.api] as const,
  });

  #draftOf(form: HTMLFormElement): ProfileDraft {
    const data = new FormData(form);
    // Every box is text: a File never comes from this form.
    const value = (name: string) => (data.get(name) as string | null) ?? '';
    const boxes = (field: TextField) => ({ en: value(`${field}.en`), ko: value(`${field}.ko`), id: value(`${field}.id`) });
    return {
      texts: { name: boxes('name'), description: boxes('description'), address: boxes('address'), notices: boxes('notices'), directions: boxes('directions') },
      phone: value('phone'),
      website: value('website'),
      checkInTime: value('checkInTime'),
      checkOutTime: value('checkOutTime'),
      starRating: value('starRating'),
      amenities: value('amenities'),
      images: value('images'),
      status: value('status') as Property['status'],
      visible: data.has('visible'),
    };
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const saved = this.saved!;
    const draft = this.#draftOf(event.target as HTMLFormElement);
    const t = this.i18n;
    if (clearsDescription(saved, draft)) return this.#save.reject({ description: t.t('descriptionKept') });
    const patch = changesOf(saved, draft);
    void this.#save.run(async () => {
      if (Object.keys(patch).length === 0) return t.t('profileUnchanged');
      const { property } = await this.api.updateProperty(patch);
      this.saved = draftOf(property);
      this.dispatchEvent(new DbPropertyChangedEvent(property));
      return t.t('profileSaved');
    }, SHOWN);
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('profileHeading')}</h1>
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: () => this.#renderForm(this.saved!),
      })}`;
  }

  #renderForm(saved: ProfileDraft) {
    const t = this.i18n;
    const s = this.#save;
    const single = (name: Exclude<(typeof SINGLE_FIELDS)[number], 'status' | 'visible'>, control: unknown, hint?: string) =>
      html`<label class="field ${name === 'checkInTime' || name === 'checkOutTime' || name === 'starRating' ? 'short' : ''}"
        >${t.t(`profile_${name}`)}${hint ? html` <span class="hint muted" id="hint-${name}">${hint}</span>` : nothing} ${control}${s.errorFor(name)}</label
      >`;
    const described = (name: string, hint?: boolean) => [hint ? `hint-${name}` : '', s.fields[name] ? `error-${name}` : ''].filter(Boolean).join(' ') || nothing;
    const input = (name: 'phone' | 'website' | 'checkInTime' | 'checkOutTime', type: string, extra: { placeholder?: string; autocomplete?: string } = {}) =>
      single(
        name,
        html`<input
          name=${name}
          type=${type}
          .value=${saved[name]}
          placeholder=${extra.placeholder ?? nothing}
          autocomplete=${extra.autocomplete ?? 'off'}
          aria-invalid=${s.invalid(name)}
          aria-describedby=${described(name)}
        />`,
      );
    const lines = (name: 'amenities' | 'images', hint: string) =>
      single(
        name,
        html`<textarea name=${name} rows="4" spellcheck=${name === 'images' ? 'false' : nothing} .value=${saved[name]} aria-invalid=${s.invalid(name)} aria-describedby=${described(name, true)}></textarea>`,
        hint,
      );
    return html`<form class="form" @submit=${this.#submit}>
      <p class="muted">${t.t('profileLanguagesHint')}</p>
      <section class="card form" aria-labelledby="about-heading">
        <h2 id="about-heading">${t.t('profileAbout')}</h2>
        ${this.#texts(saved, 'name', false)} ${this.#texts(saved, 'description', true)}
        ${single(
          'starRating',
          html`<select name="starRating" aria-invalid=${s.invalid('starRating')} aria-describedby=${described('starRating')}>
            <option value="" ?selected=${saved.starRating === ''}>${t.t('starNone')}</option>
            ${STARS.map((n) => html`<option value=${n} ?selected=${saved.starRating === n}>${n === '1' ? t.t('oneStar') : t.t('stars', { count: n })}</option>`)}
          </select>`,
        )}
      </section>
      <section class="card form" aria-labelledby="where-heading">
        <h2 id="where-heading">${t.t('profileWhereWhen')}</h2>
        ${this.#texts(saved, 'address', false)}
        <div class="inline">${input('phone', 'tel', { placeholder: '+82 33 123 4567', autocomplete: 'tel' })} ${input('website', 'url', { placeholder: 'https://' })}</div>
        <div class="inline">${input('checkInTime', 'time')} ${input('checkOutTime', 'time')}</div>
        ${this.#texts(saved, 'directions', true)}
      </section>
      <section class="card form" aria-labelledby="know-heading">
        <h2 id="know-heading">${t.t('profileGuestsKnow')}</h2>
        ${this.#texts(saved, 'notices', true)} ${lines('amenities', t.t('amenitiesHint'))} ${lines('images', t.t('imagesHint'))}
      </section>
      <section class="card form" aria-labelledby="bookings-heading">
        <h2 id="bookings-heading">${t.t('profileBookings')}</h2>
        <fieldset aria-describedby=${described('status')}>
          <legend class="visually-hidden">${t.t('profileBookings')}</legend>
          ${PROPERTY_STATUSES.map(
            (status) => html`<label class="check"><input type="radio" name="status" value=${status} .checked=${saved.status === status} />${t.t(`status_${status}`)}</label>`,
          )}
          ${s.errorFor('status')}
        </fieldset>
        <label class="check"><input type="checkbox" name="visible" .checked=${saved.visible} aria-describedby="hint-visible" />${t.t('visibleLabel')}</label>
        <span class="hint muted" id="hint-visible">${t.t('visibleHint')}</span>
        ${s.errorFor('visible')}
      </section>
      ${s.feedback(t)}
      <div class="buttons"><button type="submit" class="primary" ?disabled=${s.busy}>${t.t('saveProfile')}</button></div>
    </form>`;
  }

  /** A text's boxes, one per language, under one legend; a message about the whole text goes under them. */
  #texts(saved: ProfileDraft, field: TextField, multiline: boolean) {
    const t = this.i18n;
    const s = this.#save;
    return html`<fieldset aria-describedby=${s.describedBy(field)}>
      <legend>${t.t(`profile_${field}`)}</legend>
      <div class="languages">
        ${LOCALES.map((locale) => {
          const path = `${field}.${locale}`;
          const value = saved.texts[field][locale];
          const invalid = s.fields[path] || s.fields[field] ? 'true' : nothing;
          return html`<label class="field"
            ><span lang=${locale}>${LANGUAGE_NAMES[locale]}</span>
            ${
              multiline
                ? html`<textarea name=${path} lang=${locale} rows="3" .value=${value} aria-invalid=${invalid} aria-describedby=${s.describedBy(path)}></textarea>`
                : html`<input name=${path} lang=${locale} autocomplete="off" .value=${value} aria-invalid=${invalid} aria-describedby=${s.describedBy(path)} />`
            }${s.errorFor(path)}</label
          >`;
        })}
      </div>
      ${s.errorFor(field)}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-profile': DbOwnerProfile;
  }
}
