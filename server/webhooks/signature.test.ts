import { Webhook } from 'standardwebhooks';
import { expect, test, vi } from 'vitest';
import { newWebhookSecret, signedHeaders } from './signature.ts';

test('a signature is the one the standardwebhooks library makes and verifies', () => {
  const secret = newWebhookSecret();
  const at = new Date('2026-11-24T03:00:00.900Z');
  const body = JSON.stringify({ type: 'booking.held', timestamp: at.toISOString(), data: { booking: { id: 'bk_1', guest: { firstName: 'Jörg' } } } });
  const headers = signedHeaders(secret, 'msg_1', at, body);
  expect(headers).toMatchObject({ 'webhook-id': 'msg_1', 'webhook-timestamp': '1795489200' });
  expect(headers['webhook-signature']).toBe(new Webhook(secret).sign('msg_1', at, body));
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ type: 'booking.held' });
  } finally {
    vi.useRealTimers();
  }
});

test('every endpoint gets a secret of its own', () => {
  expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
  expect(newWebhookSecret()).not.toBe(newWebhookSecret());
});
