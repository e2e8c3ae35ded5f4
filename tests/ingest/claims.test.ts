import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../../src/domain/kinds.js';
import type { ClaimSuggestion, DateMention, EntitySuggestion } from '../../src/domain/suggestions.js';
import { suggestClaims } from '../../src/ingest/claims/suggestClaims.js';
import { entitySuggestion } from '../support/suggestions.js';

/** Every [start, end) of `quote` in `text`. */
function spans(text: string, quote: string) {
  const out: { start: number; end: number; quote: string }[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + quote.length)) {
    out.push({ start: at, end: at + quote.length, quote });
  }
  return out;
}

/** An entity suggestion with a mention at every place the text gives each of `quotes`. */
function entity(
  text: string,
  key: string,
  kind: EntityKind,
  name: string,
  quotes: string[] = [name],
): EntitySuggestion {
  const mentions = quotes.flatMap((q) => spans(text, q)).sort((a, b) => a.start - b.start);
  return entitySuggestion({ key, kind, name, mentions });
}

function date(text: string, quote: string, value: string): DateMention {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length, quote, date: value };
}

function read(text: string, entities: EntitySuggestion[], dates: DateMention[] = []) {
  const result = suggestClaims({ text, entities, dates });
  for (const claim of result.claims) {
    expect(claim.evidence.quote).toBe(text.slice(claim.evidence.start, claim.evidence.end));
  }
  for (const event of result.events) {
    for (const m of event.mentions) expect(m.quote).toBe(text.slice(m.start, m.end));
  }
  return result;
}

const link = (c: ClaimSuggestion) => [c.type, c.from, c.to, c.role];

describe('suggestClaims: representation', () => {
  it('reads "X’s lawyers, A and B" as each lawyer representing X', () => {
    const text = 'Baldwin’s lawyers, Luke Nikas and Alex Spiro, said the case had closed.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Alec Baldwin', ['Baldwin']),
      entity(text, 'e2', 'PERSON', 'Luke Nikas'),
      entity(text, 'e3', 'PERSON', 'Alex Spiro'),
    ]);
    expect(claims.map(link)).toEqual([
      ['REPRESENTS', 'e2', 'e1', 'lawyer'],
      ['REPRESENTS', 'e3', 'e1', 'lawyer'],
    ]);
    expect(claims.map((c) => c.key)).toEqual(['c1', 'c2']);
    expect(claims[0]).toMatchObject({ status: 'OPEN', decision: null, pattern: 'X’s lawyers A and B' });
    expect(claims[0]?.evidence).toMatchObject({
      start: 0,
      end: text.length,
      modality: 'STATED',
      cue: null,
      assertedBy: null,
    });
  });

  it('reads "A and B, who represent X" as STATED whatever the rest of the sentence argues', () => {
    const text = 'Luke Nikas and Alex Spiro, who represent Alec Baldwin, argued that the charge should be dropped.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Luke Nikas'),
      entity(text, 'e2', 'PERSON', 'Alex Spiro'),
      entity(text, 'e3', 'PERSON', 'Alec Baldwin'),
    ]);
    expect(claims.map(link)).toEqual([
      ['REPRESENTS', 'e1', 'e3', null],
      ['REPRESENTS', 'e2', 'e3', null],
    ]);
    expect(claims.every((c) => c.evidence.modality === 'STATED')).toBe(true);
    expect(claims[0]?.pattern).toBe('X, who represent Y');
  });

  it('reads "A, a lawyer for X" and an organisation that represents a person', () => {
    const text =
      'Jason Bowles, a lawyer for Hannah Gutierrez-Reed, said she would appeal. SAG-AFTRA, the union that represents Dara Whitfield, said little.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Jason Bowles'),
      entity(text, 'e2', 'PERSON', 'Hannah Gutierrez-Reed'),
      entity(text, 'e3', 'ORGANISATION', 'SAG-AFTRA'),
      entity(text, 'e4', 'PERSON', 'Dara Whitfield'),
    ]);
    expect(claims.map(link)).toEqual([
      ['REPRESENTS', 'e1', 'e2', 'lawyer'],
      ['REPRESENTS', 'e3', 'e4', null],
    ]);
    // each claim's evidence is its own sentence
    expect(claims[1]?.evidence.quote).toBe('SAG-AFTRA, the union that represents Dara Whitfield, said little.');
  });
});

describe('suggestClaims: work on a production', () => {
  it('reads "X directed Y" as WORKED_ON with the role director', () => {
    const text = 'Joel Souza directed Rust.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Joel Souza'),
      entity(text, 'e2', 'PRODUCTION', 'Rust'),
    ]);
    expect(claims.map(link)).toEqual([['WORKED_ON', 'e1', 'e2', 'director']]);
  });

  it('reads "Y, directed by X", "Y cinematographer X" and "X, the armourer on Y"', () => {
    const text =
      'Rust, written and directed by Joel Souza, was shot in New Mexico. Rust cinematographer Halyna Hutchins was admired. Hannah Gutierrez-Reed, the armourer on the western Rust, testified.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PRODUCTION', 'Rust'),
      entity(text, 'e2', 'PERSON', 'Joel Souza'),
      entity(text, 'e3', 'LOCATION', 'New Mexico'),
      entity(text, 'e4', 'PERSON', 'Halyna Hutchins'),
      entity(text, 'e5', 'PERSON', 'Hannah Gutierrez-Reed'),
    ]);
    expect(claims.map(link)).toEqual([
      ['WORKED_ON', 'e2', 'e1', 'writer'],
      ['WORKED_ON', 'e2', 'e1', 'director'],
      ['FILMED_AT', 'e1', 'e3', null],
      ['WORKED_ON', 'e4', 'e1', 'cinematographer'],
      ['WORKED_ON', 'e5', 'e1', 'armourer'],
    ]);
  });

  it('suggests nothing when the kinds do not fit the relationship type', () => {
    const text = 'Joel Souza directed Montana. Rust, who represent Alec Baldwin, said nothing.';
    const { claims, events } = read(text, [
      entity(text, 'e1', 'PERSON', 'Joel Souza'),
      entity(text, 'e2', 'LOCATION', 'Montana'),
      entity(text, 'e3', 'PRODUCTION', 'Rust'),
      entity(text, 'e4', 'PERSON', 'Alec Baldwin'),
    ]);
    expect(claims).toEqual([]);
    expect(events).toEqual([]);
  });

  it('never links two mentions of the same entity, and states a link once (first evidence kept)', () => {
    const text = 'Alex Spiro, who represents Spiro, spoke. Joel Souza directed Rust. Later, Souza directed Rust again.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Alex Spiro', ['Alex Spiro', 'Spiro']),
      entity(text, 'e2', 'PERSON', 'Joel Souza', ['Joel Souza', 'Souza']),
      entity(text, 'e3', 'PRODUCTION', 'Rust'),
    ]);
    expect(claims.map(link)).toEqual([['WORKED_ON', 'e2', 'e3', 'director']]);
    expect(claims[0]?.evidence.quote).toBe('Joel Souza directed Rust.');
  });
});

