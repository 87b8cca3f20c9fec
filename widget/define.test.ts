import { expect } from '@open-wc/testing';
import { defineElement } from './define.ts';
import { DirectBook } from './index.ts';

describe('registration', () => {
  it('lets a page include the widget twice without an error', () => {
    class SecondCopy extends HTMLElement {}
    expect(() => defineElement('direct-book')(SecondCopy)).to.not.throw();
    expect(customElements.get('direct-book')).to.equal(DirectBook);
  });
});
