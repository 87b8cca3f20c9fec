import { TaskStatus } from '@lit/task';
import { expect, fixture, html } from '@open-wc/testing';
import type { Extra } from '../shared/schemas/extra.ts';
import { ApiError } from './api.ts';
import { nextEvent, property, quote } from '../test/support/widget.ts';
import './db-review-step.ts';
import type { DbReviewStep } from './db-review-step.ts';
import type { DbSummary } from './db-summary.ts';

const quoted = quote({ checkIn: '2026-03-11', checkOut: '2026-03-12', rooms: [{ rateId: 'flex', adults: 2, children: 0, extras: [] }] });

function step(quoteStatus: TaskStatus, options: { extras?: readonly Extra[]; quoteError?: unknown } = {}) {
  return fixture<DbReviewStep>(html`<db-review-step .extras=${options.extras ?? property.extras} .chosen=${{ parking: 1 }} .quote=${quoted}
    .quoteStatus=${quoteStatus} .quoteError=${options.quoteError} payment-mode="manual"></db-review-step>`);
}
const button = (el: DbReviewStep) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=primary-button]')!;

describe('db-review-step', () => {
  it('offers the extras with the quantities chosen so far', async () => {
    const el = await step(TaskStatus.COMPLETE);
    const extras = el.shadowRoot!.querySelector('db-extras')!;
    expect(extras.extras).to.equal(property.extras);
    expect(extras.value).to.deep.equal({ parking: 1 });
  });

  it('waits for the quote of the latest choices before the guest may continue', async () => {
    const el = await step(TaskStatus.PENDING);
    expect(button(el).disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('db-summary')!.loading).to.equal(true);
    el.quoteStatus = TaskStatus.COMPLETE;
    await el.updateComplete;
    expect(button(el).disabled).to.equal(false);
    expect(el.shadowRoot!.querySelector('db-summary')!.loading).to.equal(false);
    setTimeout(() => button(el).click());
    await nextEvent(el, 'db-continue');
  });

  it('shows the price beside the extras, or in their place when the property has none', async () => {
    const withExtras = await step(TaskStatus.COMPLETE);
    expect(withExtras.shadowRoot!.querySelector<DbSummary>('aside db-summary')!.data).to.equal(quoted);
    expect(withExtras.shadowRoot!.querySelector('db-summary')!.paymentMode).to.equal('manual');
    const without = await step(TaskStatus.COMPLETE, { extras: [] });
    expect(without.shadowRoot!.querySelector('.main db-summary')).to.not.equal(null);
    expect(without.shadowRoot!.querySelector('aside db-summary')).to.equal(null);
  });

  it('passes on the extras the guest picks', async () => {
    const el = await step(TaskStatus.COMPLETE);
    const breakfast = el.shadowRoot!.querySelector('db-extras')!.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    setTimeout(() => breakfast.click());
    const event = await nextEvent(el, 'db-quantity-change');
    expect(event.value).to.deep.equal({ id: 'breakfast', quantity: 1 });
  });

  it('says the price could not be worked out, and asks again when the guest wants', async () => {
    const el = await step(TaskStatus.ERROR, { quoteError: new ApiError(500, 'internal', 'Internal error') });
    expect(el.shadowRoot!.querySelector('.error-state p')!.textContent).to.equal('Something went wrong on our side. Please try again.');
    expect(button(el).disabled).to.equal(true);
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('.error-state button')!.click());
    await nextEvent(el, 'db-retry');
  });

  it('is accessible', async () => {
    const el = await step(TaskStatus.COMPLETE);
    await expect(el).to.be.accessible();
  });

  describe('paying the deposit or in full (SPEC 2.15)', () => {
    // Saver: 30% of $100 now, $70 later.
    const saver = quote({ checkIn: '2026-03-11', checkOut: '2026-03-12', rooms: [{ rateId: 'saver', adults: 2, children: 0, extras: [] }] });
    const choosing = (payNow?: 'deposit' | 'full') =>
      fixture<DbReviewStep>(html`<db-review-step .extras=${[]} .quote=${saver} .quoteStatus=${TaskStatus.COMPLETE} .payNow=${payNow}></db-review-step>`);
    const radios = (el: DbReviewStep) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    const summary = (el: DbReviewStep) => el.shadowRoot!.querySelector<DbSummary>('db-summary')!;

    it('offers the deposit or the whole total now, with the amounts, where the rates allow it', async () => {
      const el = await choosing('deposit');
      expect(el.shadowRoot!.querySelector('legend')!.textContent).to.equal('How much to pay now');
      expect(radios(el).map((r) => r.parentElement!.textContent.trim())).to.deep.equal(['Pay the deposit ($30.00 now)', 'Pay in full ($100.00 now)']);
      expect(radios(el).map((r) => r.checked)).to.deep.equal([true, false]);
      expect(summary(el).data!.depositDue).to.equal(3000);
      setTimeout(() => radios(el)[1]!.click());
      const event = await nextEvent(el, 'db-pay-now-change');
      expect(event.value).to.equal('full');
    });

    it('shows the whole total due now and no balance once the guest pays in full', async () => {
      const el = await choosing('full');
      expect(radios(el).map((r) => r.checked)).to.deep.equal([false, true]);
      expect(summary(el).data).to.include({ depositDue: 10000, balanceDue: 0, total: 10000 });
    });

    it('offers no choice where a rate booked does not allow it', async () => {
      const el = await choosing(undefined);
      expect(radios(el)).to.have.length(0);
      expect(summary(el).data).to.equal(saver);
    });

    it('is accessible with the choice', async () => {
      const el = await choosing('full');
      await expect(el).to.be.accessible();
    });
  });
});
