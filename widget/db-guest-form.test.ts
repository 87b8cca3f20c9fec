import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../test/support/widget.ts';
import './db-guest-form.ts';
import type { DbGuestForm } from './db-guest-form.ts';

const input = (el: DbGuestForm, name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#${name}`)!;
function type(el: DbGuestForm, name: string, text: string) {
  const field = input(el, name);
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
const submit = (el: DbGuestForm) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

describe('db-guest-form', () => {
  it('labels every field and marks the phone as optional', async () => {
    const el = await fixture<DbGuestForm>(html`<db-guest-form></db-guest-form>`);
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map((l) => l.textContent.replace(/\s+/g, ' ').trim());
    expect(labels).to.deep.equal(['First name', 'Last name', 'Email', 'Phone (optional)']);
    expect(input(el, 'email').autocomplete).to.equal('email');
  });

  it('announces what is missing and puts focus on the first such field', async () => {
    const el = await fixture<DbGuestForm>(html`<db-guest-form></db-guest-form>`);
    type(el, 'firstName', 'Mina');
    type(el, 'email', 'mina@');
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('Please check the highlighted fields.');
    expect(input(el, 'lastName').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.querySelector('#lastName-error')!.textContent).to.equal('Please fill this in');
    expect(el.shadowRoot!.querySelector('#email-error')!.textContent).to.equal('Enter an email address like name@example.com');
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'lastName'));
  });

  it('sends the trimmed details, without an empty phone', async () => {
    const el = await fixture<DbGuestForm>(html`<db-guest-form></db-guest-form>`);
    type(el, 'firstName', ' Mina ');
    type(el, 'lastName', 'Park');
    type(el, 'email', 'mina@example.com ');
    setTimeout(() => submit(el));
    const event = await nextEvent(el, 'db-guest-submit');
    expect(event.value).to.deep.equal({ firstName: 'Mina', lastName: 'Park', email: 'mina@example.com' });
  });

  it('reports every keystroke so going back keeps what was typed', async () => {
    const el = await fixture<DbGuestForm>(html`<db-guest-form .value=${{ firstName: 'Mina' }}></db-guest-form>`);
    expect(input(el, 'firstName').value).to.equal('Mina');
    setTimeout(() => type(el, 'lastName', 'P'));
    const event = await nextEvent(el, 'db-guest-input');
    expect(event.value).to.deep.equal({ firstName: 'Mina', lastName: 'P' });
  });

  it('shows the server’s objection next to its field', async () => {
    const el = await fixture<DbGuestForm>(html`<db-guest-form .serverErrors=${{ email: 'Expected an e-mail address' }}></db-guest-form>`);
    expect(el.shadowRoot!.querySelector('#email-error')!.textContent).to.equal('Expected an e-mail address');
  });

  it('is accessible, also with errors showing', async () => {
    const el = await fixture<DbGuestForm>(html`<db-guest-form></db-guest-form>`);
    submit(el);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
