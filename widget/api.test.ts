import { expect } from '@open-wc/testing';
import { Api, ApiError } from './api.ts';
import { stubFetch } from '../test/support/widget.ts';

describe('api', () => {
  it('asks for availability with the stay, the party and the language', async () => {
    const fetch = stubFetch(() => ({ body: {} }));
    try {
      await new Api('https://book.example/', 'p 1').availability({ checkIn: '2026-03-11', checkOut: '2026-03-12', adults: 2, children: 1, locale: 'ko' });
      expect(fetch.calls[0]!.url.href).to.equal('https://book.example/api/v1/public/properties/p%201/availability?checkIn=2026-03-11&checkOut=2026-03-12&adults=2&children=1&locale=ko');
    } finally {
      fetch.restore();
    }
  });

  it('answers the first call for availability sent ahead with that request, and later calls with their own', async () => {
    const fetch = stubFetch((call) => ({ body: { asked: fetch.calls.indexOf(call) } }));
    try {
      const api = new Api('https://book.example', 'demo');
      const query = { adults: 2, children: 0, locale: 'en', include: 'property' as const };
      api.prefetchAvailability(query);
      expect(fetch.calls).to.have.length(1);
      expect(await api.availability(query)).to.deep.equal({ asked: 0 });
      expect(await api.availability(query)).to.deep.equal({ asked: 1 });
      expect(await api.availability({ ...query, adults: 3 })).to.deep.equal({ asked: 2 });
    } finally {
      fetch.restore();
    }
  });

  it('reports a request sent ahead that failed as the network error it is', async () => {
    const fetch = stubFetch(() => 'network-error');
    try {
      const api = new Api('https://book.example', 'demo');
      api.prefetchAvailability({ adults: 2, children: 0 });
      const error = await api.availability({ adults: 2, children: 0 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ApiError);
      expect((error as ApiError).code).to.equal('network');
    } finally {
      fetch.restore();
    }
  });

  it('sends the idempotency key with a new booking', async () => {
    const fetch = stubFetch(() => ({ status: 201, body: {} }));
    try {
      await new Api('https://book.example', 'demo').createBooking(
        { checkIn: '2026-03-11', checkOut: '2026-03-12', rooms: [], guest: { firstName: 'A', lastName: 'B', email: 'a@b.co' } },
        'key-1',
      );
      expect(fetch.calls[0]!.headers.get('Idempotency-Key')).to.equal('key-1');
      expect(fetch.calls[0]!.headers.get('Content-Type')).to.equal('application/json');
    } finally {
      fetch.restore();
    }
  });

  it('turns an error answer into an ApiError with its code', async () => {
    const fetch = stubFetch(() => ({ status: 409, body: { error: { code: 'sold_out', message: 'Sold out', details: [] } } }));
    try {
      const error = await new Api('https://book.example', 'demo').quote({ checkIn: '2026-03-11', checkOut: '2026-03-12', rooms: [] }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ApiError);
      expect((error as ApiError).status).to.equal(409);
      expect((error as ApiError).code).to.equal('sold_out');
    } finally {
      fetch.restore();
    }
  });

  it('calls a failure to connect a network error', async () => {
    const fetch = stubFetch(() => 'network-error');
    try {
      const error = await new Api('https://book.example', 'demo').availability({ adults: 2, children: 0 }).catch((e: unknown) => e);
      expect((error as ApiError).code).to.equal('network');
    } finally {
      fetch.restore();
    }
  });
});
