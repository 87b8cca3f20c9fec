import { TaskStatus } from '@lit/task';
import { expect, fixture, html } from '@open-wc/testing';
import type { Guest } from '../shared/schemas/stay.ts';
import { ApiError } from './api.ts';
import { nextEvent, quote } from '../test/support/widget.ts';
import './db-details-step.ts';
import type { DbDetailsStep } from './db-details-step.ts';
import type { DbSummary } from './db-summary.ts';

const quoted = quote({ checkIn: '2026-03-11', checkOut: '2026-03-12', rooms: [{ rateId: 'flex', adults: 2, children: 0, extras: [] }] });

function step(options: { guest?: Partial<Guest>; failure?: unknown } = {}) {
  return fixture<DbDetailsStep>(html`<db-details-step .guest=${options.guest ?? {}} .failure=${options.failure} .quote=${quoted} .quoteStatus=${TaskStatus.COMPLETE}
    payment-mode="manual"></db-details-step>`);
}
const invalid = (...details: { path: string; message: string }[]) => new ApiError(400, 'validation_failed', 'Invalid request', details);
const form = (el: DbDetailsStep) => el.shadowRoot!.querySelector('db-guest-form')!;
const input = (el: DbDetailsStep, name: string) => form(el).shadowRoot!.querySelector<HTMLInputElement>(`#${name}`)!;

describe('db-details-step', () => {
  it('shows what the guest typed before, and passes on every keystroke', async () => {
    const el = await step({ guest: { firstName: 'Mina' } });
    await form(el).updateComplete;
    expect(input(el, 'firstName').value).to.equal('Mina');
    setTimeout(() => {
      input(el, 'lastName').value = 'Park';
      input(el, 'lastName').dispatchEvent(new InputEvent('input'));
    });
    const event = await nextEvent(el, 'db-guest-input');
    expect(event.value).to.deep.equal({ firstName: 'Mina', lastName: 'Park' });
  });

  it('passes on the details once they are complete', async () => {
    const el = await step({ guest: { firstName: 'Mina', lastName: 'Park', email: 'mina@example.com' } });
    await form(el).updateComplete;
    setTimeout(() => form(el).shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const event = await nextEvent(el, 'db-guest-submit');
    expect(event.value).to.deep.equal({ firstName: 'Mina', lastName: 'Park', email: 'mina@example.com' });
  });

  it('says why the booking could not be made', async () => {
    const el = await step({ failure: new ApiError(0, 'network', 'unreachable') });
    const banner = el.shadowRoot!.querySelector('.banner.error')!;
    expect(banner.getAttribute('role')).to.equal('alert');
    expect(banner.textContent).to.equal('We couldn’t reach the booking service. Check your connection and try again.');
  });

  it('shows the server’s objection next to its field, and no general message', async () => {
    const el = await step({ failure: invalid({ path: 'guest.email', message: 'Expected an e-mail address' }) });
    await form(el).updateComplete;
    expect(form(el).shadowRoot!.querySelector('#email-error')!.textContent).to.equal('Expected an e-mail address');
    expect(el.shadowRoot!.querySelector('.banner')).to.equal(null);
  });

  it('falls back to a general message when the server objects to something else', async () => {
    const el = await step({ failure: invalid({ path: 'rooms/0/adults', message: 'Too many guests' }) });
    expect(el.shadowRoot!.querySelector('.banner.error')!.textContent).to.equal('Something went wrong on our side. Please try again.');
  });

  it('keeps the price of the stay in sight', async () => {
    const el = await step();
    const summary = el.shadowRoot!.querySelector<DbSummary>('aside db-summary')!;
    expect(summary.data).to.equal(quoted);
    expect(summary.paymentMode).to.equal('manual');
  });

  it('is accessible', async () => {
    const el = await step({ failure: invalid({ path: 'guest.email', message: 'Expected an e-mail address' }) });
    await expect(el).to.be.accessible();
  });

  describe('when the code stopped applying before the booking (409 promo_not_applicable)', () => {
    const withCode = { ...quoted, promo: { code: 'WELCOME10', applied: true } };
    const gone = new ApiError(409, 'promo_not_applicable', 'The promotion code does not apply');
    const promoStep = () => fixture<DbDetailsStep>(html`<db-details-step .failure=${gone} .quote=${withCode} .quoteStatus=${TaskStatus.COMPLETE}></db-details-step>`);

    it('tells the guest in words, not as a generic error, and lets them go on without it', async () => {
      const el = await promoStep();
      const banner = el.shadowRoot!.querySelector('[role=alert]')!;
      expect(banner.querySelector('p')!.textContent).to.equal('The code WELCOME10 no longer applies to this stay. The price is now shown without it.');
      expect(el.shadowRoot!.querySelectorAll('[role=alert]')).to.have.length(1);
      setTimeout(() => banner.querySelector('button')!.click());
      const event = await nextEvent(el, 'db-promo-change');
      expect(event.value).to.equal('');
    });

    it('is accessible', async () => {
      const el = await promoStep();
      await expect(el).to.be.accessible();
    });
  });
});
