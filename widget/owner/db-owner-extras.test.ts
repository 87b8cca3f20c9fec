import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Extra } from '../../shared/schemas/extra.ts';
import { stubFetch } from '../../test/support/widget.ts';
import './db-owner-extras.ts';
import type { DbOwnerExtras } from './db-owner-extras.ts';
import { api, BASE, i18n, session } from './owner-fixtures.test-support.ts';

describe('db-owner-extras', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  async function extrasScreen() {
    let extras: Extra[] = [{ id: 'ex_1', propertyId: 'prop_1', name: 'Breakfast', description: null, price: 1_500, per: 'guest_night' }];
    fetchStub = stubFetch((call) => {
      if (call.method === 'POST') {
        const extra = { id: 'ex_2', propertyId: 'prop_1', description: null, ...(call.body as Omit<Extra, 'id' | 'propertyId' | 'description'>) };
        extras = [...extras, extra];
        return { status: 201, body: { extra } };
      }
      if (call.method === 'DELETE') {
        extras = extras.filter((e) => call.url.pathname !== `${BASE}/extras/${e.id}`);
        return { body: {} };
      }
      return { body: { extras } };
    });
    const el = await fixture<DbOwnerExtras>(html`<db-owner-extras .api=${api} .i18n=${i18n}></db-owner-extras>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.rows'), 'the extras are shown');
    return el;
  }

  const names = (el: DbOwnerExtras) => [...el.shadowRoot!.querySelectorAll('.rows strong')].map((s) => s.textContent);

  it('lists each extra with its price and what it is charged per', async () => {
    const el = await extrasScreen();
    expect(el.shadowRoot!.querySelector('.rows')!.textContent).to.contain('Breakfast').and.contain('$15.00 per guest per night');
    await expect(el).to.be.accessible();
  });

  it('adds an extra in the currency’s major unit and removes one', async () => {
    const el = await extrasScreen();
    const form = el.shadowRoot!.querySelector('form')!;
    form.querySelector<HTMLInputElement>('input[name=name]')!.value = 'Parking';
    form.querySelector<HTMLInputElement>('input[name=price]')!.value = '10';
    form.querySelector('select')!.value = 'stay';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => names(el).length === 2, 'two extras');
    const post = fetchStub!.calls.find((c) => c.method === 'POST')!;
    expect(post.body).to.deep.equal({ name: 'Parking', price: 1_000, per: 'stay' });
    expect(post.headers.get('x-csrf-token')).to.equal(session.csrfToken);
    expect(el.shadowRoot!.querySelector('[role=status]:not(.muted)')!.textContent).to.equal('Parking added.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.rows button')!.click();
    await waitUntil(() => names(el).length === 1, 'one extra');
    expect(names(el)).to.deep.equal(['Parking']);
    await expect(el).to.be.accessible();
  });
});
