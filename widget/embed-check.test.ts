import { expect } from '@open-wc/testing';
import { stubFetch } from '../test/support/widget.ts';
import { explainRefusal } from './embed-check.ts';

/** What explainRefusal wrote to the console when the server gave `reply`. */
async function warningsFor(reply: Parameters<typeof stubFetch>[0]): Promise<{ warnings: string[]; url?: string }> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (message: string) => warnings.push(message);
  const fetch = stubFetch(reply);
  try {
    await explainRefusal({ api: 'https://book.example/', property: 'prop_1' });
    return { warnings, url: fetch.calls[0]?.url.href };
  } finally {
    fetch.restore();
    console.warn = warn;
  }
}

describe('embed check', () => {
  it('tells the owner in the console which origin to add to allowedOrigins when the site is not listed', async () => {
    const { warnings, url } = await warningsFor(() => ({ body: { embedAllowed: false } }));
    expect(url).to.equal('https://book.example/api/v1/public/properties/prop_1');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(location.origin).and.to.contain('allowedOrigins');
  });

  it('says nothing when the site is allowed or the server cannot be reached', async () => {
    expect((await warningsFor(() => ({ body: { embedAllowed: true, id: 'prop_1' } }))).warnings).to.deep.equal([]);
    expect((await warningsFor(() => 'network-error')).warnings).to.deep.equal([]);
  });
});
