/**
 * The claims rule, held against the Rust case: a relationship whose evidence does not state it is not
 * in the graph as STATED. Each STATED claim is listed here, by hand, with the article's words that
 * state it; what the article attributes to someone, plans or expects carries that modality and its
 * asserter; an analyst's inference is marked INFERRED and names the analyst.
 */
import { describe, expect, it } from 'vitest';
import type { Modality } from '../../src/domain/claims.js';
import { loadCases } from '../../src/domain/loadCases.js';
import { quoteOf, type Relationship } from '../../src/domain/model.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';

const graph = loadCases(DEFAULT_DATA_DIR);
const article = graph.sources.find((s) => s.key === 'rust-article')!;
const rust = graph.relationships.filter((r) => r.evidence.some((e) => e.sourceKey === article.key));

const claim = (r: Pick<Relationship, 'type' | 'from' | 'to'>) => `${r.type} ${r.from} -> ${r.to}`;
const modalities = (r: Relationship) => [...new Set(r.evidence.map((e) => e.modality))];
const find = (type: string, from: string, to: string) =>
  rust.find((r) => r.type === type && r.from === from && r.to === to);

/** Every claim the article states as fact, in its own voice, and the words that state it. */
const STATED: Record<string, string> = {
  'REPRESENTS lewten-nikas -> alec-baldwin': 'Lewten Nikas and Alex Spiro, who represent Baldwin',
  'REPRESENTS alex-spiro -> alec-baldwin': 'Lewten Nikas and Alex Spiro, who represent Baldwin',
  'FILMED_AT rust -> rust-set': 'the Rust set',
  'OCCURRED_AT rust-set-incident -> rust-set': 'incident on the Rust set',
  'CONCERNS rust-set-incident -> rust': 'incident on the Rust set',
  'PARTICIPATED_IN alec-baldwin -> rust-set-incident': 'Baldwin inadvertently discharged a prop firearm',
  'PARTICIPATED_IN galina-hutchins -> rust-set-incident': 'resulted in Hutchins’s death',
  'PARTICIPATED_IN joel-souza -> rust-set-incident': 'left Souza injured',
  'LED_TO rust-set-incident -> death-of-galina-hutchins': 'resulted in Hutchins’s death',
  'PARTICIPATED_IN galina-hutchins -> death-of-galina-hutchins': 'Hutchins’s death',
  'CONCERNS rust-production-halt -> rust': 'the movie Rust, which had halted production',
  'PARTICIPATED_IN alec-baldwin -> legal-scrutiny-of-baldwin': 'Baldwin faced legal scrutiny',
  'PARTICIPATED_IN abc-news -> baldwin-cleared-of-charges':
    'ABC News cited informed sources in reporting the acquittal',
  'PARTICIPATED_IN lewten-nikas -> statement-by-baldwins-lawyers':
    'Lewten Nikas and Alex Spiro, who represent Baldwin, issued a statement',
  'PARTICIPATED_IN alex-spiro -> statement-by-baldwins-lawyers':
    'Lewten Nikas and Alex Spiro, who represent Baldwin, issued a statement',
};

/** Claims the article passes on from someone else, or gives as planned or expected: by whom, and the words. */
const ATTRIBUTED: Record<string, { modality: Modality; assertedBy: string; words: string }> = {
  'PARTICIPATED_IN alec-baldwin -> baldwin-cleared-of-charges': {
    modality: 'REPORTED',
    assertedBy: 'ABC News, citing informed sources',
    words: 'cleared of charges',
  },
  'PARTICIPATED_IN new-mexico-state-attorneys-office -> baldwin-cleared-of-charges': {
    modality: 'REPORTED',
    assertedBy: 'ABC News, citing informed sources',
    words: 'cleared of charges by the New Mexico State Attorney’s Office',
  },
  'WORKED_ON joel-souza -> rust': { modality: 'REPORTED', assertedBy: 'Reports', words: 'director Joel Souza' },
  'CONCERNS rust-filming-resumption -> rust': {
    modality: 'PLANNED',
    assertedBy: 'Earlier updates',
    words: 'was set to resume filming',
  },
  'FILMED_AT rust -> montana': {
    modality: 'PLANNED',
    assertedBy: 'Reports',
    words: 'was planned to continue at a location in Montana',
  },
  'OCCURRED_AT rust-filming-resumption -> montana': {
    modality: 'PLANNED',
    assertedBy: 'Reports',
    words: 'was planned to continue at a location in Montana',
  },
  'PARTICIPATED_IN alec-baldwin -> rust-filming-resumption': {
    modality: 'EXPECTED',
    assertedBy: 'Reports',
    words: 'Baldwin and director Joel Souza expected to return to the set',
  },
  'PARTICIPATED_IN joel-souza -> rust-filming-resumption': {
    modality: 'EXPECTED',
    assertedBy: 'Reports',
    words: 'Baldwin and director Joel Souza expected to return to the set',
  },
};

/** What no sentence states, kept as an analyst's inference: the causal chain, a name, a presence on set. */
const INFERRED = [
  'LED_TO death-of-galina-hutchins -> rust-production-halt',
  'LED_TO death-of-galina-hutchins -> legal-scrutiny-of-baldwin',
  'LED_TO legal-scrutiny-of-baldwin -> baldwin-cleared-of-charges',
  'LED_TO baldwin-cleared-of-charges -> statement-by-baldwins-lawyers',
  'HAS_JURISDICTION new-mexico-state-attorneys-office -> new-mexico',
  'WORKED_ON alec-baldwin -> rust',
];