describe('suggestClaims: places', () => {
  it('reads "Filming of Y was set to resume in Z" as a PLANNED FILMED_AT', () => {
    const text = 'Filming of Rust was set to resume in Montana.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PRODUCTION', 'Rust'),
      entity(text, 'e2', 'LOCATION', 'Montana'),
    ]);
    expect(claims.map(link)).toEqual([['FILMED_AT', 'e1', 'e2', null]]);
    expect(claims[0]?.evidence).toMatchObject({ modality: 'PLANNED', cue: 'was set to', assertedBy: null });
  });

  it('reads "according to X" as REPORTED by X, and "Y, Z" / "Y in Z" as LOCATED_IN', () => {
    const text = 'Rust was filmed at Bonanza Creek Ranch in Santa Fe, New Mexico, according to ABC News.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PRODUCTION', 'Rust'),
      entity(text, 'e2', 'LOCATION', 'Bonanza Creek Ranch'),
      entity(text, 'e3', 'LOCATION', 'Santa Fe'),
      entity(text, 'e4', 'LOCATION', 'New Mexico'),
      entity(text, 'e5', 'ORGANISATION', 'ABC News'),
    ]);
    expect(claims.map(link)).toEqual([
      ['FILMED_AT', 'e1', 'e2', null],
      ['LOCATED_IN', 'e2', 'e3', null],
      ['LOCATED_IN', 'e3', 'e4', null],
    ]);
    for (const claim of claims) {
      expect(claim.evidence).toMatchObject({ modality: 'REPORTED', cue: 'according to', assertedBy: 'ABC News' });
    }
  });

  it('reads "Z, where Y was being filmed"', () => {
    const text = 'The blast happened at Dragon Studios, near Bridgend, where The Ninth Lantern was being filmed.';
    const { claims } = read(text, [
      entity(text, 'e1', 'LOCATION', 'Dragon Studios'),
      entity(text, 'e2', 'LOCATION', 'Bridgend'),
      entity(text, 'e3', 'PRODUCTION', 'The Ninth Lantern'),
    ]);
    expect(claims.map(link)).toEqual([['FILMED_AT', 'e3', 'e1', null]]);
  });
});

