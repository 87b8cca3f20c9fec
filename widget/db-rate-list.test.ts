import { expect, fixture, html } from '@open-wc/testing';
import { availability, nextEvent } from '../test/support/widget.ts';
import './db-rate-list.ts';
import type { DbRateList } from './db-rate-list.ts';

describe('db-rate-list', () => {
  it('groups rates under their room type', async () => {
    const el = await fixture<DbRateList>(html`<db-rate-list .availability=${availability('2026-03-11', '2026-03-12')}></db-rate-list>`);
    const rooms = [...el.shadowRoot!.querySelectorAll('section.room')];
    expect(rooms.map((r) => r.querySelector('h3')!.textContent)).to.deep.equal(['Garden Room', 'Harbour Suite']);
    expect(rooms[0]!.querySelectorAll('db-rate-card')).to.have.length(2);
    expect(rooms[0]!.querySelector('.meta')!.textContent).to.equal('Up to 3 guests');
  });

  it('never offers more rooms than are left, or than there are adults', async () => {
    const el = await fixture<DbRateList>(html`<db-rate-list .availability=${availability('2026-03-11', '2026-03-12')} .selection=${{ 'garden flex': 1 }} adults="2"></db-rate-list>`);
    const cards = el.shadowRoot!.querySelectorAll('db-rate-card');
    expect(cards[0]!.max, 'flex: its room plus one more adult').to.equal(2);
    expect(cards[2]!.max, 'suite: one left').to.equal(1);
  });

  it('offers the next available stay in one click when nothing is free', async () => {
    const next = { checkIn: '2026-03-20', checkOut: '2026-03-21' };
    const el = await fixture<DbRateList>(html`<db-rate-list .availability=${availability('2026-03-11', '2026-03-12', { soldOut: true, next })}></db-rate-list>`);
    expect(el.shadowRoot!.querySelector('.empty-title')!.textContent).to.equal('Nothing is available for these dates.');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.empty button')!;
    expect(button.textContent.trim()).to.equal('See Fri, Mar 20 – Sat, Mar 21');
    setTimeout(() => button.click());
    const event = await nextEvent(el, 'db-dates-change');
    expect(event.value).to.deep.equal(next);
  });

  it('shows placeholders shaped like rooms while loading', async () => {
    const el = await fixture<DbRateList>(html`<db-rate-list loading></db-rate-list>`);
    expect(el.shadowRoot!.querySelectorAll('.skeleton-rate')).to.have.length(4);
    expect(el.shadowRoot!.querySelector('.list')!.getAttribute('aria-busy')).to.equal('true');
  });

  it('is accessible', async () => {
    const el = await fixture<DbRateList>(html`<db-rate-list .availability=${availability('2026-03-11', '2026-03-12')}></db-rate-list>`);
    await expect(el).to.be.accessible();
  });
});
