/** Resolution: what an editor sees as candidates for an entity the text names, against the Rust case's entities. */
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../src/domain/loadCases.js';
import { SAME_AS_SCORE } from '../../src/domain/suggestions.js';
import { knownEntity } from '../../src/ingest/lookupInGraph.js';
import { lookupTerms } from '../../src/ingest/resolve/lookupTerms.js';
import { rankCandidates } from '../../src/ingest/resolve/rankCandidates.js';
import { similarity } from '../../src/ingest/resolve/similarity.js';
import { romanisationKey, spellingVariants } from '../../src/ingest/resolve/transliteration.js';
import type { KnownEntity, TextEntity } from '../../src/ingest/types.js';

const known: KnownEntity[] = loadCases('data').entities.map(knownEntity);

function person(name: string, occupations: string[] = []): TextEntity {
  return { kind: 'PERSON', name, mentions: [], occupations, confidence: 0.9 };
}

const top = (entity: TextEntity, graph: readonly KnownEntity[] = known) => rankCandidates(entity, graph)[0];

const other = (key: string, name: string, aliases: string[] = [], occupations: string[] = []): KnownEntity => ({
  key,
  kind: 'PERSON',
  name,
  aliases,
  occupations,
});

describe('rankCandidates', () => {
  it('takes the same name as written for the entity: EXACT, 1', () => {
    expect(top(person('Alec Baldwin'))).toMatchObject({ entityKey: 'alec-baldwin', match: 'EXACT', score: 1 });
  });

  it('takes the name in other case or spacing as NORMALISED, and still proposes it', () => {
    for (const name of ['alec baldwin', 'Alec  Baldwin', 'ALEC BALDWIN']) {
      const c = top(person(name));
      expect(c).toMatchObject({ entityKey: 'alec-baldwin', match: 'NORMALISED' });
      expect(c?.score).toBeGreaterThanOrEqual(SAME_AS_SCORE);
    }
  });

  it('folds accents: José Souza is Jose Souza', () => {
    const graph = [other('jose-souza', 'Jose Souza')];
    const c = top(person('José Souza'), graph);
    expect(c).toMatchObject({ entityKey: 'jose-souza', match: 'NORMALISED' });
    expect(c?.score).toBeGreaterThanOrEqual(SAME_AS_SCORE);
  });

  it('sees Halyna Hutchins as Galina Hutchins, one name in two transliterations', () => {
    const c = top(person('Halyna Hutchins'));
    expect(c).toMatchObject({ entityKey: 'galina-hutchins', match: 'FUZZY' });
    expect(c?.score).toBeGreaterThanOrEqual(SAME_AS_SCORE);
    expect(c?.reasons).toContain('first names Halyna and Galina are one name in two transliterations');
    expect(c?.reasons).toContain('same surname Hutchins');
  });

  it('takes Luke Nikas the lawyer for Lewten Nikas the lawyer', () => {
    const c = top(person('Luke Nikas', ['lawyer']));
    expect(c).toMatchObject({ entityKey: 'lewten-nikas', match: 'FUZZY' });
    expect(c?.score).toBeGreaterThanOrEqual(SAME_AS_SCORE);
    expect(c?.reasons.join(' ')).toMatch(/Luke ~ Lewten \(similarity 0\.\d\d\) and both are lawyers/);
  });

  it('counts an attorney as a lawyer', () => {
    expect(top(person('Luke Nikas', ['defense attorney']))?.score).toBeGreaterThanOrEqual(SAME_AS_SCORE);
  });

  it('shows Luke Nikas without a role as a candidate but does not propose it: a first name alone this unlike is not enough', () => {
    const c = top(person('Luke Nikas'));
    expect(c).toMatchObject({ entityKey: 'lewten-nikas', match: 'FUZZY' });
    expect(c?.score).toBeLessThan(SAME_AS_SCORE);
    expect(c?.score).toBeGreaterThanOrEqual(0.5);
  });

  it('does not lift Luke Nikas when the text gives a role the graph does not have', () => {
    expect(top(person('Luke Nikas', ['cinematographer']))?.score).toBeLessThan(SAME_AS_SCORE);
  });

  it('proposes the one known person a bare surname names, through the alias', () => {
    const c = top(person('Hutchins'));
    expect(c).toMatchObject({ entityKey: 'galina-hutchins', match: 'EXACT' });
    expect(c?.score).toBeGreaterThanOrEqual(SAME_AS_SCORE);
    expect(c?.reasons).toContain('alias “Hutchins”');
  });

  it('proposes a surname with an agreeing role as SURNAME_AND_ROLE', () => {
    const graph = [other('galina-hutchins', 'Galina Hutchins', [], ['cinematographer'])];
    const c = top(person('Hutchins', ['cinematographer']), graph);
    expect(c).toMatchObject({ entityKey: 'galina-hutchins', match: 'SURNAME_AND_ROLE' });
    expect(c?.score).toBeGreaterThanOrEqual(SAME_AS_SCORE);
    expect(c?.reasons).toEqual(['same surname Hutchins', 'both are cinematographers']);
  });

  it('proposes neither of two known people who share a bare surname', () => {
    const graph = [...known, other('eve-hutchins', 'Eve Hutchins', ['Hutchins'])];
    const candidates = rankCandidates(person('Hutchins'), graph);
    expect(candidates.map((c) => c.entityKey).sort()).toEqual(['eve-hutchins', 'galina-hutchins']);
    for (const c of candidates) {
      expect(c.score).toBeLessThan(SAME_AS_SCORE);
      expect(c.reasons.join(' ')).toMatch(/surname shared with/);
    }
  });

  it('lets the role single out one of two people who share a surname', () => {
    const graph = [...known, other('eve-hutchins', 'Eve Hutchins', ['Hutchins'], ['producer'])];
    const [first, second] = rankCandidates(person('Hutchins', ['cinematographer']), graph);
    expect(first?.entityKey).toBe('galina-hutchins');
    expect(first?.score).toBeGreaterThanOrEqual(SAME_AS_SCORE);
    expect(second?.score ?? 0).toBeLessThan(SAME_AS_SCORE);
  });

  it('does not propose Galina Hutchins for Eve Hutchins', () => {
    expect(top(person('Eve Hutchins'))?.score ?? 0).toBeLessThan(SAME_AS_SCORE);
    expect(top(person('Eve Hutchins', ['cinematographer']))?.score ?? 0).toBeLessThan(SAME_AS_SCORE);
  });

  it('does not propose names that merely look alike', () => {
    expect(rankCandidates(person('Alex Spiro'), known).map((c) => c.entityKey)).toEqual(['alex-spiro']);
    expect(rankCandidates(person('Alec Spiro'), known).some((c) => c.entityKey === 'alec-baldwin')).toBe(false);
    expect(top(person('Joe Sousa'))?.score ?? 0).toBeLessThan(SAME_AS_SCORE);
    expect(top(person('Joel Sousa', ['director']))?.score ?? 0).toBeLessThan(SAME_AS_SCORE);
  });

  it('matches only entities of the same kind', () => {
    const asOrganisation: TextEntity = { ...person('Alec Baldwin'), kind: 'ORGANISATION' };
    expect(rankCandidates(asOrganisation, known)).toEqual([]);
    const asPerson = person('Rust');
    expect(rankCandidates(asPerson, known)).toEqual([]);
  });

  it('matches organisations and places by name, normalised', () => {
    const office: TextEntity = { ...person('New Mexico State Attorneys Office'), kind: 'ORGANISATION' };
    expect(top(office)).toMatchObject({ entityKey: 'new-mexico-state-attorneys-office', match: 'NORMALISED' });
    const place: TextEntity = { ...person('new mexico'), kind: 'LOCATION' };
    expect(top(place)).toMatchObject({ entityKey: 'new-mexico', match: 'NORMALISED' });
    const montana: TextEntity = { ...person('Montana'), kind: 'LOCATION' };
    expect(rankCandidates(montana, known).map((c) => c.entityKey)).toEqual(['montana']);
  });

  it('proposes a full name over a look-alike when both are known', () => {
    const graph = [
      other('mary-smith', 'Mary Smith', [], ['lawyer']),
      other('mark-smith', 'Mark Smith', [], ['lawyer']),
    ];
    const [first, second] = rankCandidates(person('Mary Smith', ['lawyer']), graph);
    expect(first).toMatchObject({ entityKey: 'mary-smith', match: 'EXACT', score: 1 });
    expect(second?.entityKey).toBe('mark-smith');
  });

  it('proposes neither of two known entities with the same name', () => {
    const graph = [other('john-smith', 'John Smith'), other('john-smith-2', 'John Smith')];
    const candidates = rankCandidates(person('John Smith'), graph);
    expect(candidates).toHaveLength(2);
    for (const c of candidates) expect(c.score).toBeLessThan(SAME_AS_SCORE);
  });

  it('proposes a transliterated surname: Zelensky is Zelenskyy', () => {
    const graph = [other('volodymyr-zelenskyy', 'Volodymyr Zelenskyy', ['Zelenskyy'], ['president'])];
    const c = top(person('Volodymyr Zelensky'), graph);
    expect(c).toMatchObject({ entityKey: 'volodymyr-zelenskyy', match: 'FUZZY' });
    expect(c?.score).toBeGreaterThanOrEqual(SAME_AS_SCORE);
    expect(c?.reasons).toContain('surnames Zelensky and Zelenskyy are one name in two transliterations');
  });

  it('returns candidates best first, scores 0 to 1, none below 0.5', () => {
    for (const name of ['Halyna Hutchins', 'Hutchins', 'Luke Nikas', 'Eve Hutchins', 'Baldwin', 'Alec Baldwin']) {
      const candidates = rankCandidates(person(name), known);
      const scores = candidates.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const s of scores) expect(s >= 0.5 && s <= 1).toBe(true);
      for (const c of candidates) expect(c.reasons.length).toBeGreaterThan(0);
    }
  });
});

