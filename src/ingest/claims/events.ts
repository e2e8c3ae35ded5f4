/**
 * Claims about events the sentence names but the extractor cannot: a verb ("was convicted of
 * involuntary manslaughter") or a noun ("Baldwin’s trial", "the death of X") proposes an EVENT
 * suggestion, and the parties the sentence gives take part in it (PARTICIPATED_IN), with where it
 * happened (OCCURRED_AT) and what it concerns (CONCERNS) when the words right after it say so.
 */
import type { DateMention, EntitySuggestion } from '../../domain/suggestions.js';
import type { ClaimDraft } from './draft.js';
import type { EventBook } from './eventBook.js';
import { AUX, CREW, DET, LAWYER, LAWYER_PRE, list, mark, POSS, words } from './lexicon.js';
import { type Mark, marksIn, type Skeleton } from './skeleton.js';
import { EVENT_NOUNS, LEGAL, TRIGGERS, type Trigger } from './triggers.js';

interface SentenceInput {
  text: string;
  skeleton: Skeleton;
  /** The dates inside the sentence. */
  dates: readonly DateMention[];
  book: EventBook;
  /** Entity suggestion names by key. */
  names: ReadonlyMap<string, string>;
}

const PO_LIST = list('PO');
/** A name followed by a possessive is not the party ("sued by Walker’s family"). */
const NOT_POSS = "(?!['’])";
const P = mark('P');
const R = mark('R');
const L = mark('L');

/** The subject right before a verb: a list of names, an apposition, "who"; anchored at the end. */
const SUBJECT = new RegExp(
  `(?<s>${PO_LIST})(?:,\\s+(?:[^,;⟦]|⟦[RLE]\\d+⟧|(?<=\\b(?:by|for|of|with|to)\\s+(?:[a-z]+\\s+)?)⟦[PO]\\d+⟧){1,100},)?(?<who>,?\\s+(?:who|which|that))?,?\\s+$`,
);
/** "The family of cinematographer X sued": a role may stand between the preposition and the name. */
const AFTER_PREPOSITION = new RegExp(
  `\\b(?:by|of|for|with|to|from|at|in|on|against|about|over|under|than|into|behind)\\s+(?:the\\s+)?(?:(?:${CREW}|${LAWYER_PRE}${LAWYER}|judge|prosecutor)\\s+)?$`,
  'i',
);
const OBJECT = new RegExp(`^\\s+(?<o>${PO_LIST})${NOT_POSS}`);
/** An object that may come with a description first: "its insurer, X". */
const NAMED_OBJECT = new RegExp(
  `^\\s+(?:(?:its|his|her|their|the)\\s+[a-z][a-z -]{0,30},\\s+)?(?<o>${PO_LIST})${NOT_POSS}`,
);
const AGAINST = new RegExp(`^\\s+against\\s+(?<o>${PO_LIST})${NOT_POSS}`);
const AGENT = new RegExp(`^[^⟦⟧;,.]{0,60}?\\bby\\s+(?:[A-Za-z]+\\s+)?(?<g>${PO_LIST})${NOT_POSS}`);
const STOP_WORDS = new Set(
  'in on at by after before and but for over during when while that which who as following since last this from under with into amid'.split(
    ' ',
  ),
);
const OCCURRED = new RegExp(`^[^⟦⟧;.]{0,50}?\\b(?:in|at|on)\\s+${DET}${words(3)}(?<l>${L})`);
const ON_SET = new RegExp(
  `^[^⟦⟧;.]{0,40}?\\b(?:(?:on|at|during)\\s+(?:the\\s+)?(?:set|filming|production|shoot)\\s+of\\s+${DET}${words(2)}(?<r>${R})|on\\s+(?:the\\s+)?(?<r2>${R})\\s+set\\b)`,
);
const ABOUT_DEATH = new RegExp(
  `^[^⟦⟧;.]{0,40}?\\b(?:in|over|for|into)\\s+(?:connection\\s+with\\s+)?the\\s+(?:(?:fatal|deadly|accidental)\\s+)?(?:death|killing|shooting)\\s+of\\s+${words(2)}(?<p>${P})${NOT_POSS}`,
);

/** What an investigation looks into, right after its words: "an investigation into Emberline". */
const INTO = new RegExp(`^\\s+into\\s+(?:the\\s+)?(?<x>${mark('POR')})${NOT_POSS}`);
const INQUIRIES = new Set(['investigation', 'inspection']);
/** The name of an organisation that sits as a court ("Cardiff Crown Court", "the Ninth Circuit"). */
const COURT_NAME = /\b(?:court|tribunal|circuit|bench|magistrates|judiciary)\b/i;

