// What <direct-book> provides to every element below it, however deep, through @lit/context:
// the guest's language and the API client, so no element hands them down to the next.
import { createContext } from '@lit/context';
import type { Api } from './api.ts';
import type { I18n } from './i18n.ts';

export const i18nContext = createContext<I18n>(Symbol('db-i18n'));

/** Unset while <direct-book> has no property to ask about. */
export const apiContext = createContext<Api | undefined>(Symbol('db-api'));
