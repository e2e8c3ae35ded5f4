/**
 * A claim suggestion in the review: the link a sentence states, how and by whom, with its words;
 * accept (once both ends are accepted, with an asserter where the sentence names none) or reject.
 */
import type { Modality } from '@case-graph/domain/claims.js';
import type { RelationshipType } from '@case-graph/domain/kinds.js';
import { MODALITY_LABEL, humanise, relationshipLabel } from '@case-graph/domain/labels.js';
import { button, element } from './dom.js';
import type { ClaimProposal } from './queries.js';
import { blockedNote, decideButton, reasonBox, statusLine, tokenProblem } from './reviewDecide.js';
import { claimBlocker, needsAsserter, percent } from './reviewRules.js';

export interface ClaimDecisions {
  accept(assertedBy: string | null, reason: string | null): void;
  reject(reason: string | null): void;
  /** An end was clicked: show that entity suggestion. */
  select(key: string): void;
}

const STATUS_WORD = { OPEN: 'open', ACCEPTED: 'accepted', REJECTED: 'rejected' } as const;

/** "From: Alex Spiro (e4, accepted)", the name a button to that suggestion. */
function endLine(label: string, end: ClaimProposal['from'], select: (key: string) => void): HTMLElement {
  const line = element('p', `${label}: `, 'fact');
  line.append(
    button(end.name, () => select(end.key), 'link'),
    ` (${end.key}, ${STATUS_WORD[end.status]})`,
  );
  return line;
}

export function renderClaimSuggestion(c: ClaimProposal, decide: ClaimDecisions): HTMLElement[] {
  const open = c.status === 'OPEN';
  const e = c.evidence;
  const words = relationshipLabel(c.type as RelationshipType, c.role);
  const quote = element('blockquote', '', 'evidence');
  quote.append(element('span', MODALITY_LABEL[e.modality as Modality] ?? humanise(e.modality), 'modality'), ' ');
  quote.append(element('span', `“${e.quote}”`, 'quote'));

  const parts: HTMLElement[] = [
    element('h3', `${c.from.name} ${words} ${c.to.name}`),
    element(
      'p',
      `Claim ${c.key} · ${humanise(c.type)} · ${percent(c.confidence)} sure · found by “${c.pattern}”`,
      'review-meta',
    ),
    statusLine(c.status, c.decision),
    endLine('From', c.from, decide.select),
    endLine('To', c.to, decide.select),
    ...(c.role ? [element('p', `Role: ${c.role}`, 'fact')] : []),
    element(
      'p',
      `Modality: ${MODALITY_LABEL[e.modality as Modality] ?? humanise(e.modality)}${e.cue ? `, from the words “${e.cue}”` : ''}`,
      'fact',
    ),
    element('p', `Asserted by: ${e.assertedBy ?? 'the source itself'}`, 'fact'),
    quote,
  ];
  if (!open) return parts;

  const token = tokenProblem();
  const ends = claimBlocker(c);
  const reason = reasonBox();
  let asserter: HTMLInputElement | null = null;
  const accept = decideButton(
    'Accept',
    () => decide.accept(asserter?.value.trim() || null, reason.reason()),
    token ?? ends,
  );
  const controls: HTMLElement[] = [];
  if (needsAsserter(c)) {
    const label = element('label', 'Asserted by ', 'review-asserter');
    asserter = element('input');
    asserter.name = 'assertedBy';
    asserter.autocomplete = 'off';
    asserter.placeholder = 'who reports it, e.g. ABC News';
    label.append(asserter);
    const ask = element(
      'p',
      `The sentence ${e.modality === 'DENIED' ? 'denies' : e.modality === 'ALLEGED' ? 'alleges' : 'reports'} this without naming who says so: name them to accept it.`,
      'review-blocked',
    );
    const sync = () => {
      accept.disabled = (token ?? ends) !== null || !asserter?.value.trim();
    };
    asserter.addEventListener('input', sync);
    sync();
    controls.push(ask, label);
  }
  const buttons = element('p', '', 'review-decide');
  buttons.append(
    accept,
    decideButton('Reject', () => decide.reject(reason.reason()), token),
  );
  return [...parts, ...blockedNote(token ?? ends), ...controls, reason.element, buttons];
}