describe('suggestClaims: events', () => {
  it('proposes a conviction event, numbered after the context’s entities, with its date', () => {
    const text = 'Hannah Gutierrez-Reed was convicted of involuntary manslaughter in March 2024.';
    const others = Array.from({ length: 8 }, (_, i) => entity(text, `e${i + 2}`, 'PERSON', `Nobody ${i}`, []));
    const { events, claims } = read(
      text,
      [entity(text, 'e1', 'PERSON', 'Hannah Gutierrez-Reed'), ...others],
      [date(text, 'March 2024', '2024-03')],
    );
    expect(events).toEqual([
      {
        key: 'e10',
        status: 'OPEN',
        kind: 'EVENT',
        name: 'Conviction of Hannah Gutierrez-Reed',
        mentions: spans(text, 'was convicted of involuntary manslaughter'),
        confidence: expect.any(Number),
        occupations: [],
        eventType: 'conviction',
        date: '2024-03',
        candidates: [],
        sameAs: null,
        newKey: '',
        decision: null,
      },
    ]);
    expect(claims.map(link)).toEqual([['PARTICIPATED_IN', 'e1', 'e10', 'convicted']]);
    expect(claims[0]?.evidence.modality).toBe('STATED');
  });

  it('reads the party of a passive verb, "by X", and what a legal event is "in connection with"', () => {
    const text =
      'Alec Baldwin has been cleared of charges by the New Mexico State Attorney’s Office in connection with the death of Halyna Hutchins.';
    const { events, claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Alec Baldwin'),
      entity(text, 'e2', 'ORGANISATION', 'New Mexico State Attorney’s Office'),
      entity(text, 'e3', 'PERSON', 'Halyna Hutchins'),
    ]);
    expect(events.map((e) => [e.key, e.name, e.eventType])).toEqual([
      ['e4', 'Alec Baldwin cleared of charges', 'dismissal'],
      ['e5', 'Death of Halyna Hutchins', 'death'],
    ]);
    expect(claims.map(link)).toEqual([
      ['PARTICIPATED_IN', 'e1', 'e4', 'cleared'],
      ['PARTICIPATED_IN', 'e2', 'e4', null],
      ['CONCERNS', 'e4', 'e3', null],
      ['PARTICIPATED_IN', 'e3', 'e5', 'died'],
    ]);
  });

  it('reads "was shot" and "was killed" for people, and an event’s place', () => {
    const text =
      'Halyna Hutchins was fatally shot on the set of Rust at Bonanza Creek Ranch. Rust was shot in Montana.';
    const { events, claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Halyna Hutchins'),
      entity(text, 'e2', 'PRODUCTION', 'Rust'),
      entity(text, 'e3', 'LOCATION', 'Bonanza Creek Ranch'),
      entity(text, 'e4', 'LOCATION', 'Montana'),
    ]);
    expect(events.map((e) => [e.name, e.eventType])).toEqual([['Shooting of Halyna Hutchins', 'shooting']]);
    expect(claims.map(link)).toEqual([
      ['PARTICIPATED_IN', 'e1', 'e5', 'shot'],
      ['CONCERNS', 'e5', 'e2', null],
      ['OCCURRED_AT', 'e5', 'e3', null],
      ['FILMED_AT', 'e2', 'e3', null],
      ['FILMED_AT', 'e2', 'e4', null],
    ]);
  });

  it('keeps one event for one thing named twice, and reads "the trial" as the trial named before', () => {
    const text =
      'Baldwin’s own trial was set to begin in July 2024. Joel Souza was expected to testify at the trial. Baldwin’s trial lasted two days.';
    const { events, claims } = read(
      text,
      [entity(text, 'e1', 'PERSON', 'Alec Baldwin', ['Baldwin']), entity(text, 'e2', 'PERSON', 'Joel Souza')],
      [date(text, 'July 2024', '2024-07')],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ key: 'e3', name: 'Trial of Alec Baldwin', eventType: 'trial', date: '2024-07' });
    expect(events[0]?.mentions.map((m) => m.quote)).toEqual(['Baldwin’s own trial', 'trial', 'Baldwin’s trial']);
    expect(claims.map(link)).toEqual([
      ['PARTICIPATED_IN', 'e1', 'e3', 'defendant'],
      ['PARTICIPATED_IN', 'e2', 'e3', 'witness'],
    ]);
    expect(claims[0]?.evidence).toMatchObject({ modality: 'PLANNED', cue: 'was set to' });
    expect(claims[1]?.evidence).toMatchObject({ modality: 'EXPECTED', cue: 'expected to', assertedBy: null });
  });

  it('reads "found X guilty", "the charges against X were dropped" and "X was sued by Y"', () => {
    const text =
      'A jury found Hannah Gutierrez-Reed guilty of involuntary manslaughter. The charges against Alec Baldwin were dropped. Orbit Films was sued by Matthew Hutchins, not by Walker’s family.';
    const { events, claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Hannah Gutierrez-Reed'),
      entity(text, 'e2', 'PERSON', 'Alec Baldwin'),
      entity(text, 'e3', 'ORGANISATION', 'Orbit Films'),
      entity(text, 'e4', 'PERSON', 'Matthew Hutchins'),
      entity(text, 'e5', 'PERSON', 'Walker'),
    ]);
    expect(events.map((e) => [e.key, e.name, e.eventType])).toEqual([
      ['e6', 'Conviction of Hannah Gutierrez-Reed', 'conviction'],
      ['e7', 'Dismissal of the charges against Alec Baldwin', 'dismissal'],
      ['e8', 'Lawsuit against Orbit Films', 'lawsuit'],
    ]);
    expect(claims.map(link)).toEqual([
      ['PARTICIPATED_IN', 'e1', 'e6', 'convicted'],
      ['PARTICIPATED_IN', 'e2', 'e7', 'defendant'],
      ['PARTICIPATED_IN', 'e3', 'e8', 'defendant'],
      ['PARTICIPATED_IN', 'e4', 'e8', 'plaintiff'],
    ]);
  });

  it('leaves out what the sentence denies', () => {
    const text = 'Alec Baldwin was not charged.';
    expect(read(text, [entity(text, 'e1', 'PERSON', 'Alec Baldwin')]).claims).toEqual([]);
  });
});

describe('suggestClaims: modality and asserter', () => {
  it('takes the party named for "argued" and "reported", and names none it cannot find', () => {
    const text =
      'Prosecutors argued that Joel Souza directed Rust. Hannah Gutierrez-Reed was charged with manslaughter, the Associated Press reported. Alex Spiro reportedly represents Alec Baldwin.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Joel Souza'),
      entity(text, 'e2', 'PRODUCTION', 'Rust'),
      entity(text, 'e3', 'PERSON', 'Hannah Gutierrez-Reed'),
      entity(text, 'e4', 'ORGANISATION', 'Associated Press'),
      entity(text, 'e5', 'PERSON', 'Alex Spiro'),
      entity(text, 'e6', 'PERSON', 'Alec Baldwin'),
    ]);
    expect(claims.map((c) => [c.type, c.evidence.modality, c.evidence.cue, c.evidence.assertedBy])).toEqual([
      ['WORKED_ON', 'ALLEGED', 'argued', 'Prosecutors'],
      ['PARTICIPATED_IN', 'REPORTED', 'reported', 'the Associated Press'],
      ['REPRESENTS', 'REPORTED', 'reportedly', null],
    ]);
  });

  it('does not let the cue of a relative clause colour the main clause', () => {
    const text =
      'Mary Chen, who denies wrongdoing, went on trial in Santa Fe. Joel Souza directed Rust and is expected to return.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Mary Chen'),
      entity(text, 'e2', 'LOCATION', 'Santa Fe'),
      entity(text, 'e3', 'PERSON', 'Joel Souza'),
      entity(text, 'e4', 'PRODUCTION', 'Rust'),
    ]);
    expect(claims.map((c) => [c.type, c.evidence.modality])).toEqual([
      ['PARTICIPATED_IN', 'STATED'],
      ['OCCURRED_AT', 'STATED'],
      ['WORKED_ON', 'STATED'],
    ]);
  });

  it('reads "X denied" as DENIED by X', () => {
    const text = 'Alec Baldwin denied that Joel Souza directed Rust.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Alec Baldwin'),
      entity(text, 'e2', 'PERSON', 'Joel Souza'),
      entity(text, 'e3', 'PRODUCTION', 'Rust'),
    ]);
    expect(claims[0]?.evidence).toMatchObject({ modality: 'DENIED', cue: 'denied', assertedBy: 'Alec Baldwin' });
  });
});

