import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { WebhookDelivery, WebhookView } from '../../shared/schemas/webhook.ts';
import { stubFetch } from '../../test/support/widget.ts';
import './db-owner-webhooks.ts';
import type { DbOwnerWebhooks } from './db-owner-webhooks.ts';
import { api, BASE, i18n, session } from './owner-fixtures.test-support.ts';

const endpoint = (overrides: Partial<WebhookView> = {}): WebhookView => ({
  id: 'wh_1',
  url: 'https://pms.example/hooks/directbook',
  events: ['booking.confirmed', 'booking.cancelled'],
  description: 'Front desk system',
  status: 'active',
  createdAt: '2026-11-20T03:00:00Z',
  failingSince: null,
  disabledAt: null,
  ...overrides,
});

const deliveries: WebhookDelivery[] = [
  { id: 'whd_2', webhookId: 'msg_1', eventType: 'booking.confirmed', bookingId: 'bk_1', attempt: 2, statusCode: 200, error: null, durationMs: 84, attemptedAt: '2026-11-24T03:05:00Z' },
  {
    id: 'whd_1',
    webhookId: 'msg_1',
    eventType: 'booking.confirmed',
    bookingId: 'bk_1',
    attempt: 1,
    statusCode: null,
    error: 'timeout',
    durationMs: 10_000,
    attemptedAt: '2026-11-24T03:04:00Z',
  },
];

describe('db-owner-webhooks', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  async function webhooksScreen(create?: (body: unknown) => { status: number; body: unknown }) {
    let webhooks = [endpoint(), endpoint({ id: 'wh_2', url: 'https://old.example/hook', events: null, description: null, status: 'disabled', failingSince: '2026-11-18T00:00:00Z' })];
    fetchStub = stubFetch((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST') {
        const answer = create?.(call.body) ?? {
          status: 201,
          body: { webhook: endpoint({ id: 'wh_3', url: (call.body as { url: string }).url, events: null, description: null }), secret: 'whsec_c2VjcmV0LXNob3duLW9uY2U=' },
        };
        if (answer.status === 201) webhooks = [...webhooks, (answer.body as { webhook: WebhookView }).webhook];
        return answer;
      }
      if (call.method === 'DELETE') {
        webhooks = webhooks.filter((w) => path !== `${BASE}/webhooks/${w.id}`);
        return { body: {} };
      }
      if (path === `${BASE}/webhooks/wh_1/deliveries`) return { body: { deliveries, nextCursor: null } };
      return { body: { webhooks } };
    });
    const el = await fixture<DbOwnerWebhooks>(html`<db-owner-webhooks .api=${api} .i18n=${i18n}></db-owner-webhooks>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.rows'), 'the endpoints are shown');
    return el;
  }

  const $ = (el: DbOwnerWebhooks, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
  const rows = (el: DbOwnerWebhooks) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.rows > li')];
  const submit = (el: DbOwnerWebhooks, url: string, events: string[] = []) => {
    $(el, 'input[name=url]').setAttribute('value', url);
    ($(el, 'input[name=url]') as HTMLInputElement).value = url;
    for (const type of events) ($(el, `input[value="${type}"]`) as HTMLInputElement).checked = true;
    $(el, 'form button[type=submit]').click();
  };

  it('lists each endpoint with its events and state, a failing one with since when', async () => {
    const el = await webhooksScreen();
    const [first, second] = rows(el);
    expect(first!.textContent).to.contain('https://pms.example/hooks/directbook').and.contain('Booking confirmed, Booking cancelled').and.contain('Active');
    expect(second!.textContent).to.contain('All events').and.contain('Disabled').and.contain('Deliveries failing since');
    await expect(el).to.be.accessible();
  });

  it('opens an endpoint’s recent deliveries with each attempt’s outcome and time', async () => {
    const el = await webhooksScreen();
    const toggle = rows(el)[0]!.querySelector<HTMLButtonElement>('[aria-expanded]')!;
    toggle.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.attempts'), 'the deliveries are shown');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const attempts = [...el.shadowRoot!.querySelectorAll('.attempts > li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(attempts[0]).to.contain('Delivered').and.contain('attempt 2').and.contain('HTTP 200 in 84 ms');
    expect(attempts[1]).to.contain('Failed').and.contain('attempt 1').and.contain('no answer: timeout');
    expect(el.shadowRoot!.querySelector('.attempts time')!.getAttribute('datetime')).to.equal('2026-11-24T03:05:00Z');
    await expect(el).to.be.accessible();
  });

  it('adds an endpoint for the ticked events and shows its secret once, with a copy button', async () => {
    const el = await webhooksScreen();
    submit(el, 'https://new.example/hook', ['booking.held', 'booking.confirmed']);
    await waitUntil(() => el.shadowRoot!.querySelector('.secret'), 'the secret is shown');
    const post = fetchStub!.calls.find((c) => c.method === 'POST')!;
    expect(post.body).to.deep.equal({ url: 'https://new.example/hook', events: ['booking.held', 'booking.confirmed'] });
    expect(post.headers.get('x-csrf-token')).to.equal(session.csrfToken);
    expect($(el, '.secret pre').textContent).to.equal('whsec_c2VjcmV0LXNob3duLW9uY2U=');
    expect(el.shadowRoot!.activeElement?.id).to.equal('secret-heading');
    await expect(el).to.be.accessible();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.secret button')].find((b) => b.textContent === 'I have saved it')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.secret')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('whsec_');
  });

  it('shows the server’s reason under the URL field when an address is refused', async () => {
    const el = await webhooksScreen(() => ({
      status: 400,
      body: { error: { code: 'validation_failed', message: 'Invalid request', details: [{ path: 'url', message: 'Only https URLs are allowed' }] } },
    }));
    submit(el, 'http://10.0.0.5/hook');
    await waitUntil(() => el.shadowRoot!.querySelector('.field-error'), 'the field error is shown');
    const input = $(el, 'input[name=url]');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${input.getAttribute('aria-describedby')}`).textContent).to.equal('Only https URLs are allowed');
    expect(el.shadowRoot!.querySelector('.secret')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('deletes an endpoint', async () => {
    const el = await webhooksScreen();
    [...rows(el)[0]!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent.includes('Delete'))!.click();
    await waitUntil(() => rows(el).length === 1, 'one endpoint left');
    expect(rows(el)[0]!.textContent).to.contain('https://old.example/hook');
    expect(el.shadowRoot!.querySelector('[role=status]:not(.muted)')!.textContent).to.equal('Endpoint https://pms.example/hooks/directbook deleted.');
  });
});
