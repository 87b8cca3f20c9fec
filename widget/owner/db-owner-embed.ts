import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Property } from '../../shared/schemas/property.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { editStyles, okStyles } from './owner-edit.styles.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { taskError } from './task-error.ts';

/** The origin a browser would send for an address the owner types ("harbour.example/book" → "https://harbour.example"). */
function originOf(address: string): string | undefined {
  const trimmed = address.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return url.origin;
  } catch {
    return undefined;
  }
}

/**
 * Putting the widget on the owner's site (SPEC 2.23): the snippet to copy, the sites allowed to show
 * it (`allowedOrigins`), and a test of a site's address against that list. A browser cannot ask the
 * API as another site, so the test compares the address with the list here, and shows what the API
 * answers this console's own origin.
 */
@defineElement('db-owner-embed')
export class DbOwnerEmbed extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, editStyles, okStyles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;

  @state() private tested = '';
  @state() private copied = false;

  #save = new SaveController(this);

  #task = new Task(this, {
    task: ([api], { signal }) => Promise.all([api.property(signal), api.embedAllowedHere(signal)]),
    args: () => [this.api] as const,
  });

  get #snippet() {
    return `<script type="module" src="${location.origin}/widget.js"></script>\n<direct-book property="${this.api.session.propertyId}"></direct-book>`;
  }

  async #copy() {
    await navigator.clipboard.writeText(this.#snippet);
    this.copied = true;
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const text = ((event.target as HTMLFormElement).elements.namedItem('origins') as HTMLTextAreaElement).value;
    const allowedOrigins = text
      .split(/\s+/)
      .map((line) => line.trim())
      .filter(Boolean);
    void this.#save.run(async () => {
      await this.api.updateProperty({ allowedOrigins });
      await this.#task.run();
      return this.i18n.t('originsSaved');
    }, ['allowedOrigins']);
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('embedHeading')}</h1>
      <section class="card" aria-labelledby="snippet-heading">
        <h2 id="snippet-heading">${t.t('snippetHeading')}</h2>
        <p>${t.t('snippetHint')}</p>
        <pre class="snippet" tabindex="0" aria-labelledby="snippet-heading"><code>${this.#snippet}</code></pre>
        <button type="button" class="secondary" @click=${() => void this.#copy()}>${t.t('copySnippet')}</button>
        <p class="visually-hidden" role="status">${this.copied ? t.t('copied') : ''}</p>
        ${this.copied ? html`<p class="status-line" aria-hidden="true">${t.t('copied')}</p>` : nothing}
      </section>
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: ([property, embedAllowedHere]) => html`${this.#renderOrigins(property)} ${this.#renderTest(property, embedAllowedHere)}`,
      })}`;
  }

  #renderOrigins(property: Property) {
    const t = this.i18n;
    const s = this.#save;
    return html`<section class="card" aria-labelledby="origins-heading">
      <h2 id="origins-heading">${t.t('originsHeading')}</h2>
      <form class="form" @submit=${this.#submit}>
        <label class="field"
          >${t.t('originsLabel')} <span class="hint muted" id="origins-hint">${t.t('originsHint')}</span>
          <textarea
            name="origins"
            rows="4"
            spellcheck="false"
            autocapitalize="off"
            .value=${property.allowedOrigins.join('\n')}
            aria-invalid=${s.invalid('allowedOrigins')}
            aria-describedby="origins-hint ${s.fields['allowedOrigins'] ? 'error-allowedOrigins' : ''}"
          ></textarea>
          ${s.errorFor('allowedOrigins')}</label
        >
        ${s.feedback(t)}
        <div class="buttons"><button type="submit" class="primary" ?disabled=${s.busy}>${t.t('saveOrigins')}</button></div>
      </form>
    </section>`;
  }

  #renderTest(property: Property, embedAllowedHere: boolean) {
    const t = this.i18n;
    const origin = originOf(this.tested);
    const listed = origin !== undefined && property.allowedOrigins.includes(origin);
    return html`<section class="card form" aria-labelledby="test-heading">
      <h2 id="test-heading">${t.t('testHeading')}</h2>
      <label class="field"
        >${t.t('testLabel')}
        <input type="url" inputmode="url" autocomplete="url" placeholder="https://" .value=${this.tested} @input=${(e: Event) => (this.tested = (e.target as HTMLInputElement).value)} />
      </label>
      <p role="status" class=${origin ? (listed ? 'banner ok' : 'banner error') : ''}>
        ${origin ? t.t(listed ? 'testListed' : 'testNotListed', { origin }) : this.tested ? t.t('testNotAnAddress') : ''}
      </p>
      <p class="muted">${t.t(embedAllowedHere ? 'consoleAllowed' : 'consoleNotAllowed', { origin: location.origin })} ${t.t('testExplained')}</p>
      <pre class="snippet" tabindex="0" aria-label=${t.t('curlCheck')}><code>curl -H 'Origin: ${origin ?? 'https://your-site.example'}' ${location.origin}/api/v1/public/properties/${property.id}</code></pre>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-embed': DbOwnerEmbed;
  }
}
