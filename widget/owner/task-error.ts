// A screen's failed load, with the server's reason and a retry.
import { html } from 'lit';
import { isNetworkError } from '../api.ts';
import type { OwnerI18n } from './owner-i18n.ts';

export const taskError = (i18n: OwnerI18n, error: unknown, retry: () => void) =>
  html`<div class="card" role="alert">
    <p>${isNetworkError(error) ? i18n.t('errorNetwork') : i18n.t('errorGeneric', { message: (error as Error).message })}</p>
    <button type="button" class="secondary" @click=${retry}>${i18n.t('retry')}</button>
  </div>`;