describe('the claims rule in the Rust case', () => {
  it('quotes, for every STATED claim, the words that state it', () => {
    for (const r of rust) {
      for (const e of r.evidence.filter((x) => x.modality === 'STATED')) {
        const words = STATED[claim(r)];
        expect(words, `${claim(r)} is STATED but no words are listed as stating it`).toBeDefined();
        expect(quoteOf(e, article), claim(r)).toContain(words);
        expect(e.assertedBy, `${claim(r)}: the article states it itself`).toBeNull();
      }
    }
  });

  it('holds every listed STATED claim, and only as STATED', () => {
    for (const key of Object.keys(STATED)) {
      const r = rust.find((x) => claim(x) === key);
      expect(r, key).toBeDefined();
      expect(modalities(r!), key).toEqual(['STATED']);
    }
  });

  it('names who asserts each REPORTED, PLANNED or EXPECTED claim, and quotes the words', () => {
    for (const [key, { modality, assertedBy, words }] of Object.entries(ATTRIBUTED)) {
      const r = rust.find((x) => claim(x) === key);
      expect(r, key).toBeDefined();
      for (const e of r!.evidence) {
        expect([e.modality, e.assertedBy], key).toEqual([modality, assertedBy]);
      }
      expect(
        r!.evidence.some((e) => quoteOf(e, article).includes(words)),
        key,
      ).toBe(true);
    }
  });

  it('has exactly the PLANNED and EXPECTED claims listed', () => {
    const planned = rust.filter((r) => r.evidence.some((e) => e.modality === 'PLANNED' || e.modality === 'EXPECTED'));
    const listed = Object.entries(ATTRIBUTED)
      .filter(([, a]) => a.modality === 'PLANNED' || a.modality === 'EXPECTED')
      .map(([key]) => key);
    expect(planned.map(claim).sort()).toEqual(listed.sort());
  });

  it('names an asserter for every REPORTED evidence and an analyst for every INFERRED one', () => {
    const evidence = rust.flatMap((r) => r.evidence.map((e) => ({ claim: claim(r), ...e })));
    for (const e of evidence.filter((x) => x.modality === 'REPORTED' || x.modality === 'INFERRED')) {
      expect(e.assertedBy, `${e.claim}: ${e.modality} without assertedBy`).toEqual(expect.any(String));
      expect(e.assertedBy!.trim(), e.claim).not.toBe('');
    }
  });

  it('marks every inference it keeps as INFERRED, and holds no claim unaccounted for', () => {
    for (const key of INFERRED) {
      const r = rust.find((x) => claim(x) === key);
      expect(r, key).toBeDefined();
      expect(modalities(r!), key).toEqual(['INFERRED']);
    }
    const accounted = new Set([...Object.keys(STATED), ...Object.keys(ATTRIBUTED), ...INFERRED]);
    expect(rust.map(claim).filter((key) => !accounted.has(key))).toEqual([]);
  });

  it('gives the acquittal as REPORTED by ABC News, citing informed sources', () => {
    const acquittal = find('PARTICIPATED_IN', 'alec-baldwin', 'baldwin-cleared-of-charges')!;
    expect(acquittal.evidence.length).toBeGreaterThan(0);
    for (const e of acquittal.evidence) {
      expect(e.modality).toBe('REPORTED');
      expect(e.assertedBy).toBe('ABC News, citing informed sources');
    }
    expect(acquittal.evidence.map((e) => quoteOf(e, article))).toContain(
      'ABC News cited informed sources in reporting the acquittal',
    );
  });

  it('does not state that Rust was filmed in Montana, only that it was planned', () => {
    const montana = find('FILMED_AT', 'rust', 'montana')!;
    expect(montana).toBeDefined();
    expect(montana.evidence.map((e) => e.modality)).not.toContain('STATED');
    expect(modalities(montana)).toEqual(['PLANNED']);
  });

  it('does not state the Office’s jurisdiction: a name is not a statement', () => {
    const jurisdiction = rust.filter((r) => r.type === 'HAS_JURISDICTION');
    for (const r of jurisdiction) {
      expect(modalities(r), claim(r)).toEqual(['INFERRED']);
      for (const e of r.evidence) expect(e.assertedBy, claim(r)).toEqual(expect.any(String));
    }
  });

  it('states no cause the article gives only as "after", or not at all', () => {
    for (const r of rust.filter((x) => x.type === 'LED_TO')) {
      if (modalities(r).includes('STATED')) {
        for (const e of r.evidence) expect(quoteOf(e, article), claim(r)).toMatch(/resulted in|led to/);
      }
    }
  });

  it('invents no headline for the article', () => {
    expect(article.title).toBeNull();
  });

  it('uses the article’s words for the incident, not "shooting" or "shooter"', () => {
    const incident = graph.entities.find((e) => e.key === 'rust-set-incident')!;
    expect(incident.eventType).toBe('incident');
    const words = [
      ...graph.entities.flatMap((e) => [e.summary ?? '', e.eventType ?? '']),
      ...rust.map((r) => r.role ?? ''),
    ];
    for (const word of words) expect(word).not.toMatch(/shoot(er|ing)|killed/i);
  });
});
