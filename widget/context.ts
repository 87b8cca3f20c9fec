// The root provides these once; every element below reads them instead of taking props.
import { createContext } from '@lit/context';
import type { Api } from './api.ts';
import type { I18n } from './i18n.ts';

export const apiContext = createContext<Api | undefined>(Symbol('directbook-api'));
export const i18nContext = createContext<I18n>(Symbol('directbook-i18n'));
