import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nextEvent, stubFetch } from '../../test/support/widget.ts';
import './db-owner-sign-in.ts';
import type { DbOwnerSignIn } from './db-owner-sign-in.ts';
import { i18n, session } from './owner-fixtures.test-support.ts';

describe('db-owner-sign-in', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  const signIn = (el: DbOwnerSignIn, key: string) => {
    el.shadowRoot!.querySelector('input')!.value = key;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  };

  it('opens a session with the pasted key', async () => {
    fetchStub = stubFetch(() => ({ status: 201, body: session }));
    const el = await fixture<DbOwnerSignIn>(html`<db-owner-sign-in .i18n=${i18n}></db-owner-sign-in>`);
    const signedIn = nextEvent(el, 'db-signed-in');
    signIn(el, '  dbk.prop_1.secret  ');
    const event = await signedIn;
    expect(event.api.session).to.deep.equal(session);
    expect(fetchStub.calls[0]!.method).to.equal('POST');
    expect(fetchStub.calls[0]!.url.pathname).to.equal('/owner/api/session');
    expect(fetchStub.calls[0]!.body).to.deep.equal({ key: '  dbk.prop_1.secret  ' });
  });

  it('says a wrong key is not valid, and keeps the owner in the field', async () => {
    fetchStub = stubFetch(() => ({ status: 401, body: { error: { code: 'unauthorized', message: 'no' } } }));
    const el = await fixture<DbOwnerSignIn>(html`<db-owner-sign-in .i18n=${i18n}></db-owner-sign-in>`);
    signIn(el, 'dbk.prop_1.wrong');
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'the error is shown');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('This key is not valid');
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('input'));
    expect(el.shadowRoot!.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('is accessible', async () => {
    const el = await fixture<DbOwnerSignIn>(html`<db-owner-sign-in .i18n=${i18n}></db-owner-sign-in>`);
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.contain('Property key');
    await expect(el).to.be.accessible();
  });
});