const NOUNS = Object.keys(EVENT_NOUNS).join('|');
const NOUN_OF = new RegExp(
  `\\b(?:the\\s+)?(?:(?:fatal|deadly|accidental|criminal|manslaughter|murder)\\s+)?(?<n>${NOUNS})\\s+of\\s+${words(2)}(?<p>${PO_LIST})${NOT_POSS}`,
  'g',
);
const NOUN_POSS = new RegExp(
  `(?<p>${PO_LIST})${POSS}\\s+(?:(?:own|upcoming|first|second|new|fatal|planned)\\s+)?(?<n>${NOUNS})\\b`,
  'g',
);
const BEFORE_JUDGE = new RegExp(
  `\\b(?<det>[Aa]n?|[Tt]he)\\s+${words(2)}(?<n>hearing|trial|retrial|sentencing)\\b(?<mid>[^⟦⟧.;]{0,80}?)\\b(?<prep>before|in|at)\\s+(?:the\\s+)?(?<title>(?:Judge|judge|Justice|Magistrate)\\s+)?(?<p>${mark('PO')})${NOT_POSS}`,
  'g',
);
const AT_THE_EVENT = new RegExp(
  `(?<s>${list('P')})(?:,\\s+(?:[^,;⟦]|⟦[RLE]\\d+⟧){1,100},)?\\s+${AUX}(?<v>testif(?:y|ied|ying)|appear(?:ed|ing|s)?|presid(?:e|ed|es|ing))\\s+(?:at|in|over|during)\\s+(?:the|his|her|their)\\s+${words(1)}(?<n>trial|hearing|sentencing)\\b`,
  'g',
);
const FOUND_GUILTY = new RegExp(`\\bfound\\s+(?<o>${PO_LIST})\\s+(?<not>not\\s+)?guilty\\b`, 'g');
const CHARGES_DROPPED = new RegExp(
  `\\b(?<np>(?:the\\s+)?(?:(?:criminal|remaining|manslaughter)\\s+)?(?:charges?|case|indictment))\\s+against\\s+(?<o>${PO_LIST})\\s+${AUX}(?:dismissed|dropped|thrown\\s+out|withdrawn|vacated)\\b`,
  'g',
);
/** "the appeal will be heard by the Ninth Circuit": a hearing with the court or judge that hears it. */
const HEARD_BY = new RegExp(
  `\\b(?:case|appeal|motion|lawsuit|suit|arguments?|challenge|petition|matter)\\s+${AUX}(?<v>heard|considered)\\s+by\\s+(?:the\\s+)?(?<title>(?:Judge|judge|Justice|Magistrate)\\s+)?(?<p>${mark('PO')})${NOT_POSS}`,
  'g',
);
/** "an investigation by the Santa Fe County Sheriff’s Office": the body that investigates. */
const INQUIRY_BY = new RegExp(
  `\\b(?:[Aa]n?|[Tt]he|[Ii]ts)\\s+(?:(?:criminal|federal|formal|safety|internal|independent|official|separate|civil|preliminary|months-long|year-long|ongoing)\\s+){0,2}(?<n>investigation|inquiry|probe|inspection)\\s+by\\s+(?:the\\s+)?(?<p>${list('O')})${NOT_POSS}`,
  'g',
);
const PASSIVE_AUX = /\b(?:was|were|is|are|be|been|being|fatally|critically|seriously|badly)\s+$/;

const joinNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** The date of an event: one inside its words, else one right after, else one right before. */
function dateFor(input: SentenceInput, start: number, end: number, claimStart: number): DateMention | null {
  const { text, dates } = input;
  const inside = dates.find((d) => d.start >= start && d.end <= end);
  if (inside) return inside;
  const after = dates.find((d) => d.start >= end && d.start - end <= 40 && !/[.;]/.test(text.slice(end, d.start)));
  if (after) return after;
  const before = [...dates]
    .reverse()
    .find((d) => d.end <= claimStart && claimStart - d.end <= 60 && !/[.;]/.test(text.slice(d.end, claimStart)));
  return before ?? null;
}

