import { describe, expect, it } from 'vitest';
import { protoMember, readMember } from './proto-member.js';

describe('protoMember', () => {
  class Base {
    n = 1;
    get twice(): number {
      return this.n * 2;
    }
    hello(): string {
      return `hello ${this.n}`;
    }
  }
  class Other {
    hello(): string {
      return 'other';
    }
  }

  it('finds methods and accessors up the chain, per prototype, and lets an own property win', () => {
    const hello = protoMember('hello');
    const twice = protoMember('twice');
    const a = Object.setPrototypeOf({ n: 3 }, Object.create(Base.prototype)) as Base;
    expect((hello(a).value as () => string).call(a)).toBe('hello 3');
    expect(readMember(twice, a)).toBe(6);
    const b = new Other();
    expect((hello(b).value as () => string).call(b)).toBe('other');
    const wrapped = Object.assign(new Base(), { hello: () => 'wrapped' });
    expect((hello(wrapped).value as () => string).call(wrapped)).toBe('wrapped');
    expect(protoMember('missing')(a).value).toBeUndefined();
  });
});