describe('transliteration', () => {
  it('gives one key to romanisations of one name', () => {
    const same = [
      ['Halyna', 'Galina'],
      ['Zelensky', 'Zelenskyy'],
      ['Zelenskiy', 'Zelenskij'],
      ['Yevgeny', 'Evgeny'],
      ['Olha', 'Olga'],
      ['Alexei', 'Aleksey'],
      ['Yulia', 'Yuliia'],
      ['Mikhail', 'Mihail'],
    ];
    for (const [a, b] of same)
      expect(romanisationKey((a as string).toLowerCase())).toBe(romanisationKey((b as string).toLowerCase()));
  });

  it('keeps names that are different in English apart', () => {
    for (const [a, b] of [
      ['souza', 'sousa'],
      ['mark', 'mary'],
      ['joel', 'joe'],
      ['alex', 'alec'],
    ])
      expect(romanisationKey(a as string)).not.toBe(romanisationKey(b as string));
  });

  it('spells a name the other ways, fewest changes first', () => {
    expect(spellingVariants('zelensky', 8)).toContain('zelenskyy');
    expect(spellingVariants('halyna', 8)).toContain('galina');
    expect(spellingVariants('galina', 8)).toContain('halyna');
  });
});

describe('lookupTerms', () => {
  it('gives the significant words of a name, not titles, initials or stopwords', () => {
    expect(lookupTerms(person('Dr. J. Alec Baldwin')).slice(0, 2)).toEqual(['alec', 'baldwin']);
    const office: TextEntity = { ...person('The New Mexico State Attorney’s Office'), kind: 'ORGANISATION' };
    const terms = lookupTerms(office);
    expect(terms).toContain('mexico');
    expect(terms).toContain("attorney's");
    expect(terms).not.toContain('the');
  });

  it('adds the spellings that find a transliterated name, at most 12 terms', () => {
    const terms = lookupTerms(person('Volodymyr Zelensky'));
    expect(terms).toContain('zelenskyy');
    expect(terms.length).toBeLessThanOrEqual(12);
    expect(lookupTerms(person('Halyna Hutchins'))).toContain('hutchins');
  });

  it('finds the known entities the tests above rank, through the in-memory lookup words', () => {
    const words = new Set(known.flatMap((k) => [k.name, ...k.aliases]).flatMap((s) => s.toLowerCase().split(/\s+/)));
    expect(lookupTerms(person('Luke Nikas')).some((t) => words.has(t))).toBe(true);
  });
});

