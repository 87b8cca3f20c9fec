// SPEC 3: a 400 names each wrong field by its path in `details`; the console shows each message under
// the field it is about, and says in one alert that fields need fixing, so a screen reader hears it.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ApiError } from '../api.ts';
import type { OwnerI18n } from './owner-i18n.ts';

export type FieldErrors = Readonly<Record<string, string>>;

/** The field a server path belongs to: itself or the longest shown field it lies under ("deposit.percent" under "deposit"). */
function placeOf(path: string, shown: readonly string[]): string | undefined {
  return shown.filter((field) => path === field || path.startsWith(`${field}.`)).sort((a, b) => b.length - a.length)[0];
}

const errorId = (path: string) => `error-${path.replace(/[^\w-]/g, '-')}`;

/** One screen's save: busy while it runs, then what was done, or the errors by field and for the whole form. */
export class SaveController implements ReactiveController {
  busy = false;
  done = '';
  error = '';
  fields: FieldErrors = {};

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {}

  /**
   * Runs a save whose answer is the sentence to announce; `shown` lists the field paths on screen, so
   * a detail for any other path still reaches the owner, in the form's alert. True when it saved.
   */
  async run(action: () => Promise<string>, shown: readonly string[] = []): Promise<boolean> {
    this.#set({ busy: true, done: '', error: '', fields: {} });
    try {
      this.#set({ done: await action() });
      return true;
    } catch (error) {
      const fields: Record<string, string> = {};
      const elsewhere: string[] = [];
      for (const detail of error instanceof ApiError ? error.details : []) {
        const place = placeOf(detail.path, shown);
        if (place) fields[place] ??= detail.message;
        else elsewhere.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
      }
      const placed = Object.keys(fields).length > 0;
      this.#set({ fields, error: elsewhere.join(' ') || (placed ? '' : (error as Error).message) });
      return false;
    } finally {
      this.#set({ busy: false });
    }
  }

  /**
   * Runs an action taken as a whole (cancel, mark charged, set prices) and then `reload`s the screen;
   * the sentence it answers is said once the screen shows the change and the form is back, not while
   * it is read again. A refusal shows the server's first reason, in the form's alert.
   */
  async act(action: () => Promise<string>, reload: () => Promise<unknown>): Promise<void> {
    this.#set({ busy: true, done: '', error: '', fields: {} });
    try {
      const done = await action();
      await reload();
      this.#set({ done });
    } catch (error) {
      this.#set({ error: (error instanceof ApiError ? error.details[0]?.message : undefined) ?? (error as Error).message });
    } finally {
      this.#set({ busy: false });
    }
  }

  /** Errors the console finds itself before asking the server (an amount it cannot read). */
  reject(fields: FieldErrors) {
    this.#set({ done: '', error: '', fields });
  }

  /** A refusal the console finds itself, for the whole form. */
  refuse(message: string) {
    this.#set({ done: '', error: message, fields: {} });
  }

  #set(change: Partial<Pick<SaveController, 'busy' | 'done' | 'error' | 'fields'>>) {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  /** The message under a field, linked to it by `aria-describedby=${save.describedBy(path)}`. */
  errorFor(path: string) {
    const message = this.fields[path];
    return message ? html`<span class="field-error" id=${errorId(path)}>${message}</span>` : nothing;
  }

  describedBy(path: string) {
    return this.fields[path] ? errorId(path) : nothing;
  }

  invalid(path: string) {
    return this.fields[path] ? 'true' : nothing;
  }

  /** The announced outcome: what was saved, or an alert that names the problem or points at the fields. */
  feedback(i18n: OwnerI18n) {
    const fieldsWrong = Object.keys(this.fields).length > 0;
    return html`<p class="visually-hidden" role="status">${this.done}</p>
      ${this.done ? html`<p class="status-line" aria-hidden="true">${this.done}</p>` : nothing}
      ${this.error || fieldsWrong ? html`<p class="banner error" role="alert">${this.error || i18n.t('fixFields')}</p>` : nothing}`;
  }
}
