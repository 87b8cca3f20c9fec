// SPEC 4: the designed error state of whatever failed to load (the property, the rates, the
// quote), in the guest's words rather than the server's.
import { css, html, nothing } from 'lit';
import { ApiError, isNetworkError } from './api.ts';
import type { I18n } from './i18n.ts';

/** Says what went wrong and offers to try again, unless the property does not exist. */
export function errorState(i18n: I18n, error: unknown, retry: () => void) {
  const notFound = error instanceof ApiError && error.status === 404;
  return html`<div class="error-state" role="alert">
    <p>${i18n.t(isNetworkError(error) ? 'errorNetwork' : notFound ? 'errorNotFound' : 'errorGeneric')}</p>
    ${notFound ? nothing : html`<button type="button" class="secondary" @click=${retry}>${i18n.t('retry')}</button>`}
  </div>`;
}

export const errorStateStyles = css`
  .error-state {
    display: grid;
    justify-items: center;
    gap: 0.75rem;
    text-align: center;
    padding: 2rem 1rem;
    border-radius: var(--_radius);
    background: var(--_surface-muted);
    margin: 0.5rem 0 1rem;
  }
`;
