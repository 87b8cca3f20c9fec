// The profile screen (SPEC 2.11): texts per language, saved by a PATCH of only what changed, and a
// 400's messages under the boxes they are about.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Property } from '../../shared/schemas/property.ts';
import { stubFetch } from '../../test/support/widget.ts';
import type { DbOwnerProfile } from './db-owner-profile.ts';
import './db-owner-profile.ts';
import { api, BASE, i18n, property } from './owner-fixtures.test-support.ts';

const profiled = {
  ...property,
  locale: 'en',
  name: 'Harbour House',
  description: { en: 'Six rooms by the harbour.', ko: '항구 옆 객실 여섯 개.' },
  address: '1 Quay Street',
  phone: '+82 33 123 4567',
  website: null,
  notices: null,
  amenities: ['Free parking'],
  checkInTime: '15:00',
  checkOutTime: '11:00',
  directions: null,
  starRating: null,
  images: [],
  status: 'open',
  visible: true,
} as Property;

describe('db-owner-profile', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  async function screen(patchReply: (body: Partial<Property>) => { status?: number; body: unknown }) {
    fetchStub = stubFetch((call) => (call.method === 'PATCH' ? patchReply(call.body as Partial<Property>) : { body: { property: profiled } }));
    const el = await fixture<DbOwnerProfile>(html`<db-owner-profile .api=${api} .i18n=${i18n}></db-owner-profile>`);
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the form');
    return el;
  }

  const box = (el: DbOwnerProfile, name: string) => el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;
  function type(el: DbOwnerProfile, name: string, value: string) {
    box(el, name).value = value;
    box(el, name).dispatchEvent(new Event('input'));
  }

  it('shows each text in its language’s box, a text for everyone in the property’s language', async () => {
    const el = await screen(() => ({ body: { property: profiled } }));
    expect(box(el, 'description.ko').value).to.equal('항구 옆 객실 여섯 개.');
    expect(box(el, 'description.id').value).to.equal('');
    expect(box(el, 'address.en').value).to.equal('1 Quay Street');
    expect(box(el, 'checkInTime').value).to.equal('15:00');
    expect(box(el, 'amenities').value).to.equal('Free parking');
    await expect(el).to.be.accessible();
  });

  it('sends only what the owner changed, and tells the header the new name', async () => {
    const el = await screen((body) => ({ body: { property: { ...profiled, ...body } } }));
    let changed: Property | undefined;
    el.addEventListener('db-property-changed', (event) => (changed = event.property));
    type(el, 'name.ko', '하버 하우스');
    type(el, 'checkInTime', '14:00');
    type(el, 'amenities', 'Free parking\n  Sea view terrace \n');
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.shadowRoot!.textContent.includes('Profile saved.'), 'saved');
    expect(fetchStub!.calls.find((c) => c.method === 'PATCH')).to.deep.include({
      body: { name: { en: 'Harbour House', ko: '하버 하우스' }, checkInTime: '14:00', amenities: ['Free parking', 'Sea view terrace'] },
    });
    expect(fetchStub!.calls.find((c) => c.method === 'PATCH')!.url.pathname).to.equal(BASE);
    expect(changed?.name).to.deep.equal({ en: 'Harbour House', ko: '하버 하우스' });
  });

  it('puts each message of a 400 under the box it names, and changes nothing on screen', async () => {
    const el = await screen(() => ({
      status: 400,
      body: {
        error: {
          code: 'invalid_input',
          message: 'Invalid input',
          details: [
            { path: 'phone', message: 'Expected a phone number such as +82 33 123 4567' },
            { path: 'address.ko', message: 'Invalid length: Expected <=2000' },
          ],
        },
      },
    }));
    type(el, 'phone', 'call us');
    type(el, 'address.ko', '긴 주소');
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('.field-error'), 'the field errors');
    for (const [name, message] of [
      ['phone', 'Expected a phone number such as +82 33 123 4567'],
      ['address.ko', 'Invalid length: Expected <=2000'],
    ]) {
      expect(box(el, name!).getAttribute('aria-invalid'), name).to.equal('true');
      expect(el.shadowRoot!.getElementById(box(el, name!).getAttribute('aria-describedby')!)!.textContent).to.equal(message);
    }
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Some fields need a change');
    expect(box(el, 'address.en').getAttribute('aria-invalid')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says a description cannot be removed instead of sending one that would come back', async () => {
    const el = await screen(() => ({ body: { property: profiled } }));
    type(el, 'description.en', '');
    type(el, 'description.ko', '');
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('.field-error'), 'the message');
    expect(el.shadowRoot!.querySelector('.field-error')!.textContent).to.equal('A description cannot be removed, only rewritten.');
    expect(fetchStub!.calls.some((c) => c.method === 'PATCH')).to.equal(false);
  });
});
