import { describe, expect, it } from 'vitest';
import { matchTier, normaliseForSearch, searchFieldsOf } from '../../src/domain/search.js';

describe('search text', () => {
  it('never keeps "|", which joins a name and its aliases in the Neo4j store (search.cypher ranks by it)', () => {
    for (const text of ['a|b', '｜', 'x ¦ y', '∣', '||', 'Pipe | Name', '\u01C0', 'a\u2223b']) {
      expect(normaliseForSearch(text), text).not.toContain('|');
    }
  });

  it('ranks an alias prefix as a prefix, and an exact alias above it', () => {
    const fields = searchFieldsOf({ name: 'Alec Baldwin', aliases: ['Baldwin', 'Baldy'] });
    expect(matchTier(fields, 'bald')).toBe('PREFIX');
    expect(matchTier(fields, 'baldwin')).toBe('EXACT_ALIAS');
    expect(matchTier(fields, 'win')).toBe('SUBSTRING');
    expect(matchTier(fields, 'alec baldwin')).toBe('EXACT_NAME');
  });
});
