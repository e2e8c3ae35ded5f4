import { describe, expect, it } from 'vitest';
import { compareStrings } from '../../src/domain/ordering.js';

describe('string order', () => {
  it('is code-point order, as Neo4j orders what it stores, not the UTF-16 code units of `<`', () => {
    // U+1D49C (a surrogate pair, D835 DC9C) comes after U+FF21 and U+E000 by code point, before them by code unit
    const names = ['\u{1D49C}lpha', '\uFF21lpha', 'alpha', '\uE000', 'Alpha', 'al', '\uD7FF', '', 'z'];
    expect([...names].sort(compareStrings)).toEqual([
      '',
      'Alpha',
      'al',
      'alpha',
      'z',
      '\uD7FF',
      '\uE000',
      '\uFF21lpha',
      '\u{1D49C}lpha',
    ]);
    expect(compareStrings('same', 'same')).toBe(0);
    expect(compareStrings('a\u{1F600}', 'a\uFFFD')).toBe(1);
    expect(compareStrings('a\uFFFD', 'a\u{1F600}')).toBe(-1);
  });
});