describe('names taken apart', () => {
  it('keeps a hyphenated surname whole', () => {
    const graph = [other('hannah-gutierrez-reed', 'Hannah Gutierrez-Reed', ['Gutierrez-Reed'], ['armorer'])];
    expect(top(person('Gutierrez-Reed’s'), graph)).toMatchObject({ entityKey: 'hannah-gutierrez-reed' });
    const c = top(person('Hanna Gutierrez-Reed', ['armourer']), graph);
    expect(c?.reasons).toContain('same surname Gutierrez-Reed');
    expect(c?.score).toBeGreaterThanOrEqual(SAME_AS_SCORE);
  });

  it('sets titles aside and tells Jr. apart', () => {
    expect(top(person('Mr. Alec Baldwin'))?.score).toBeGreaterThanOrEqual(SAME_AS_SCORE);
    expect(top(person('Alec Baldwin Jr.'))?.score).toBeLessThan(SAME_AS_SCORE);
    expect(lookupTerms(person('Alec Baldwin Jr.'))).not.toContain('jr');
  });
});

describe('similarity', () => {
  it('gives the same similarity whatever was compared before (cmpstr’s buffer pool is off)', () => {
    const words = ['marcus', 'alec', 'owen', 'galina', 'matthew', 'hutchins', 'nikas', 'spiro', 'lewten', 'luke'];
    const first = similarity('galina', 'hutchins');
    for (const a of words) for (const b of words) similarity(a, b);
    expect(similarity('galina', 'hutchins')).toBe(first);
    expect(first).toBe(0.53);
    expect(similarity('luke', 'lewten')).toBe(0.65);
    expect(similarity('galina', 'spiro')).toBe(0.46);
  });
});