describe('suggestClaims: sentences', () => {
  it('does not end a sentence at an abbreviation or inside a name', () => {
    const text = 'Mr. Spiro, who represents Alec Baldwin, met the U.S. Attorney’s Office.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Alex Spiro', ['Spiro']),
      entity(text, 'e2', 'PERSON', 'Alec Baldwin'),
      entity(text, 'e3', 'ORGANISATION', 'U.S. Attorney’s Office'),
    ]);
    expect(claims.map(link)).toEqual([['REPRESENTS', 'e1', 'e2', null]]);
    expect(claims[0]?.evidence.quote).toBe(text);
  });

  it('reads a sentence across hard-wrapped lines, but not across a heading', () => {
    const text =
      'Rust armorer convicted\nFilming of Rust was set to resume in\nMontana, and Joel Souza directed\nRust.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PRODUCTION', 'Rust'),
      entity(text, 'e2', 'LOCATION', 'Montana'),
      entity(text, 'e3', 'PERSON', 'Joel Souza'),
    ]);
    expect(claims.map(link)).toEqual([
      ['FILMED_AT', 'e1', 'e2', null],
      ['WORKED_ON', 'e3', 'e1', 'director'],
    ]);
    expect(claims[0]?.evidence.start).toBe(text.indexOf('Filming'));
  });

  it('stays fast on long lists of names', () => {
    const names = Array.from({ length: 400 }, (_, i) => `Person${String.fromCharCode(65 + (i % 26))}${i}`);
    const text = `${names.join(', ')}, who represent Alec Baldwin, said. `.repeat(3);
    const entities = names.map((n, i) => entity(text, `e${i + 1}`, 'PERSON', n));
    entities.push(entity(text, 'e401', 'PERSON', 'Alec Baldwin'));
    const started = performance.now();
    suggestClaims({ text, entities, dates: [] });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('suggestClaims: credits in appositions, lists and titles', () => {
  it('reads a plural role before a list: "Y’s creators, A, B and C"', () => {
    const text = 'Harbor Lights’ creators, Nadia Osei, Tom Brandt and Lucia Ferro, pitched it in 2019.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PRODUCTION', 'Harbor Lights'),
      entity(text, 'e2', 'PERSON', 'Nadia Osei'),
      entity(text, 'e3', 'PERSON', 'Tom Brandt'),
      entity(text, 'e4', 'PERSON', 'Lucia Ferro'),
    ]);
    expect(claims.map(link)).toEqual([
      ['WORKED_ON', 'e2', 'e1', 'creator'],
      ['WORKED_ON', 'e3', 'e1', 'creator'],
      ['WORKED_ON', 'e4', 'e1', 'creator'],
    ]);
  });

  it('reads "the series’ creators" as the one production the text names, only after it is named', () => {
    const text =
      'Harbor Lights premiered in May. The series’ creators, Nadia Osei and Tom Brandt, said a second season was planned.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PRODUCTION', 'Harbor Lights'),
      entity(text, 'e2', 'PERSON', 'Nadia Osei'),
      entity(text, 'e3', 'PERSON', 'Tom Brandt'),
    ]);
    expect(claims.map(link)).toEqual([
      ['WORKED_ON', 'e2', 'e1', 'creator'],
      ['WORKED_ON', 'e3', 'e1', 'creator'],
    ]);
    expect(claims.every((c) => c.evidence.modality === 'STATED')).toBe(true);
  });

  it('does not resolve "the film" before the production is named, nor when the text names two', () => {
    const before = 'The film’s creators, Nadia Osei and Tom Brandt, met in 2015. Later, Netflix bought Harbor Lights.';
    expect(
      read(before, [
        entity(before, 'e1', 'PERSON', 'Nadia Osei'),
        entity(before, 'e2', 'PERSON', 'Tom Brandt'),
        entity(before, 'e3', 'ORGANISATION', 'Netflix'),
        entity(before, 'e4', 'PRODUCTION', 'Harbor Lights'),
      ]).claims,
    ).toEqual([]);
    const two = 'Cold Water and Night Shift premiered in 2020. The film was shot in Utah.';
    expect(
      read(two, [
        entity(two, 'e1', 'PRODUCTION', 'Cold Water'),
        entity(two, 'e2', 'PRODUCTION', 'Night Shift'),
        entity(two, 'e3', 'LOCATION', 'Utah'),
      ]).claims,
    ).toEqual([]);
  });

  it('does not take "the production company" for the production', () => {
    const text = 'Cold Water wrapped in May. The production company Redline said crews had left Utah.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PRODUCTION', 'Cold Water'),
      entity(text, 'e2', 'ORGANISATION', 'Redline'),
      entity(text, 'e3', 'LOCATION', 'Utah'),
    ]);
    expect(claims).toEqual([]);
  });

  it('reads "stunt coordinator X on the series Y" and "Y’s director, X"', () => {
    const text =
      'Witnesses included stunt coordinator Leo Park on the series Dust Road. Cold Water’s director, Ravi Menon, declined to comment.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Leo Park'),
      entity(text, 'e2', 'PRODUCTION', 'Dust Road'),
      entity(text, 'e3', 'PRODUCTION', 'Cold Water'),
      entity(text, 'e4', 'PERSON', 'Ravi Menon'),
    ]);
    expect(claims.map(link)).toEqual([
      ['WORKED_ON', 'e1', 'e2', 'stunt coordinator'],
      ['WORKED_ON', 'e4', 'e3', 'director'],
    ]);
  });

  it('reads "X, who directed the 2019 thriller Y" and "X, an executive producer of the HBO drama Y"', () => {
    const text =
      'Ravi Menon, who directed the 2019 thriller Cold Water, testified on Monday. Ana Ruiz, an executive producer of the HBO drama Salt Flats, said she was shocked.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Ravi Menon'),
      entity(text, 'e2', 'PRODUCTION', 'Cold Water'),
      entity(text, 'e3', 'PERSON', 'Ana Ruiz'),
      entity(text, 'e4', 'ORGANISATION', 'HBO'),
      entity(text, 'e5', 'PRODUCTION', 'Salt Flats'),
    ]);
    expect(claims.map(link)).toEqual([
      ['WORKED_ON', 'e1', 'e2', 'director'],
      ['WORKED_ON', 'e3', 'e5', 'executive producer'],
    ]);
  });

  it('reads plural roles and "served as armourer on the set of Y" / "served as Y’s armourer"', () => {
    const text =
      'Ana Ruiz and Ben Cole, executive producers on Salt Flats, were not on set. Kyle Dunn served as armourer on the set of Blackwater in 2022, and Lena Voss had served as Blackwater’s props master.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Ana Ruiz'),
      entity(text, 'e2', 'PERSON', 'Ben Cole'),
      entity(text, 'e3', 'PRODUCTION', 'Salt Flats'),
      entity(text, 'e4', 'PERSON', 'Kyle Dunn'),
      entity(text, 'e5', 'PRODUCTION', 'Blackwater'),
      entity(text, 'e6', 'PERSON', 'Lena Voss'),
    ]);
    expect(claims.map(link)).toEqual([
      ['WORKED_ON', 'e1', 'e3', 'executive producer'],
      ['WORKED_ON', 'e2', 'e3', 'executive producer'],
      ['WORKED_ON', 'e4', 'e5', 'armourer'],
      ['WORKED_ON', 'e6', 'e5', 'props master'],
    ]);
  });

  it('reads "co-created" and "will direct" (PLANNED), but not "will not direct"', () => {
    const text =
      'Mia Holt and Ben Ames co-created Night Shift. Joel Park will direct Blackwater. Ravi Menon will not direct Cold Water.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Mia Holt'),
      entity(text, 'e2', 'PERSON', 'Ben Ames'),
      entity(text, 'e3', 'PRODUCTION', 'Night Shift'),
      entity(text, 'e4', 'PERSON', 'Joel Park'),
      entity(text, 'e5', 'PRODUCTION', 'Blackwater'),
      entity(text, 'e6', 'PERSON', 'Ravi Menon'),
      entity(text, 'e7', 'PRODUCTION', 'Cold Water'),
    ]);
    expect(claims.map(link)).toEqual([
      ['WORKED_ON', 'e1', 'e3', 'co-creator'],
      ['WORKED_ON', 'e2', 'e3', 'co-creator'],
      ['WORKED_ON', 'e4', 'e5', 'director'],
    ]);
    expect(claims[2]?.evidence).toMatchObject({ modality: 'PLANNED', cue: 'will', assertedBy: null });
  });

  it('gives a title that opens the sentence the one production it names, as a stated description', () => {
    const text =
      'In a statement on Monday, director Ravi Menon said Cold Water would resume filming. Cinematographer Mia Holt praised both Cold Water and Night Shift.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Ravi Menon'),
      entity(text, 'e2', 'PRODUCTION', 'Cold Water'),
      entity(text, 'e3', 'PERSON', 'Mia Holt'),
      entity(text, 'e4', 'PRODUCTION', 'Night Shift'),
    ]);
    expect(claims.map(link)).toEqual([['WORKED_ON', 'e1', 'e2', 'director']]);
    expect(claims[0]?.evidence).toMatchObject({ modality: 'STATED', assertedBy: null });
  });

  it('reads "X, who plays Z in Y", "a crew member on Y" and "Y, from director X"', () => {
    const text =
      'Mia Holt, who plays a detective in Night Shift, was not on set. Ben Ames, a crew member on Night Shift, was hurt. Cold Water, from director Ravi Menon, opens in May.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Mia Holt'),
      entity(text, 'e2', 'PRODUCTION', 'Night Shift'),
      entity(text, 'e3', 'PERSON', 'Ben Ames'),
      entity(text, 'e4', 'PRODUCTION', 'Cold Water'),
      entity(text, 'e5', 'PERSON', 'Ravi Menon'),
    ]);
    expect(claims.map(link)).toEqual([
      ['WORKED_ON', 'e1', 'e2', 'actor'],
      ['WORKED_ON', 'e3', 'e2', 'crew member'],
      ['WORKED_ON', 'e5', 'e4', 'director'],
    ]);
  });

  it('does not read "played a role in" something that is no production', () => {
    const text = 'Mia Holt played a key role in the lawsuit against Redline.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Mia Holt'),
      entity(text, 'e2', 'ORGANISATION', 'Redline'),
    ]);
    expect(claims).toEqual([]);
  });

  it('does not credit a title inside a phrase ("the family of cinematographer X") and keeps its party', () => {
    const text = 'The family of cinematographer Mia Holt sued the producers of Blackwater.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Mia Holt'),
      entity(text, 'e2', 'PRODUCTION', 'Blackwater'),
    ]);
    expect(claims).toEqual([]);
  });
});

