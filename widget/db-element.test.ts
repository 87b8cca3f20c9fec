import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { i18nContext } from './context.ts';
import { I18n, loadCatalog } from './i18n.ts';
import './db-stepper.ts';
import type { DbStepper } from './db-stepper.ts';

const label = (el: DbStepper) => el.shadowRoot!.querySelector('button')!.getAttribute('aria-label');

describe('the elements of the widget', () => {
  before(() => loadCatalog('ko'));

  it('speak English on their own', async () => {
    const el = await fixture<DbStepper>(html`<db-stepper label="Adults"></db-stepper>`);
    expect(label(el)).to.equal('Fewer: Adults');
  });

  it('speak the language the widget around them provides, and follow when it changes', async () => {
    const parentNode = document.createElement('div');
    const provider = new ContextProvider(parentNode, { context: i18nContext, initialValue: new I18n('ko', 'KRW') });
    const el = await fixture<DbStepper>(html`<db-stepper label="성인"></db-stepper>`, { parentNode });
    expect(label(el)).to.equal('성인 줄이기');
    provider.setValue(new I18n('en', 'USD'));
    await el.updateComplete;
    expect(label(el)).to.equal('Fewer: 성인');
  });
});
