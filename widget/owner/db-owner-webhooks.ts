import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { WEBHOOK_EVENTS, type WebhookView } from '../../shared/schemas/webhook.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { editStyles, okStyles } from './owner-edit.styles.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { taskError } from './task-error.ts';
import { styles } from './db-owner-webhooks.styles.ts';

const SHOWN = ['url', 'events', 'description'];

/**
 * The owner's webhook endpoints (SPEC 2.18): each with its events, state and recent deliveries; add
 * one (its signing secret is shown once, with a copy button) or delete one.
 */
@defineElement('db-owner-webhooks')
export class DbOwnerWebhooks extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, editStyles, okStyles, styles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;

  /** The endpoint whose deliveries are open, if any. */
  @state() private open?: string;
  /** The new endpoint's signing secret until the owner says it is saved: the server never shows it again. */
  @state() private secret?: { url: string; value: string };
  @state() private copied = false;

  #save = new SaveController(this);

  #task = new Task(this, {
    task: ([api], { signal }) => api.webhooks(signal),
    args: () => [this.api] as const,
  });

  #deliveries = new Task(this, {
    task: ([api, id], { signal }) => (id ? api.webhookDeliveries(id, signal) : Promise.resolve([])),
    args: () => [this.api, this.open] as const,
  });

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const url = (form.elements.namedItem('url') as HTMLInputElement).value.trim();
    const description = (form.elements.namedItem('description') as HTMLInputElement).value.trim();
    const events = WEBHOOK_EVENTS.filter((type) => form.querySelector<HTMLInputElement>(`input[value="${type}"]`)?.checked);
    void this.#save.run(async () => {
      // None ticked: every event, including ones added later.
      const created = await this.api.createWebhook({ url, ...(events.length ? { events } : {}), ...(description ? { description } : {}) });
      form.reset();
      this.copied = false;
      this.secret = { url: created.webhook.url, value: created.secret };
      await this.#task.run();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#secret-heading')?.focus());
      return this.i18n.t('webhookCreated');
    }, SHOWN);
  }

  #delete(webhook: WebhookView) {
    void this.#save.run(async () => {
      await this.api.deleteWebhook(webhook.id);
      if (this.open === webhook.id) this.open = undefined;
      await this.#task.run();
      return this.i18n.t('webhookDeleted', { url: webhook.url });
    });
  }

  async #copy(value: string) {
    await navigator.clipboard.writeText(value);
    this.copied = true;
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('webhooksHeading')}</h1>
      <p class="lead muted">${t.t('webhooksLead')}</p>
      ${this.secret ? this.#renderSecret(this.secret) : nothing}
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: (webhooks) =>
          html`<section class="card" aria-labelledby="endpoints">
            <h2 id="endpoints">${t.t('webhookEndpoints')} <span class="muted">(${webhooks.length})</span></h2>
            ${webhooks.length ? html`<ul class="rows">${webhooks.map((webhook) => this.#renderEndpoint(webhook))}</ul>` : html`<p class="muted">${t.t('noWebhooks')}</p>`}
          </section>`,
      })}
      ${this.#renderForm()}`;
  }

  #renderEndpoint(webhook: WebhookView) {
    const t = this.i18n;
    const open = this.open === webhook.id;
    const events = webhook.events ? webhook.events.map((type) => t.t(`event_${type}`)).join(', ') : t.t('allEvents');
    return html`<li class="row">
      <span>
        <strong class="url">${webhook.url}</strong>${webhook.description ? html`<br /><span>${webhook.description}</span>` : nothing}<br />
        <span class="muted">${events}</span>
        ${webhook.failingSince ? html`<br /><span class="warn">${t.t('webhookFailingSince', { date: this.#when(webhook.failingSince) })}</span>` : nothing}
      </span>
      <span class="chip ${webhook.status === 'active' ? 'active' : 'expired'}">${t.t(`webhook_${webhook.status}`)}</span>
      <div class="row-actions">
        <button type="button" class="secondary" aria-expanded=${open ? 'true' : 'false'} aria-controls="deliveries-${webhook.id}" @click=${() => (this.open = open ? undefined : webhook.id)}>
          ${t.t(open ? 'hideDeliveries' : 'showDeliveries')}<span class="visually-hidden"> ${webhook.url}</span>
        </button>
        <button type="button" class="secondary" ?disabled=${this.#save.busy} @click=${() => this.#delete(webhook)}>
          ${t.t('delete')}<span class="visually-hidden"> ${webhook.url}</span>
        </button>
      </div>
      ${open ? this.#renderDeliveries(webhook) : nothing}
    </li>`;
  }

  #when(iso: string) {
    return new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  #renderDeliveries(webhook: WebhookView) {
    const t = this.i18n;
    return html`<div class="deliveries" id="deliveries-${webhook.id}">
      <h3>${t.t('deliveriesHeading')}</h3>
      ${this.#deliveries.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#deliveries.run()),
        complete: (deliveries) =>
          deliveries.length
            ? html`<ul class="attempts">
                ${deliveries.map((d) => {
                  const ok = d.statusCode !== null && d.statusCode >= 200 && d.statusCode < 300;
                  return html`<li>
                    <span class="chip ${ok ? 'active' : 'expired'}">${t.t(ok ? 'deliveryOk' : 'deliveryFailed')}</span>
                    <span
                      ><strong>${t.t(`event_${d.eventType}`)}</strong> · ${t.t('deliveryAttempt', { attempt: d.attempt })}<br />
                      <span class="muted"
                        ><time datetime=${d.attemptedAt}>${this.#when(d.attemptedAt)}</time> ·
                        ${d.statusCode === null ? t.t('deliveryNoAnswer', { error: d.error ?? '' }) : t.t('deliveryStatus', { code: d.statusCode, ms: d.durationMs })}</span
                      ></span
                    >
                  </li>`;
                })}
              </ul>`
            : html`<p class="muted">${t.t('noDeliveries')}</p>`,
      })}
    </div>`;
  }

  #renderSecret(secret: { url: string; value: string }) {
    const t = this.i18n;
    return html`<section class="card secret" aria-labelledby="secret-heading">
      <h2 id="secret-heading" tabindex="-1">${t.t('secretHeading', { url: secret.url })}</h2>
      <p>${t.t('secretOnce')}</p>
      <pre class="snippet">${secret.value}</pre>
      <div class="buttons">
        <button type="button" class="primary" @click=${() => void this.#copy(secret.value)}>${t.t('copySecret')}</button>
        <button type="button" class="secondary" @click=${() => (this.secret = undefined)}>${t.t('secretSaved')}</button>
      </div>
      <p class="visually-hidden" role="status">${this.copied ? t.t('copied') : ''}</p>
      ${this.copied ? html`<p class="status-line" aria-hidden="true">${t.t('copied')}</p>` : nothing}
    </section>`;
  }

  #renderForm() {
    const t = this.i18n;
    const s = this.#save;
    return html`<section class="card" aria-labelledby="add-webhook">
      <h2 id="add-webhook">${t.t('addWebhook')}</h2>
      <form class="form" @submit=${this.#submit}>
        <label class="field"
          >${t.t('webhookUrl')}
          <input
            name="url"
            type="url"
            inputmode="url"
            required
            autocomplete="off"
            placeholder="https://"
            aria-invalid=${s.invalid('url')}
            aria-describedby=${s.describedBy('url')}
          />${s.errorFor('url')}</label
        >
        <fieldset aria-describedby="events-hint ${s.fields['events'] ? 'error-events' : ''}">
          <legend>${t.t('webhookEvents')}</legend>
          <p class="hint muted" id="events-hint">${t.t('webhookEventsHint')}</p>
          <div class="choices">${WEBHOOK_EVENTS.map((type) => html`<label><input type="checkbox" name="events" value=${type} />${t.t(`event_${type}`)}</label>`)}</div>
          ${s.errorFor('events')}
        </fieldset>
        <label class="field"
          >${t.t('webhookDescription')} <span class="hint muted">${t.t('optional')}</span>
          <input name="description" maxlength="500" autocomplete="off" aria-invalid=${s.invalid('description')} aria-describedby=${s.describedBy('description')} />${s.errorFor(
            'description',
          )}</label
        >
        ${s.feedback(t)}
        <div class="buttons"><button type="submit" class="primary" ?disabled=${s.busy}>${t.t('createWebhook')}</button></div>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-webhooks': DbOwnerWebhooks;
  }
}