describe('suggestClaims: representation phrasings', () => {
  it('reads "A of the firm F, representing X", "X’s attorney, A" and "A, counsel for X"', () => {
    const text =
      'Sara Klein of the firm Moss & Pike, representing Tom Hale, asked for a delay. Dana Fox’s attorney, Raj Patel, objected. Ian Reid, counsel for Redline Studios, said nothing.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Sara Klein'),
      entity(text, 'e2', 'ORGANISATION', 'Moss & Pike'),
      entity(text, 'e3', 'PERSON', 'Tom Hale'),
      entity(text, 'e4', 'PERSON', 'Dana Fox'),
      entity(text, 'e5', 'PERSON', 'Raj Patel'),
      entity(text, 'e6', 'PERSON', 'Ian Reid'),
      entity(text, 'e7', 'ORGANISATION', 'Redline Studios'),
    ]);
    expect(claims.map(link)).toEqual([
      ['REPRESENTS', 'e1', 'e3', null],
      ['REPRESENTS', 'e5', 'e4', 'attorney'],
      ['REPRESENTS', 'e6', 'e7', 'counsel'],
    ]);
    expect(claims.every((c) => c.evidence.modality === 'STATED')).toBe(true);
  });

  it('reads "general counsel to X", "a veteran Denver attorney for X" and "A KC, acting for X"', () => {
    const text =
      'Sara Klein, general counsel to Redline Studios, objected. Raj Patel, a veteran Denver attorney for Tom Hale, spoke next. Peter Marsh KC, acting for Owen Lyle, told the jury the blast was an accident.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Sara Klein'),
      entity(text, 'e2', 'ORGANISATION', 'Redline Studios'),
      entity(text, 'e3', 'PERSON', 'Raj Patel'),
      entity(text, 'e4', 'LOCATION', 'Denver'),
      entity(text, 'e5', 'PERSON', 'Tom Hale'),
      entity(text, 'e6', 'PERSON', 'Peter Marsh'),
      entity(text, 'e7', 'PERSON', 'Owen Lyle'),
    ]);
    expect(claims.map(link)).toEqual([
      ['REPRESENTS', 'e1', 'e2', 'counsel'],
      ['REPRESENTS', 'e3', 'e5', 'attorney'],
      ['REPRESENTS', 'e6', 'e7', null],
    ]);
  });

  it('reads "X, represented by attorney A" and keeps X the party of the verb that follows', () => {
    const text =
      'Tom Hale, represented by attorney Sara Klein, pleaded not guilty. Dana Fox is being represented by Raj Patel.';
    const { claims, events } = read(text, [
      entity(text, 'e1', 'PERSON', 'Tom Hale'),
      entity(text, 'e2', 'PERSON', 'Sara Klein'),
      entity(text, 'e3', 'PERSON', 'Dana Fox'),
      entity(text, 'e4', 'PERSON', 'Raj Patel'),
    ]);
    expect(events.map((e) => [e.key, e.name])).toEqual([['e5', 'Not-guilty plea by Tom Hale']]);
    expect(claims.map(link)).toEqual([
      ['REPRESENTS', 'e2', 'e1', null],
      ['PARTICIPATED_IN', 'e1', 'e5', 'pleaded not guilty'],
      ['REPRESENTS', 'e4', 'e3', null],
    ]);
  });

  it('reads "F, the Chicago firm representing X" with the firm’s place', () => {
    const text = 'Moss & Pike, the Chicago firm representing Tom Hale, said the filing was late.';
    const { claims } = read(text, [
      entity(text, 'e1', 'ORGANISATION', 'Moss & Pike'),
      entity(text, 'e2', 'LOCATION', 'Chicago'),
      entity(text, 'e3', 'PERSON', 'Tom Hale'),
    ]);
    expect(claims.map(link)).toEqual([
      ['REPRESENTS', 'e1', 'e3', null],
      ['LOCATED_IN', 'e1', 'e2', null],
    ]);
  });

  it('does not read a colleague or an employer as a client', () => {
    const text =
      'Sara Klein of Moss & Pike said the filing was late. Raj Patel, a partner with Tom Hale, declined to comment.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Sara Klein'),
      entity(text, 'e2', 'ORGANISATION', 'Moss & Pike'),
      entity(text, 'e3', 'PERSON', 'Raj Patel'),
      entity(text, 'e4', 'PERSON', 'Tom Hale'),
    ]);
    expect(claims).toEqual([]);
  });
});

