/** A case file that says something its source does not, or that does not hold together, is refused by name. */
import { describe, expect, it } from 'vitest';
import { CaseFileError, validateCaseFile } from '../../src/domain/caseFile.js';

const TEXT = 'Ann Lee directs Dawn. Bob Roe represents Ann Lee.';
const at = (quote: string) => {
  const start = TEXT.indexOf(quote);
  return { source: 'src', start, end: start + quote.length, quote };
};

function validCase() {
  return {
    sources: [{ key: 'src', title: 'A source', textFile: 'src.txt' }],
    entities: [
      { key: 'ann-lee', kind: 'PERSON', name: 'Ann Lee', occupations: [], mentions: [at('Ann Lee')] },
      { key: 'bob-roe', kind: 'PERSON', name: 'Bob Roe', mentions: [at('Bob Roe')] },
      { key: 'dawn', kind: 'PRODUCTION', name: 'Dawn', mentions: [at('Dawn')] },
    ],
    relationships: [
      { type: 'WORKED_ON', from: 'ann-lee', to: 'dawn', role: 'director', evidence: [at('Ann Lee directs Dawn')] },
      { type: 'REPRESENTS', from: 'bob-roe', to: 'ann-lee', evidence: [at('Bob Roe represents Ann Lee')] },
    ],
  };
}

const readText = (file: string) => (file === 'src.txt' ? TEXT : undefined);

function problemsOf(mutate: (c: ReturnType<typeof validCase>) => unknown): string[] {
  const c = validCase();
  const changed = mutate(c) ?? c;
  try {
    validateCaseFile(changed, readText, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(CaseFileError);
    return (error as CaseFileError).problems;
  }
  throw new Error('the case file was accepted');
}

describe('case file validation', () => {
  it('accepts a consistent case file and derives relationship keys', () => {
    const graph = validateCaseFile(validCase(), readText, 'test.json');
    expect(graph.entities.map((e) => e.key)).toEqual(['ann-lee', 'bob-roe', 'dawn']);
    expect(graph.relationships.map((r) => r.key)).toEqual(['ann-lee--worked-on--dawn', 'bob-roe--represents--ann-lee']);
    expect(graph.sources[0]?.text).toBe(TEXT);
  });

  it('rejects evidence whose offsets fall outside the text, naming the item', () => {
    const problems = problemsOf((c) => {
      c.entities[2]!.mentions = [{ source: 'src', start: 45, end: 400 }] as never;
    });
    expect(problems).toEqual([
      'entities[2] "dawn": evidence[0]: end 400 is past the end of source "src" (49 characters)',
    ]);
  });

  it('rejects a quote that is not the text at its offsets', () => {
    const problems = problemsOf((c) => {
      c.entities[0]!.mentions = [{ source: 'src', start: 0, end: 7, quote: 'Ann Lea' }] as never;
    });
    expect(problems[0]).toMatch(
      /^entities\[0\] "ann-lee": evidence\[0\]: quote "Ann Lea" is not the source text at \[0, 7\), which reads "Ann Lee"/,
    );
  });

  it('rejects a relationship whose endpoint does not exist', () => {
    const problems = problemsOf((c) => {
      c.relationships[1]!.from = 'carl-doe';
    });
    expect(problems).toEqual(['relationships[1] "carl-doe--represents--ann-lee": from "carl-doe" does not exist']);
  });

  it('rejects repeated keys, of entities and of relationships', () => {
    expect(
      problemsOf((c) => {
        c.entities[1]!.key = 'ann-lee';
      }),
    ).toContain('entities[1] "ann-lee": key repeats');
    expect(
      problemsOf((c) => {
        c.relationships.push({ ...c.relationships[0]! });
      }),
    ).toContain('relationships[2] "ann-lee--worked-on--dawn": key repeats (give each a distinct "key")');
  });

  it('rejects a relationship type that does not fit its endpoints', () => {
    const problems = problemsOf((c) => {
      c.relationships[0]!.to = 'bob-roe';
    });
    expect(problems).toEqual([
      'relationships[0] "ann-lee--worked-on--bob-roe": WORKED_ON cannot go from PERSON to PERSON',
    ]);
  });

  it('rejects unknown kinds and types, and entities without mentions, naming them', () => {
    const problems = problemsOf((c) => {
      c.entities[1]!.kind = 'ANIMAL';
      c.entities[2]!.mentions = [];
      c.relationships[0]!.type = 'LOVES';
    });
    expect(problems.join('\n')).toMatch(/entities\[1\] "bob-roe"\.kind/);
    expect(problems.join('\n')).toMatch(/entities\[2\] "dawn"\.mentions: an entity needs at least one mention/);
    expect(problems.join('\n')).toMatch(/relationships\[0\]\.type/);
  });

  it('rejects a relationship without evidence, an unknown source and a missing text file', () => {
    expect(
      problemsOf((c) => {
        c.relationships[0]!.evidence = [];
      }).join('\n'),
    ).toMatch(/relationships\[0\]\.evidence: a relationship needs at least one piece of evidence/);
    expect(
      problemsOf((c) => {
        c.entities[0]!.mentions[0]!.source = 'elsewhere';
      }),
    ).toContain('entities[0] "ann-lee": evidence[0]: source "elsewhere" does not exist');
    expect(
      problemsOf((c) => {
        c.sources[0]!.textFile = 'gone.txt';
      })[0],
    ).toBe('sources[0] "src": text file "gone.txt" not found');
  });

  it('rejects fields that belong to another kind, and events without a type or with a bad date', () => {
    const problems = problemsOf((c) => {
      (c.entities[2] as Record<string, unknown>).occupations = ['film'];
      c.entities.push({ key: 'shot', kind: 'EVENT', name: 'Shot', date: '2021-13', mentions: [at('Dawn')] } as never);
    });
    expect(problems).toEqual([
      'entities[2] "dawn": occupations belongs to PERSON, not PRODUCTION',
      'entities[3] "shot": an EVENT needs an eventType',
      'entities[3] "shot": date "2021-13" is not a date like 2021, 2021-11 or 2021-11-03',
    ]);
  });
});
