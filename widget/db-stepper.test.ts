import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../test/support/widget.ts';
import './db-stepper.ts';
import type { DbStepper } from './db-stepper.ts';

const buttons = (el: DbStepper) => el.shadowRoot!.querySelectorAll('button');

describe('db-stepper', () => {
  it('counts up and tells the widget the new number', async () => {
    const el = await fixture<DbStepper>(html`<db-stepper label="Adults" value="2" min="1" max="4"></db-stepper>`);
    setTimeout(() => buttons(el)[1]!.click());
    const event = await nextEvent(el, 'db-stepper-change');
    expect(event.value).to.equal(3);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('output')!.textContent).to.equal('3');
  });

  it('does not go below its minimum, and says so to assistive technology', async () => {
    const el = await fixture<DbStepper>(html`<db-stepper label="Adults" value="1" min="1" max="4"></db-stepper>`);
    let fired = false;
    el.addEventListener('db-stepper-change', () => (fired = true));
    buttons(el)[0]!.click();
    await el.updateComplete;
    expect(fired).to.equal(false);
    expect(el.value).to.equal(1);
    expect(buttons(el)[0]!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('names its buttons after what it counts', async () => {
    const el = await fixture<DbStepper>(html`<db-stepper label="Adults" value="1"></db-stepper>`);
    expect(buttons(el)[0]!.getAttribute('aria-label')).to.equal('Fewer: Adults');
    expect(buttons(el)[1]!.getAttribute('aria-label')).to.equal('More: Adults');
    await expect(el).to.be.accessible();
  });
});