describe('suggestClaims: courts and planned hearings', () => {
  it('reads "is scheduled to hear arguments" and "will hear arguments" as PLANNED hearings', () => {
    const text =
      'The Tenth Circuit Court of Appeals is scheduled to hear arguments in the case on March 4. Judge Rosa Diaz will hear arguments on the motion next week.';
    const { claims, events } = read(text, [
      entity(text, 'e1', 'ORGANISATION', 'Tenth Circuit Court of Appeals'),
      entity(text, 'e2', 'PERSON', 'Rosa Diaz'),
    ]);
    expect(events.map((e) => [e.key, e.eventType])).toEqual([
      ['e3', 'hearing'],
      ['e4', 'hearing'],
    ]);
    expect(claims.map(link)).toEqual([
      ['PARTICIPATED_IN', 'e1', 'e3', null],
      ['PARTICIPATED_IN', 'e2', 'e4', null],
    ]);
    expect(claims.map((c) => [c.evidence.modality, c.evidence.cue])).toEqual([
      ['PLANNED', 'scheduled'],
      ['PLANNED', 'will'],
    ]);
  });

  it('reads "a hearing set for March 2025 in X Court" with the court and the date, but not any organisation', () => {
    const text =
      'A hearing is set for March 2025 in Los Angeles Superior Court. Another hearing is set for May 2025 at Netflix.';
    const { claims, events } = read(
      text,
      [entity(text, 'e1', 'ORGANISATION', 'Los Angeles Superior Court'), entity(text, 'e2', 'ORGANISATION', 'Netflix')],
      [date(text, 'March 2025', '2025-03'), date(text, 'May 2025', '2025-05')],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ key: 'e3', eventType: 'hearing', date: '2025-03' });
    expect(claims.map(link)).toEqual([['PARTICIPATED_IN', 'e1', 'e3', null]]);
    expect(claims[0]?.evidence).toMatchObject({ modality: 'PLANNED', cue: 'is set for' });
  });

  it('reads "the appeal will be heard by" a court and "is due to appear in court"', () => {
    const text =
      'The appeal will be heard by the Ninth Circuit Court of Appeals in June. Dale Ross is due to appear in court on Friday.';
    const { claims } = read(text, [
      entity(text, 'e1', 'ORGANISATION', 'Ninth Circuit Court of Appeals'),
      entity(text, 'e2', 'PERSON', 'Dale Ross'),
    ]);
    expect(claims.map((c) => [c.type, c.from, c.evidence.modality])).toEqual([
      ['PARTICIPATED_IN', 'e1', 'PLANNED'],
      ['PARTICIPATED_IN', 'e2', 'PLANNED'],
    ]);
  });

  it('does not read "set for release" in a description of a production as a plan', () => {
    const text = 'Salt Flats, a drama set for release in 2026, was filmed in Maine.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PRODUCTION', 'Salt Flats'),
      entity(text, 'e2', 'LOCATION', 'Maine'),
    ]);
    expect(claims.map((c) => [...link(c), c.evidence.modality])).toEqual([['FILMED_AT', 'e1', 'e2', null, 'STATED']]);
  });

  it('does not read "the court heard" with no case as a hearing', () => {
    const text = 'Mia Holt lost most of her hearing, the court heard, and Dale Ross heard nothing.';
    const { claims, events } = read(text, [
      entity(text, 'e1', 'PERSON', 'Mia Holt'),
      entity(text, 'e2', 'PERSON', 'Dale Ross'),
    ]);
    expect(events).toEqual([]);
    expect(claims).toEqual([]);
  });
});

