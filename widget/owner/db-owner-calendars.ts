import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CalendarView } from '../../shared/schemas/calendar.ts';
import type { RoomType } from '../../shared/schemas/room-type.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { editStyles } from './owner-edit.styles.ts';
import { bookingPath } from './owner-routes.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { taskError } from './task-error.ts';
import { styles } from './db-owner-calendars.styles.ts';

interface Channel {
  roomType: RoomType;
  feedUrl: string;
  calendars: CalendarView[];
}

/**
 * Channel calendars (SPEC 2.19), per room type: the export feed URL to give other channels (copy, or
 * replace it after a confirmation), and the calendars imported from them with their last sync and
 * conflicts; add, sync now, remove.
 */
@defineElement('db-owner-calendars')
export class DbOwnerCalendars extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, editStyles, styles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;

  /** The room type whose feed is waiting for the owner to confirm its replacement. */
  @state() private rotating?: string;
  /** The room type whose add form the save's field errors belong to. */
  @state() private adding?: string;
  @state() private copied?: string;

  #save = new SaveController(this);

  #task = new Task(this, {
    task: async ([api], { signal }): Promise<Channel[]> => {
      const roomTypes = await api.roomTypes(signal);
      return Promise.all(
        roomTypes.map(async (roomType) => {
          const [feedUrl, calendars] = await Promise.all([api.icalFeed(roomType.id, signal), api.calendars(roomType.id, signal)]);
          return { roomType, feedUrl, calendars };
        }),
      );
    },
    args: () => [this.api] as const,
  });

  #run(roomTypeId: string | undefined, action: () => Promise<string>, shown: readonly string[] = []) {
    this.adding = roomTypeId;
    return this.#save.run(async () => {
      const done = await action();
      await this.#task.run();
      return done;
    }, shown);
  }

  #add(event: SubmitEvent, roomType: RoomType) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const name = value('name');
    void this.#run(
      roomType.id,
      async () => {
        const calendar = await this.api.addCalendar(roomType.id, { name, url: value('url') });
        form.reset();
        return calendar.lastError ? this.i18n.t('calendarAddedFailing', { name, error: calendar.lastError }) : this.i18n.t('calendarAdded', { name, events: calendar.events });
      },
      ['name', 'url'],
    );
  }

  #sync(roomType: RoomType, calendar: CalendarView) {
    void this.#run(undefined, async () => {
      const result = await this.api.syncCalendar(roomType.id, calendar.id);
      return this.i18n.t('calendarSynced', { name: calendar.name, events: result.events, blocked: result.blocked, conflicts: result.conflicts });
    });
  }

  #remove(roomType: RoomType, calendar: CalendarView) {
    void this.#run(undefined, async () => {
      await this.api.deleteCalendar(roomType.id, calendar.id);
      return this.i18n.t('calendarRemoved', { name: calendar.name });
    });
  }

  #rotate(roomType: RoomType) {
    void this.#run(undefined, async () => {
      await this.api.rotateIcalFeed(roomType.id);
      this.rotating = undefined;
      return this.i18n.t('feedRotated', { roomType: this.i18n.text(roomType.name) });
    });
  }

  async #copy(channel: Channel) {
    await navigator.clipboard.writeText(channel.feedUrl);
    this.copied = channel.roomType.id;
  }

  #when(iso: string) {
    return new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('calendarsHeading')}</h1>
      <p class="lead muted">${t.t('calendarsLead')}</p>
      ${this.adding === undefined ? this.#save.feedback(t) : nothing}
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: (channels) => (channels.length ? channels.map((channel) => this.#renderChannel(channel)) : html`<p class="card muted">${t.t('noRoomTypes')}</p>`),
      })}`;
  }

  #renderChannel(channel: Channel) {
    const t = this.i18n;
    const { roomType } = channel;
    const name = t.text(roomType.name);
    const id = roomType.id;
    return html`<section class="card" aria-labelledby="rt-${id}">
      <h2 id="rt-${id}">${name}</h2>
      <h3>${t.t('exportFeed')}</h3>
      <p class="muted">${t.t('exportFeedHint')}</p>
      <pre class="snippet" aria-label=${t.t('feedUrlOf', { roomType: name })}>${channel.feedUrl}</pre>
      <div class="buttons">
        <button type="button" class="secondary" @click=${() => void this.#copy(channel)}>${t.t('copyFeed')}<span class="visually-hidden"> ${name}</span></button>
        <button type="button" class="secondary" aria-expanded=${this.rotating === id ? 'true' : 'false'} @click=${() => (this.rotating = this.rotating === id ? undefined : id)}>
          ${t.t('rotateFeed')}<span class="visually-hidden"> ${name}</span>
        </button>
      </div>
      <p class="visually-hidden" role="status">${this.copied === id ? t.t('copied') : ''}</p>
      ${this.copied === id ? html`<p class="status-line" aria-hidden="true">${t.t('copied')}</p>` : nothing}
      ${
        this.rotating === id
          ? html`<div class="confirm" role="group" aria-labelledby="rotate-${id}">
            <p id="rotate-${id}">${t.t('rotateFeedWarning')}</p>
            <div class="buttons">
              <button type="button" class="primary" ?disabled=${this.#save.busy} @click=${() => this.#rotate(roomType)}>${t.t('rotateFeedConfirm')}</button>
              <button type="button" class="secondary" @click=${() => (this.rotating = undefined)}>${t.t('rotateFeedKeep')}</button>
            </div>
          </div>`
          : nothing
      }
      <h3>${t.t('importedCalendars')}</h3>
      ${
        channel.calendars.length
          ? html`<ul class="rows">
            ${channel.calendars.map((calendar) => this.#renderCalendar(roomType, calendar))}
          </ul>`
          : html`<p class="muted">${t.t('noCalendars')}</p>`
      }
      ${this.#renderAdd(roomType)}
    </section>`;
  }

  #renderCalendar(roomType: RoomType, calendar: CalendarView) {
    const t = this.i18n;
    return html`<li class="row">
      <span>
        <strong>${calendar.name}</strong><br />
        <span class="muted url">${calendar.url}</span><br />
        <span>${calendar.lastSyncAt ? t.t('lastSync', { when: this.#when(calendar.lastSyncAt), events: calendar.events, blocked: calendar.blocked }) : t.t('neverSynced')}</span>
        ${calendar.lastError ? html`<br /><span class="warn">${t.t('syncError', { error: calendar.lastError })}</span>` : nothing}
      </span>
      <span class="chip ${calendar.conflicts.length ? 'expired' : calendar.lastError ? 'pending' : 'active'}"
        >${calendar.conflicts.length ? t.t('conflictCount', { count: calendar.conflicts.length }) : t.t(calendar.lastError ? 'syncFailing' : 'syncOk')}</span
      >
      ${
        calendar.conflicts.length
          ? html`<ul class="conflicts" aria-label=${t.t('conflictsOf', { name: calendar.name })}>
            ${calendar.conflicts.map(
              (c) =>
                html`<li>
                  <strong>${t.date(c.date, { weekday: 'short', day: 'numeric', month: 'short' })}</strong> · ${c.summary || t.t('untitledEvent')}${
                    c.bookingId ? html` · <a href=${bookingPath(c.bookingId)}>${t.t('conflictBooking')}</a>` : nothing
                  }
                </li>`,
            )}
          </ul>`
          : nothing
      }
      <div class="row-actions">
        <button type="button" class="secondary" ?disabled=${this.#save.busy} @click=${() => this.#sync(roomType, calendar)}>
          ${t.t('syncNow')}<span class="visually-hidden"> ${calendar.name}</span>
        </button>
        <button type="button" class="secondary" ?disabled=${this.#save.busy} @click=${() => this.#remove(roomType, calendar)}>
          ${t.t('removeCalendar')}<span class="visually-hidden"> ${calendar.name}</span>
        </button>
      </div>
    </li>`;
  }

  #renderAdd(roomType: RoomType) {
    const t = this.i18n;
    // Field errors and the outcome belong to the form that was sent; the others stay clean.
    const mine = this.adding === roomType.id;
    const s = this.#save;
    const id = roomType.id;
    const field = (name: 'name' | 'url', label: string, type: string) =>
      html`<label class="field"
        >${label}
        <input
          name=${name}
          type=${type}
          required
          autocomplete="off"
          aria-invalid=${mine ? s.invalid(name) : nothing}
          aria-describedby=${mine ? s.describedBy(name) : nothing}
        />${mine ? s.errorFor(name) : nothing}</label
      >`;
    return html`<form class="form add" aria-labelledby="add-${id}" @submit=${(e: SubmitEvent) => this.#add(e, roomType)}>
      <h3 id="add-${id}">${t.t('addCalendar')}</h3>
      <div class="inline">${field('name', t.t('calendarName'), 'text')} ${field('url', t.t('calendarUrl'), 'url')}</div>
      ${mine ? s.feedback(t) : nothing}
      <div class="buttons"><button type="submit" class="primary" ?disabled=${s.busy}>${t.t('addCalendar')}</button></div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-calendars': DbOwnerCalendars;
  }
}
