import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays } from '../../shared/dates.ts';
import type { Closures } from '../../shared/schemas/property.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { editStyles } from './owner-edit.styles.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { taskError } from './task-error.ts';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
const A_SUNDAY = '2023-01-01';

/**
 * Closures and holidays (SPEC 2.22): weekly closed days, single closed dates, closing on public
 * holidays, and the coming year's holidays, each of which can be kept open. One PUT saves them all.
 */
@defineElement('db-owner-closures')
export class DbOwnerClosures extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, editStyles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;

  /** What the form holds, saved or not. */
  @state() private draft?: Closures;

  #save = new SaveController(this);

  #task = new Task(this, {
    task: async ([api], { signal }) => {
      const [closures, holidays] = await Promise.all([api.closures(signal), api.holidays(signal)]);
      this.draft = closures;
      return holidays;
    },
    args: () => [this.api] as const,
  });

  #change(change: Partial<Closures>) {
    this.draft = { ...this.draft!, ...change };
  }

  #toggle<T extends string | number>(list: readonly T[], item: T, on: boolean): T[] {
    return on ? [...new Set([...list, item])].sort((a, b) => (a < b ? -1 : 1)) : list.filter((x) => x !== item);
  }

  #addDate(event: SubmitEvent) {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('date') as HTMLInputElement;
    if (!input.value) return;
    this.#change({ dates: this.#toggle(this.draft!.dates, input.value, true) });
    input.value = '';
  }

  #submit() {
    const draft = this.draft!;
    void this.#save.run(async () => {
      await this.api.setClosures(draft);
      return this.i18n.t('closuresSaved');
    }, ['weekdays', 'publicHolidays', 'dates', 'openHolidays']);
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('closuresHeading')}</h1>
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: (holidays) => {
          const draft = this.draft!;
          const s = this.#save;
          const day = (date: string) => t.date(date, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
          return html`<section class="card form" aria-labelledby="weekly-heading">
              <h2 id="weekly-heading">${t.t('weeklyClosed')}</h2>
              <fieldset aria-describedby=${s.describedBy('weekdays')}>
                <legend class="visually-hidden">${t.t('weeklyClosed')}</legend>
                <div class="choices">
                  ${WEEKDAYS.map(
                    (weekday) =>
                      html`<label
                        ><input
                          type="checkbox"
                          .checked=${draft.weekdays.includes(weekday)}
                          @change=${(e: Event) => this.#change({ weekdays: this.#toggle(draft.weekdays, weekday, (e.target as HTMLInputElement).checked) })}
                        />${t.date(addDays(A_SUNDAY, weekday), { weekday: 'long' })}</label
                      >`,
                  )}
                </div>
                ${s.errorFor('weekdays')}
              </fieldset>
            </section>
            <section class="card form" aria-labelledby="dates-heading">
              <h2 id="dates-heading">${t.t('closedDates')}</h2>
              ${
                draft.dates.length
                  ? html`<ul class="rows">
                    ${draft.dates.map(
                      (date) =>
                        html`<li class="row">
                          <span>${day(date)}</span>
                          <button type="button" class="secondary remove" @click=${() => this.#change({ dates: this.#toggle(draft.dates, date, false) })}>
                            <span aria-hidden="true">×</span><span class="visually-hidden">${t.t('reopenDate', { date: day(date) })}</span>
                          </button>
                        </li>`,
                    )}
                  </ul>`
                  : html`<p class="muted">${t.t('noClosedDates')}</p>`
              }
              ${s.errorFor('dates')}
              <form class="inline" @submit=${this.#addDate}>
                <label class="field">${t.t('closeDate')}<input type="date" name="date" required /></label>
                <button type="submit" class="secondary">${t.t('addClosedDate')}</button>
              </form>
            </section>
            <section class="card form" aria-labelledby="holidays-heading">
              <h2 id="holidays-heading">${t.t('publicHolidaysHeading')}</h2>
              <label class="check"
                ><input type="checkbox" .checked=${draft.publicHolidays} @change=${(e: Event) => this.#change({ publicHolidays: (e.target as HTMLInputElement).checked })} aria-describedby="holidays-hint" />${t.t(
                  'closeOnHolidays',
                )}</label
              >
              <p id="holidays-hint" class="hint muted">${t.t(holidays.length ? 'keepOpenHint' : 'noHolidays')}</p>
              ${
                holidays.length
                  ? html`<ul class="rows">
                    ${holidays.map((holiday) => {
                      const open = draft.openHolidays.includes(holiday.date);
                      return html`<li>
                        <label class="check">
                          <input
                            type="checkbox"
                            .checked=${open}
                            ?disabled=${!draft.publicHolidays}
                            @change=${(e: Event) => this.#change({ openHolidays: this.#toggle(draft.openHolidays, holiday.date, (e.target as HTMLInputElement).checked) })}
                          />
                          <span>${t.t('keepOpen', { name: holiday.name })}<br /><span class="muted">${day(holiday.date)}</span></span>
                        </label>
                      </li>`;
                    })}
                  </ul>`
                  : nothing
              }
              ${s.errorFor('openHolidays')}
            </section>
            ${s.feedback(t)}
            <button type="button" class="primary" ?disabled=${s.busy} @click=${() => this.#submit()}>${t.t('saveClosures')}</button>`;
        },
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-closures': DbOwnerClosures;
  }
}