describe('suggestClaims: denials and reports', () => {
  it('reads "X denied that he worked on Y" and "X denied ever working on Y" as DENIED by X', () => {
    const text =
      'Dale Ross denied that he worked on Blackwater. Lena Voss has repeatedly denied ever working on Cold Water.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PERSON', 'Dale Ross'),
      entity(text, 'e2', 'PRODUCTION', 'Blackwater'),
      entity(text, 'e3', 'PERSON', 'Lena Voss'),
      entity(text, 'e4', 'PRODUCTION', 'Cold Water'),
    ]);
    expect(claims.map(link)).toEqual([
      ['WORKED_ON', 'e1', 'e2', null],
      ['WORKED_ON', 'e3', 'e4', null],
    ]);
    expect(claims.map((c) => [c.evidence.modality, c.evidence.assertedBy])).toEqual([
      ['DENIED', 'Dale Ross'],
      ['DENIED', 'Lena Voss'],
    ]);
  });

  it('reads "Y denied that it was filmed in Z" as DENIED by Y, and a company’s denial by the company', () => {
    const text =
      'Blackwater denied that it was filmed in Utah. Redline Studios denied that Cold Water was shot in Idaho.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PRODUCTION', 'Blackwater'),
      entity(text, 'e2', 'LOCATION', 'Utah'),
      entity(text, 'e3', 'ORGANISATION', 'Redline Studios'),
      entity(text, 'e4', 'PRODUCTION', 'Cold Water'),
      entity(text, 'e5', 'LOCATION', 'Idaho'),
    ]);
    expect(claims.map((c) => [...link(c), c.evidence.modality, c.evidence.assertedBy])).toEqual([
      ['FILMED_AT', 'e1', 'e2', null, 'DENIED', 'Blackwater'],
      ['FILMED_AT', 'e4', 'e5', null, 'DENIED', 'Redline Studios'],
    ]);
  });

  it('reads "X told Variety that Y was shot in Z" and "said in a statement that filming of Y took place in Z" as REPORTED', () => {
    const text =
      'Redline told Variety that Night Shift was shot in Utah. Halden Media said in a statement that filming of Cold Water took place in Idaho.';
    const { claims } = read(text, [
      entity(text, 'e1', 'ORGANISATION', 'Redline'),
      entity(text, 'e2', 'ORGANISATION', 'Variety'),
      entity(text, 'e3', 'PRODUCTION', 'Night Shift'),
      entity(text, 'e4', 'LOCATION', 'Utah'),
      entity(text, 'e5', 'ORGANISATION', 'Halden Media'),
      entity(text, 'e6', 'PRODUCTION', 'Cold Water'),
      entity(text, 'e7', 'LOCATION', 'Idaho'),
    ]);
    expect(claims.map((c) => [...link(c), c.evidence.modality, c.evidence.assertedBy])).toEqual([
      ['FILMED_AT', 'e3', 'e4', null, 'REPORTED', 'Redline'],
      ['FILMED_AT', 'e6', 'e7', null, 'REPORTED', 'Halden Media'],
    ]);
  });

  it('does not give a pronoun of another kind to the one who denies', () => {
    const text = 'Redline Studios denied that he worked on Blackwater. Dale Ross denied that it was filmed in Utah.';
    const { claims } = read(text, [
      entity(text, 'e1', 'ORGANISATION', 'Redline Studios'),
      entity(text, 'e2', 'PRODUCTION', 'Blackwater'),
      entity(text, 'e3', 'PERSON', 'Dale Ross'),
      entity(text, 'e4', 'LOCATION', 'Utah'),
    ]);
    expect(claims).toEqual([]);
  });

  it('reads "X said the series was shot in Z" as REPORTED by X, not a said elsewhere in the sentence', () => {
    const text =
      'Blackwater is a thriller. Redline Studios said the series was shot in Atlanta. A crew member was hurt during filming of Blackwater outside Macon, the studio said.';
    const { claims } = read(text, [
      entity(text, 'e1', 'PRODUCTION', 'Blackwater'),
      entity(text, 'e2', 'ORGANISATION', 'Redline Studios'),
      entity(text, 'e3', 'LOCATION', 'Atlanta'),
      entity(text, 'e4', 'LOCATION', 'Macon'),
    ]);
    expect(claims.map((c) => [...link(c), c.evidence.modality, c.evidence.assertedBy])).toEqual([
      ['FILMED_AT', 'e1', 'e3', null, 'REPORTED', 'Redline Studios'],
      ['FILMED_AT', 'e1', 'e4', null, 'STATED', null],
    ]);
  });
});

