import { expect } from '@open-wc/testing';
import { uuid } from './uuid.ts';

describe('uuid', () => {
  it('makes version 4 UUIDs, different every time', () => {
    const a = uuid();
    expect(a).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid()).to.not.equal(a);
  });
});
