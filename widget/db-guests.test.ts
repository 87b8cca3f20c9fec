import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../test/support/widget.ts';
import './db-guests.ts';
import type { DbGuests } from './db-guests.ts';

describe('db-guests', () => {
  it('reports the whole party when the guest adds a child', async () => {
    const el = await fixture<DbGuests>(html`<db-guests adults="2" children="0"></db-guests>`);
    const children = el.shadowRoot!.querySelectorAll('db-stepper')[1]!;
    setTimeout(() => children.shadowRoot!.querySelectorAll('button')[1]!.click());
    const event = await nextEvent(el, 'db-guests-change');
    expect(event.value).to.deep.equal({ adults: 2, children: 1 });
  });

  it('keeps at least one adult', async () => {
    const el = await fixture<DbGuests>(html`<db-guests adults="1"></db-guests>`);
    const adults = el.shadowRoot!.querySelector('db-stepper')!;
    expect(adults.min).to.equal(1);
    expect(adults.shadowRoot!.querySelector('button')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('is accessible', async () => {
    const el = await fixture<DbGuests>(html`<db-guests></db-guests>`);
    await expect(el).to.be.accessible();
  });

  describe('where the property asks children’s ages (SPEC 2.12)', () => {
    const selects = (el: DbGuests) => [...el.shadowRoot!.querySelectorAll('select')];
    const addChild = (el: DbGuests) => el.shadowRoot!.querySelectorAll('db-stepper')[1]!.shadowRoot!.querySelectorAll('button')[1]!.click();
    function pick(select: HTMLSelectElement, age: number) {
      select.value = String(age);
      select.dispatchEvent(new Event('change'));
    }

    it('asks one age per child, 0 to 17 with 0 as under 1, and reports the party only once each is chosen', async () => {
      const el = await fixture<DbGuests>(html`<db-guests adults="2" asks></db-guests>`);
      const events: unknown[] = [];
      el.addEventListener('db-guests-change', (e) => events.push(e.value));
      addChild(el);
      addChild(el);
      await el.updateComplete;
      expect(selects(el)).to.have.length(2);
      const options = [...selects(el)[0]!.options].filter((o) => !o.disabled).map((o) => o.textContent);
      expect(options).to.have.length(18);
      expect(options.slice(0, 3)).to.deep.equal(['Under 1', '1 year', '2 years']);
      expect(options.at(-1)).to.equal('17 years');
      expect(el.shadowRoot!.querySelector('.ages')!.textContent).to.contain('Choose each child’s age to see prices.');
      expect(el.shadowRoot!.querySelector('label.age span')!.textContent).to.equal('Age of child 1');
      pick(selects(el)[0]!, 4);
      expect(events).to.deep.equal([]);
      pick(selects(el)[1]!, 0);
      expect(events).to.deep.equal([{ adults: 2, children: 2, childAges: [4, 0] }]);
    });

    it('keeps the ages given, and drops the last when a child is removed', async () => {
      const el = await fixture<DbGuests>(html`<db-guests adults="2" children="2" asks .ages=${[9, 4]}></db-guests>`);
      expect(selects(el).map((s) => s.value)).to.deep.equal(['9', '4']);
      setTimeout(() => el.shadowRoot!.querySelectorAll('db-stepper')[1]!.shadowRoot!.querySelectorAll('button')[0]!.click());
      const event = await nextEvent(el, 'db-guests-change');
      expect(event.value).to.deep.equal({ adults: 2, children: 1, childAges: [9] });
    });

    it('asks nothing where the property does not', async () => {
      const el = await fixture<DbGuests>(html`<db-guests adults="2" children="1"></db-guests>`);
      expect(selects(el)).to.have.length(0);
    });

    it('is accessible with ages to choose', async () => {
      const el = await fixture<DbGuests>(html`<db-guests adults="2" children="2" asks .ages=${[9]}></db-guests>`);
      await expect(el).to.be.accessible();
    });
  });
});
