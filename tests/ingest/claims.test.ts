import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../../src/domain/kinds.js';
import type { ClaimSuggestion, DateMention, EntitySuggestion } from '../../src/domain/suggestions.js';
import { suggestClaims } from '../../src/ingest/claims/suggestClaims.js';

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
  return {
    key,
    status: 'OPEN',
    kind,
    name,
    mentions,
    confidence: 0.9,
    occupations: [],
    eventType: null,
    date: null,
    candidates: [],
    sameAs: null,
    newKey: '',
    decision: null,
  };
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