describe('suggestClaims: organisations’ places and investigations', () => {
  it('reads "X, a Chicago law firm", "the Albuquerque-based X" and "X, a rental company in Z"', () => {
    const text =
      'Moss & Pike, a Chicago law firm, filed the suit. The Albuquerque-based Sandia Props supplied the guns. Reel Rigs, a grip rental company in Burbank, sent trucks.';
    const { claims } = read(text, [
      entity(text, 'e1', 'ORGANISATION', 'Moss & Pike'),
      entity(text, 'e2', 'LOCATION', 'Chicago'),
      entity(text, 'e3', 'LOCATION', 'Albuquerque'),
      entity(text, 'e4', 'ORGANISATION', 'Sandia Props'),
      entity(text, 'e5', 'ORGANISATION', 'Reel Rigs'),
      entity(text, 'e6', 'LOCATION', 'Burbank'),
    ]);
    expect(claims.map(link)).toEqual([
      ['LOCATED_IN', 'e1', 'e2', null],
      ['LOCATED_IN', 'e4', 'e3', null],
      ['LOCATED_IN', 'e5', 'e6', null],
    ]);
  });

  it('does not place an organisation from a description that is no organisation’s', () => {
    const text = 'Moss & Pike, a Chicago favourite, filed the suit. Dale Ross, a Chicago lawyer, filed another.';
    const { claims } = read(text, [
      entity(text, 'e1', 'ORGANISATION', 'Moss & Pike'),
      entity(text, 'e2', 'LOCATION', 'Chicago'),
      entity(text, 'e3', 'PERSON', 'Dale Ross'),
    ]);
    expect(claims).toEqual([]);
  });

  it('reads an agency that launched or is conducting an investigation, and what it looks into', () => {
    const text =
      'Cal/OSHA launched a safety investigation into Redline Studios on Monday. An investigation by the Sheriff’s Office found violations on the set of Blackwater.';
    const { claims, events } = read(text, [
      entity(text, 'e1', 'ORGANISATION', 'Cal/OSHA'),
      entity(text, 'e2', 'ORGANISATION', 'Redline Studios'),
      entity(text, 'e3', 'ORGANISATION', 'Sheriff’s Office'),
      entity(text, 'e4', 'PRODUCTION', 'Blackwater'),
    ]);
    expect(events.map((e) => [e.key, e.name, e.eventType])).toEqual([
      ['e5', 'Investigation by Cal/OSHA', 'investigation'],
      ['e6', 'Investigation by Sheriff’s Office', 'investigation'],
    ]);
    expect(claims.map(link)).toEqual([
      ['PARTICIPATED_IN', 'e1', 'e5', null],
      ['CONCERNS', 'e5', 'e2', null],
      ['PARTICIPATED_IN', 'e3', 'e6', null],
      ['CONCERNS', 'e6', 'e4', null],
    ]);
  });

  it('reads "is investigating the death of X"', () => {
    const text = 'The Santa Fe County Sheriff’s Office is investigating the death of Mia Holt.';
    const { claims } = read(text, [
      entity(text, 'e1', 'ORGANISATION', 'Santa Fe County Sheriff’s Office'),
      entity(text, 'e2', 'PERSON', 'Mia Holt'),
    ]);
    expect(claims.map((c) => [c.type, c.from])).toEqual([
      ['PARTICIPATED_IN', 'e1'],
      ['PARTICIPATED_IN', 'e2'],
    ]);
  });
});

describe('suggestClaims: linear time', () => {
  const adversarial = [
    'Ana Ruiz denied that he ',
    'Ana Ruiz, Ana Ruiz and ',
    'Ana Ruiz of the firm Ana Ruiz, representing ',
    'Salt Flats director Ana Ruiz ',
    'Ana Ruiz is scheduled to hear arguments ',
    'the film the film’s ',
    'Ana Ruiz, a Albuquerque-based ',
    'a hearing set for in at before ',
  ];

  it.each(adversarial)('finishes on a 100 KB sentence of "%s" (skipped) and on many long ones', (unit) => {
    const names: [string, EntityKind][] = [
      ['Ana Ruiz', 'PERSON'],
      ['Salt Flats', 'PRODUCTION'],
      ['Albuquerque', 'LOCATION'],
    ];
    const huge = `Salt Flats ${unit.repeat(Math.ceil(100_000 / unit.length))}.`;
    const many = `Salt Flats. ${`${unit.repeat(Math.ceil(2900 / unit.length)).slice(0, 2900)}. `.repeat(30)}`;
    for (const text of [huge, many]) {
      const entities = names.map(([n, kind], i) => entity(text, `e${i + 1}`, kind, n));
      const result = suggestClaims({ text, entities, dates: [] });
      expect(Array.isArray(result.claims)).toBe(true);
    }
    const hugeEntities = names.map(([n, kind], i) => entity(huge, `e${i + 1}`, kind, n));
    expect(suggestClaims({ text: huge, entities: hugeEntities, dates: [] }).claims).toEqual([]);
  });
});
