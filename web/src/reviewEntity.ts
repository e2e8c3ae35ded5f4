/**
 * An entity suggestion in the review: what the text names, side by side with the entities of the
 * graph it may be (the reading's proposal marked), and an accept per candidate, as new, or reject.
 */
import { KIND_STYLE } from '@case-graph/domain/kindStyle.js';
import { type EntityKind, KIND_NAME } from '@case-graph/domain/kinds.js';
import { humanise } from '@case-graph/domain/labels.js';
import { element } from './dom.js';
import type { EntityProposal } from './queries.js';
import { blockedNote, decideButton, reasonBox, statusLine, tokenProblem } from './reviewDecide.js';
import { percent } from './reviewRules.js';

export interface EntityDecisions {
  acceptAs(entity: { key: string; name: string }, reason: string | null): void;
  acceptAsNew(reason: string | null): void;
  reject(reason: string | null): void;
}

type Candidate = EntityProposal['candidates'][number];

/** The spellings of a suggestion shown on its card; a name repeated in many forms says the rest in a number. */
const MOST_QUOTES = 6;

const MATCH_WORDS: Record<string, string> = {
  EXACT: 'the same name',
  NORMALISED: 'the same name, but for case or accents',
  SURNAME_AND_ROLE: 'the same surname and role',
  FUZZY: 'a like name',
};

/** A kind in words, in its colour (kindStyle.ts), as the legend shows it. */
function kindChip(kind: string): HTMLElement {
  const chip = element('span', KIND_NAME[kind as EntityKind] ?? humanise(kind), 'kind-chip');
  chip.style.setProperty('--kind', KIND_STYLE[kind as EntityKind]?.colour ?? 'gray');
  return chip;
}

/** "a person", "an organisation". */
function aKind(kind: string): string {
  const name = (KIND_NAME[kind as EntityKind] ?? humanise(kind)).toLowerCase();
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}

/** "Label: value", left out when there is no value. */
const fact = (label: string, value: string | null | undefined): HTMLElement[] =>
  value ? [element('p', `${label}: ${value}`, 'fact')] : [];

/** The left-hand card: what the text itself says. */
function proposalCard(s: EntityProposal): HTMLElement {
  const card = element('article', '', 'candidate from-text');
  const quotes = [...new Set(s.mentions.map((m) => m.quote))];
  const named = quotes.slice(0, MOST_QUOTES).map((q) => `“${q}”`);
  if (quotes.length > MOST_QUOTES) named.push(`and ${quotes.length - MOST_QUOTES} more`);
  card.append(
    element('p', 'In this text', 'card-label'),
    element('h4', s.name),
    kindChip(s.kind),
    ...fact('Named as', named.join(', ')),
    ...fact('Occupations', s.occupations.join(', ')),
    ...fact('Event type', s.eventType),
    ...fact('Date', s.date),
  );
  return card;
}

/** What a card is labelled: the editor's choice once decided, the reading's proposal before. */
const cardLabel = (chosen: boolean, proposed: boolean, otherwise: string) =>
  element('p', chosen ? 'Accepted as this' : proposed ? 'Proposed: the same as' : otherwise, 'card-label');

function candidateCard(c: Candidate, proposed: boolean, chosen: boolean, accept: HTMLButtonElement): HTMLElement {
  const card = element('article', '', `candidate${proposed ? ' proposed' : ''}${chosen ? ' chosen' : ''}`);
  const e = c.entity;
  const reasons = element('ul', '', 'reasons');
  for (const r of c.reasons) reasons.append(element('li', r));
  card.append(
    cardLabel(chosen, proposed, 'Or the same as'),
    element('h4', e.name),
    kindChip(e.kind),
    element('p', e.key, 'entity-key'),
    element('p', `${percent(c.score)} · ${MATCH_WORDS[c.match] ?? humanise(c.match)}`, 'score'),
    reasons,
    ...fact('Also called', e.aliases.join(', ')),
    ...fact('Occupations', 'occupations' in e ? e.occupations.join(', ') : null),
    ...(e.summary ? [element('p', e.summary, 'summary')] : []),
    accept,
  );
  return card;
}

export function renderEntitySuggestion(s: EntityProposal, decide: EntityDecisions): HTMLElement[] {
  const open = s.status === 'OPEN';
  const blocked = tokenProblem();
  const reason = reasonBox();
  const cards = element('div', '', 'candidates');
  cards.setAttribute('role', 'list');
  cards.append(proposalCard(s));
  const chosen = s.status === 'ACCEPTED' ? (s.decision?.entity?.key ?? null) : null;
  for (const c of s.candidates) {
    const accept = decideButton(
      `Accept as ${c.entity.name}`,
      () => decide.acceptAs(c.entity, reason.reason()),
      blocked,
    );
    accept.hidden = !open;
    cards.append(candidateCard(c, s.sameAs?.key === c.entity.key, chosen === c.entity.key, accept));
  }
  const asNew = decideButton('Accept as new', () => decide.acceptAsNew(reason.reason()), blocked);
  asNew.hidden = !open;
  // accepted as none of the candidates: it became a new entity (under newKey, or a free variant of it)
  const madeNew = chosen !== null && !s.candidates.some((c) => c.entity.key === chosen);
  const newCard = element('article', '', `candidate new${s.sameAs ? '' : ' proposed'}${madeNew ? ' chosen' : ''}`);
  newCard.append(
    madeNew
      ? cardLabel(true, false, '')
      : element('p', s.sameAs ? 'Or' : s.candidates.length ? 'Proposed: none of these' : 'Proposed', 'card-label'),
    element('h4', 'A new entity'),
    element('p', madeNew ? chosen : s.newKey, 'entity-key'),
    asNew,
  );
  cards.append(newCard);
  for (const card of cards.children) card.setAttribute('role', 'listitem');

  const meta = element('p', '', 'review-meta');
  meta.append(
    kindChip(s.kind),
    ` ${s.key} · ${percent(s.confidence)} sure it names ${aKind(s.kind)} · ${s.mentions.length} mention${s.mentions.length === 1 ? '' : 's'}`,
  );
  const reject = element('p', '', 'review-decide');
  reject.append(decideButton('Reject', () => decide.reject(reason.reason()), blocked));
  return [
    element('h3', s.name),
    meta,
    statusLine(s.status, s.decision),
    ...(open ? [...blockedNote(blocked), reason.element] : []),
    cards,
    ...(open ? [reject] : []),
  ];
}
