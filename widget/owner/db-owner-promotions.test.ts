import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Promotion } from '../../shared/schemas/promotion.ts';
import { stubFetch } from '../../test/support/widget.ts';
import './db-owner-promotions.ts';
import type { DbOwnerPromotions } from './db-owner-promotions.ts';
import { api, BASE, i18n, rate, session } from './owner-fixtures.test-support.ts';

const summer: Promotion = {
  id: 'promo_1',
  propertyId: 'prop_1',
  code: 'SUMMER',
  name: 'Summer',
  discount: { type: 'percent', percent: 10 },
  rateIds: null,
  stayFrom: null,
  stayUntil: null,
  bookFrom: null,
  bookUntil: null,
  minNights: null,
  maxUses: 20,
  uses: 3,
  active: true,
};

describe('db-owner-promotions', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  async function screen() {
    let promotions = [summer];
    fetchStub = stubFetch((call) => {
      if (call.url.pathname === `${BASE}/rates`) return { body: { rates: [rate] } };
      if (call.method === 'POST') {
        const body = call.body as Partial<Promotion>;
        if (body.discount?.type === 'percent' && body.discount.percent > 100)
          return {
            status: 400,
            body: {
              error: { code: 'invalid_input', message: 'discount.percent: percent must be at most 100', details: [{ path: 'discount.percent', message: 'percent must be at most 100' }] },
            },
          };
        const promotion = { ...summer, ...body, id: 'promo_2', uses: 0, active: true };
        promotions = [...promotions, promotion];
        return { status: 201, body: { promotion } };
      }
      if (call.method === 'PATCH') {
        promotions = promotions.map((p) => (call.url.pathname.endsWith(p.id) ? { ...p, ...(call.body as Partial<Promotion>) } : p));
        return { body: { promotion: promotions[0] } };
      }
      return { body: { promotions } };
    });
    const el = await fixture<DbOwnerPromotions>(html`<db-owner-promotions .api=${api} .i18n=${i18n}></db-owner-promotions>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.rows'), 'the promotions are shown');
    return el;
  }

  it('lists each code with its discount and how often it was used', async () => {
    const el = await screen();
    expect(el.shadowRoot!.querySelector('.rows')!.textContent).to.contain('SUMMER').and.contain('10% off').and.contain('used 3 of 20 times').and.contain('Active');
    await expect(el).to.be.accessible();
  });

  it('shows the server’s reason under the discount field, then creates the code once fixed', async () => {
    const el = await screen();
    const form = el.shadowRoot!.querySelector<HTMLFormElement>('#promo-form')!;
    const field = (name: string) => form.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
    field('code').value = 'WINTER';
    field('name').value = 'Winter';
    field('discountValue').value = '150';
    form.requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('.field-error'), 'the field error');
    expect(el.shadowRoot!.querySelector('.field-error')!.textContent).to.equal('percent must be at most 100');
    expect(field('discountValue').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    field('discountValue').value = '15';
    form.requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.rows > li').length === 2, 'two promotions');
    const post = fetchStub!.calls.filter((c) => c.method === 'POST').at(-1)!;
    expect(post.body).to.deep.include({ code: 'WINTER', discount: { type: 'percent', percent: 15 }, rateIds: null });
    expect(post.headers.get('x-csrf-token')).to.equal(session.csrfToken);
  });

  it('deactivates a code', async () => {
    const el = await screen();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.row-actions button')].find((b) => b.textContent.includes('Deactivate'))!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.rows')!.textContent.includes('Inactive'), 'shown inactive');
    expect(fetchStub!.calls.find((c) => c.method === 'PATCH')!.body).to.deep.equal({ active: false });
  });
});