/** The complement of a verb: "of involuntary manslaughter", "to 18 months", up to a preposition or a name. */
function complementEnd(sk: string, from: number): number {
  const word = /\s+([A-Za-z0-9$’'-]+)/y;
  word.lastIndex = from;
  const first = word.exec(sk);
  if (!first || !/^(?:of|with|to|for)$/i.test(first[1] as string)) return from;
  let end = from;
  for (let n = 0; n < 6; n++) {
    const at = word.lastIndex;
    const next = word.exec(sk);
    if (!next || STOP_WORDS.has((next[1] as string).toLowerCase()) || /^[A-Z]/.test(next[1] as string)) {
      word.lastIndex = at;
      break;
    }
    end = word.lastIndex;
  }
  return end;
}

interface Participation {
  marks: Mark[];
  role: string | null;
}

/** Records an event with its parties and returns the claims, including OCCURRED_AT / CONCERNS after `tail`. */
function recordEvent(
  input: SentenceInput,
  found: {
    eventType: string;
    name: (who: string) => string;
    /** Skeleton span of the words that name the event. */
    skStart: number;
    skEnd: number;
    /** Skeleton span of the whole statement (subject to agent). */
    claimStart: number;
    claimEnd: number;
    parties: Participation[];
    /** Who the event happened to (its identity); empty for agent-only events. */
    patients: Mark[];
    pattern: string;
    confidence: number;
    scoped: boolean;
    event?: EntitySuggestion;
  },
): ClaimDraft[] {
  const { skeleton, text, book, names } = input;
  const start = skeleton.toStart(found.skStart);
  const end = skeleton.toEnd(found.skEnd);
  const mention = { start, end, quote: text.slice(start, end) };
  const date = dateFor(input, start, end, skeleton.toStart(found.claimStart));
  const identityMarks = found.patients.length > 0 ? found.patients : found.parties.flatMap((p) => p.marks);
  const identity = [...new Set(identityMarks.map((m) => m.key))].sort().join(',');
  const who = joinNames([...new Set(identityMarks.map((m) => names.get(m.key) ?? m.key))]);
  let event = found.event;
  if (event) book.mention(event, mention);
  else event = book.record(found.eventType, identity, found.name(who), mention, date);
  const out: ClaimDraft[] = [];
  const claim = (type: ClaimDraft['type'], from: string, to: string, role: string | null, claimEnd: number) =>
    out.push({
      type,
      from,
      to,
      role,
      skStart: found.claimStart,
      skEnd: claimEnd,
      pattern: found.pattern,
      confidence: found.confidence,
      scoped: found.scoped,
    });
  for (const party of found.parties)
    for (const m of party.marks) claim('PARTICIPATED_IN', m.key, event.key, party.role, found.claimEnd);

  // what follows the event's words: where it happened, what it concerns
  const sk = skeleton.text;
  let at = found.claimEnd;
  const onSet = ON_SET.exec(sk.slice(at));
  if (onSet) {
    const production = marksIn(skeleton, onSet.groups?.r ?? onSet.groups?.r2)[0];
    if (production) claim('CONCERNS', event.key, production.key, null, at + onSet[0].length);
    at += onSet[0].length;
  }
  const place = OCCURRED.exec(sk.slice(at));
  if (place) {
    const location = marksIn(skeleton, place.groups?.l)[0];
    if (location) claim('OCCURRED_AT', event.key, location.key, null, at + place[0].length);
  }
  if (INQUIRIES.has(found.eventType)) {
    const into = INTO.exec(sk.slice(found.claimEnd));
    const target = marksIn(skeleton, into?.groups?.x)[0];
    if (into && target && !found.parties.some((p) => p.marks.some((m) => m.key === target.key))) {
      claim('CONCERNS', event.key, target.key, null, found.claimEnd + into[0].length);
    }
  }
  if (LEGAL.has(found.eventType)) {
    const about = ABOUT_DEATH.exec(sk.slice(found.claimEnd));
    const person = marksIn(skeleton, about?.groups?.p)[0];
    if (about && person && !found.patients.some((m) => m.key === person.key)) {
      claim('CONCERNS', event.key, person.key, null, found.claimEnd + about[0].length);
    }
  }
  return out;
}

interface VerbMatch {
  trigger: Trigger;
  start: number;
  verbEnd: number;
  aux: string;
  verb: string;
}

/** Each trigger's verb with the auxiliaries before it, compiled once. */
const TRIGGER_RES = TRIGGERS.map((trigger) => ({
  trigger,
  re: new RegExp(`\\b(?<aux>${AUX})(?<v>${trigger.verb})\\b`, 'g'),
  // a cheap test first: most sentences hold none of the verbs
  word: new RegExp(`\\b(?:${trigger.verb})\\b`),
}));

function verbMatches(sk: string): VerbMatch[] {
  const out: VerbMatch[] = [];
  for (const { trigger, re, word } of TRIGGER_RES) {
    if (!word.test(sk)) continue;
    for (const m of sk.matchAll(re)) {
      const start = m.index ?? 0;
      out.push({ trigger, start, verbEnd: start + m[0].length, aux: m.groups?.aux ?? '', verb: m.groups?.v ?? '' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Claims from verbs that name events ("was convicted of", "went on trial", "has sued"). */
function fromVerbs(input: SentenceInput): ClaimDraft[] {
  const { skeleton } = input;
  const sk = skeleton.text;
  const out: ClaimDraft[] = [];
  let previous: { end: number; subject: Mark[]; subjectStart: number } | null = null;
  for (const v of verbMatches(sk)) {
    const { trigger } = v;
    if (/\b(?:not|never)\s/.test(v.aux)) continue;
    const clauseStart = Math.max(sk.lastIndexOf(';', v.start) + 1, v.start - 200, 0);
    const leftText = sk.slice(clauseStart, v.start);
    const found = SUBJECT.exec(leftText);
    // "Rust, directed by Joel Souza, was shot": a name after a preposition is no subject
    const left = found && !AFTER_PREPOSITION.test(leftText.slice(0, found.index)) ? found : null;
    let subject = left ? marksIn(skeleton, left.groups?.s) : [];
    let subjectStart = left ? clauseStart + left.index : v.start;
    const scoped = Boolean(left?.groups?.who);
    if (!left && previous) {
      // "was convicted of manslaughter and sentenced to 18 months": the same subject
      const gap = sk.slice(previous.end, v.start);
      if (gap.length <= 100 && !/[⟦;]/.test(gap) && /(?:\band|\bbut|\bthen|,)\s*$/.test(gap)) {
        subject = previous.subject;
        subjectStart = previous.subjectStart;
      }
    }
    const object =
      trigger.voice === 'passive' && !trigger.needsAux
        ? OBJECT.exec(sk.slice(v.verbEnd))
        : trigger.objectRole
          ? NAMED_OBJECT.exec(sk.slice(v.verbEnd))
          : trigger.agentive
            ? AGAINST.exec(sk.slice(v.verbEnd))
            : null;
    const objectMarks = object ? marksIn(skeleton, object.groups?.o) : [];
    const afterVerb = v.verbEnd + (object ? object[0].length : 0);
    const wordsEnd = complementEnd(sk, afterVerb);
    const passive = PASSIVE_AUX.test(v.aux);
    let patients: Mark[];
    let agents: Mark[] = [];
    let others: Mark[] = [];
    if (trigger.agentive) {
      patients = objectMarks;
      agents = subject;
    } else if (trigger.voice === 'intransitive' && trigger.objectRole && PASSIVE_AUX.test(v.aux)) {
      // "X was sued by Y": the subject is the one sued, the agent (read below) the one suing
      patients = subject;
    } else if (trigger.voice === 'intransitive') {
      patients = subject;
      others = objectMarks;
    } else if (objectMarks.length > 0) {
      patients = objectMarks;
      agents = subject;
    } else if (trigger.needsAux ? passive : passive || wordsEnd > afterVerb || /,\s+$/.test(sk.slice(0, v.start))) {
      patients = subject;
    } else patients = [];
    if (subject.length > 0) previous = { end: wordsEnd, subject, subjectStart };
    const allowed = (m: Mark) => m.kind === 'PERSON' || (!trigger.personOnly && m.kind === 'ORGANISATION');
    patients = patients.filter(allowed);
    others = others.filter(allowed);
    agents = agents.filter(allowed);
    if (patients.length === 0 && !(trigger.agentive && agents.length > 0)) continue;
    let claimEnd = wordsEnd;
    const suedBy = Boolean(trigger.objectRole) && PASSIVE_AUX.test(v.aux);
    if ((trigger.voice === 'passive' && objectMarks.length === 0) || suedBy) {
      const by = AGENT.exec(sk.slice(wordsEnd));
      if (by && !trigger.personOnly) {
        agents = marksIn(skeleton, by.groups?.g).filter(allowed);
        claimEnd = wordsEnd + by[0].length;
      }
    }
    // the event's own words: the verb and its complement, not the party named after the verb
    const eventEnd = object ? v.verbEnd : wordsEnd;
    const verbWords = input.text
      .slice(skeleton.toStart(v.start + v.aux.length), skeleton.toEnd(trigger.agentive ? v.verbEnd : eventEnd))
      .replace(/\s+/g, ' ');
    const patientNames = joinNames([...new Set(patients.map((m) => input.names.get(m.key) ?? m.key))]);
    const verbRole = trigger.role === undefined ? v.verb.toLowerCase() : trigger.role;
    const role = suedBy ? (trigger.objectRole ?? null) : verbRole;
    out.push(
      ...recordEvent(input, {
        eventType: trigger.eventType,
        name: () => (suedBy ? `Lawsuit against ${patientNames}` : trigger.name(patientNames, verbWords)),
        skStart: v.start,
        skEnd: eventEnd,
        claimStart: Math.min(subjectStart, v.start),
        claimEnd,
        parties: [
          { marks: patients, role },
          { marks: agents, role: suedBy ? verbRole : null },
          { marks: others, role: trigger.objectRole ?? null },
        ],
        patients,
        pattern: trigger.pattern,
        confidence: 0.7,
        scoped,
      }),
    );
  }
  return out;
}

/** Claims from nouns that name events ("the death of X", "X’s trial", "a hearing before Judge X"). */
function fromNouns(input: SentenceInput): ClaimDraft[] {
  const { skeleton } = input;
  const sk = skeleton.text;
  const out: ClaimDraft[] = [];
  const nominal = (m: RegExpMatchArray, pattern: (noun: string) => string) => {
    const word = (m.groups?.n ?? '').toLowerCase();
    const noun = EVENT_NOUNS[word];
    if (!noun) return;
    const parties = marksIn(skeleton, m.groups?.p).filter(
      (p) => p.kind === 'PERSON' || (p.kind === 'ORGANISATION' && LEGAL.has(noun.eventType)),
    );
    if (parties.length === 0) return;
    const start = m.index ?? 0;
    out.push(
      ...recordEvent(input, {
        eventType: noun.eventType,
        name: noun.name,
        skStart: start,
        skEnd: start + m[0].length,
        claimStart: start,
        claimEnd: start + m[0].length,
        parties: [{ marks: parties, role: noun.role }],
        patients: parties,
        pattern: pattern(word),
        confidence: 0.65,
        scoped: false,
      }),
    );
  };
  for (const m of sk.matchAll(NOUN_OF)) nominal(m, (noun) => `the ${noun} of X`);
  for (const m of sk.matchAll(NOUN_POSS)) nominal(m, (noun) => `X’s ${noun}`);

  for (const m of sk.matchAll(FOUND_GUILTY)) {
    const parties = marksIn(skeleton, m.groups?.o).filter((p) => p.kind === 'PERSON' || p.kind === 'ORGANISATION');
    if (parties.length === 0) continue;
    const start = m.index ?? 0;
    const end = complementEnd(sk, start + m[0].length);
    const acquittal = Boolean(m.groups?.not);
    out.push(
      ...recordEvent(input, {
        eventType: acquittal ? 'acquittal' : 'conviction',
        name: (who) => `${acquittal ? 'Acquittal' : 'Conviction'} of ${who}`,
        skStart: start,
        skEnd: end,
        claimStart: start,
        claimEnd: end,
        parties: [{ marks: parties, role: acquittal ? 'acquitted' : 'convicted' }],
        patients: parties,
        pattern: acquittal ? 'found X not guilty' : 'found X guilty of …',
        confidence: 0.7,
        scoped: false,
      }),
    );
  }

  for (const m of sk.matchAll(CHARGES_DROPPED)) {
    const parties = marksIn(skeleton, m.groups?.o).filter((p) => p.kind === 'PERSON' || p.kind === 'ORGANISATION');
    if (parties.length === 0) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const np = (m.groups?.np ?? '').replace(/\s+/g, ' ').toLowerCase();
    out.push(
      ...recordEvent(input, {
        eventType: 'dismissal',
        name: (who) => `Dismissal of ${np.startsWith('the ') ? np : `the ${np}`} against ${who}`,
        skStart: start,
        skEnd: end,
        claimStart: start,
        claimEnd: end,
        parties: [{ marks: parties, role: 'defendant' }],
        patients: parties,
        pattern: 'the charges against X were dropped',
        confidence: 0.7,
        scoped: false,
      }),
    );
  }

  for (const m of sk.matchAll(BEFORE_JUDGE)) {
    const judge = marksIn(skeleton, m.groups?.p)[0];
    if (!judge) continue;
    // a judge sits "before"; a court is "before", "in" or "at", and is named as one
    if (judge.kind === 'PERSON' ? m.groups?.prep !== 'before' : !COURT_NAME.test(input.names.get(judge.key) ?? '')) {
      continue;
    }
    // a trial "at" a court is where it is held; a hearing "in" a court is the court's
    if (m.groups?.prep !== 'before' && m.groups?.n?.toLowerCase() !== 'hearing') continue;
    const n = (m.groups?.n ?? '').toLowerCase();
    const eventType = n === 'retrial' ? 'trial' : n;
    // "the trial" is one named before; "a hearing" is a new one
    const earlier = /^the$/i.test(m.groups?.det ?? '') ? input.book.latest(eventType) : undefined;
    if (/^the$/i.test(m.groups?.det ?? '') && !earlier) continue;
    const start = m.index ?? 0;
    const nounEnd = start + m[0].indexOf(m.groups?.n ?? '') + n.length;
    out.push(
      ...recordEvent(input, {
        eventType,
        name: (who) => `${n.charAt(0).toUpperCase()}${n.slice(1)} before ${who}`,
        skStart: start,
        skEnd: nounEnd,
        claimStart: start,
        claimEnd: start + m[0].length,
        parties: [{ marks: [judge], role: m.groups?.title ? 'judge' : null }],
        patients: [],
        pattern: 'a hearing before Judge X',
        confidence: 0.6,
        scoped: false,
        ...(earlier ? { event: earlier } : {}),
      }),
    );
  }

  for (const m of sk.matchAll(HEARD_BY)) {
    const judge = marksIn(skeleton, m.groups?.p)[0];
    if (!judge || (judge.kind !== 'PERSON' && !COURT_NAME.test(input.names.get(judge.key) ?? ''))) continue;
    const start = m.index ?? 0;
    const verbAt = start + m[0].indexOf(m.groups?.v ?? '');
    out.push(
      ...recordEvent(input, {
        eventType: 'hearing',
        name: (who) => `Hearing before ${who}`,
        skStart: start,
        skEnd: verbAt + (m.groups?.v ?? '').length,
        claimStart: start,
        claimEnd: start + m[0].length,
        parties: [{ marks: [judge], role: m.groups?.title ? 'judge' : null }],
        patients: [judge],
        pattern: 'the appeal will be heard by X',
        confidence: 0.6,
        scoped: false,
      }),
    );
  }

  for (const m of sk.matchAll(INQUIRY_BY)) {
    const bodies = marksIn(skeleton, m.groups?.p);
    if (bodies.length === 0) continue;
    const n = (m.groups?.n ?? '').toLowerCase();
    const eventType = n === 'inspection' ? 'inspection' : 'investigation';
    const start = m.index ?? 0;
    out.push(
      ...recordEvent(input, {
        eventType,
        name: (who) => `${eventType === 'inspection' ? 'Inspection' : 'Investigation'} by ${who}`,
        skStart: start,
        skEnd: start + m[0].indexOf(m.groups?.n ?? '') + n.length,
        claimStart: start,
        claimEnd: start + m[0].length,
        parties: [{ marks: bodies, role: null }],
        patients: bodies,
        pattern: 'an investigation by X',
        confidence: 0.6,
        scoped: false,
      }),
    );
  }

  for (const m of sk.matchAll(AT_THE_EVENT)) {
    const eventType = (m.groups?.n ?? '').toLowerCase();
    const earlier = input.book.latest(eventType === 'retrial' ? 'trial' : eventType);
    if (!earlier) continue;
    const verb = (m.groups?.v ?? '').toLowerCase();
    const role = verb.startsWith('testif') ? 'witness' : verb.startsWith('presid') ? 'judge' : null;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    out.push(
      ...recordEvent(input, {
        eventType,
        name: () => earlier.name,
        skStart: end - eventType.length,
        skEnd: end,
        claimStart: start,
        claimEnd: end,
        parties: [{ marks: marksIn(skeleton, m.groups?.s), role }],
        patients: [],
        pattern: 'X testified at the trial',
        confidence: 0.55,
        scoped: false,
        event: earlier,
      }),
    );
  }
  return out;
}

/** Every event claim of one sentence; new events go into the book. */
export function findEventClaims(input: SentenceInput): ClaimDraft[] {
  return [...fromVerbs(input), ...fromNouns(input)];
}
