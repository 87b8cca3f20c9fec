import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import { i18nContext } from './context.ts';
import { I18n } from './i18n.ts';

// Outside a <direct-book> (an element on its own, as in its tests) the widget speaks English.
const fallback = new I18n('en', 'USD');

/** The base of every element inside <direct-book>: each speaks the language the root provides. */
export class DbElement extends LitElement {
  // Subscribed: the property's own language and currency arrive after the first paint.
  #i18n = new ContextConsumer(this, { context: i18nContext, subscribe: true });

  /** The guest's language and the property's currency. */
  protected get i18n(): I18n {
    return this.#i18n.value ?? fallback;
  }
}
