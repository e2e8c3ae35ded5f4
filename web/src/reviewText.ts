/**
 * The source as the review shows it: every suggested mention and date highlighted (each kind in
 * its colour, kindStyle.ts), each claim's evidence underlined with a tag to open it. Highlights are
 * focusable and open with Enter or Space as well as a click. Text is only ever set as text.
 */
import { KIND_STYLE } from '@case-graph/domain/kindStyle.js';
import { type EntityKind, KIND_NAME, type RelationshipType } from '@case-graph/domain/kinds.js';
import { relationshipLabel } from '@case-graph/domain/labels.js';
import { element } from './dom.js';
import type { ReviewDraft } from './queries.js';
import { layOut, type Piece } from './reviewSpans.js';

/** A highlight was chosen: by the keyboard (Enter, Space) the focus may move on to what it opened. */
type Pick = (key: string, byKeyboard: boolean) => void;

interface Mark {
  start: number;
  end: number;
  /** The suggestion it opens: "e3", or "date-2" for the third date. */
  key: string;
  kind: string;
  status: string;
}

/** What the reader sees before the mark's words: "Person, open: e3 Alec Baldwin". */
function describe(mark: Mark, draft: ReviewDraft): string {
  if (mark.kind === 'DATE') return `Date ${draft.dates[Number(mark.key.slice(5))]?.date.text ?? ''}`;
  const s = draft.entities.find((e) => e.key === mark.key);
  return `${KIND_NAME[mark.kind as EntityKind] ?? mark.kind}, ${mark.status.toLowerCase()}: ${mark.key} ${s?.name ?? ''}`;
}

/** Makes `target` act as a button (it sits in running text, where a <button> would break the lines). */
function pressable(target: HTMLElement, key: string, label: string, onPick: Pick): void {
  target.tabIndex = 0;
  target.setAttribute('role', 'button');
  target.setAttribute('aria-label', label);
  target.dataset.suggestion = key;
  target.addEventListener('click', (event) => {
    event.stopPropagation();
    onPick(key, false);
  });
  target.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onPick(key, true);
  });
}

/** A claim's words, underlined, with a tag per claim they state (a click between the marks opens the first). */
function evidenceRun(claims: string[], children: Node[], draft: ReviewDraft, onPick: Pick): HTMLElement {
  const run = element('span', '', 'claim-evidence');
  run.dataset.claims = claims.join(' ');
  run.append(...children);
  run.addEventListener('click', () => onPick(claims[0]!, false));
  for (const key of claims) {
    const claim = draft.claims.find((c) => c.key === key);
    const tag = element('span', key, `claim-tag status-${(claim?.status ?? 'OPEN').toLowerCase()}`);
    const what = claim
      ? `${claim.from.name} ${relationshipLabel(claim.type as RelationshipType, claim.role)} ${claim.to.name}`
      : '';
    pressable(tag, key, `Claim ${key}, ${(claim?.status ?? '').toLowerCase()}: ${what}`, onPick);
    run.append(tag);
  }
  return run;
}

function draw(pieces: Piece<Mark>[], draft: ReviewDraft, onPick: Pick): Node[] {
  return pieces.map((piece): Node => {
    if (piece.kind === 'text') return document.createTextNode(piece.text);
    if (piece.kind === 'unread') return element('span', piece.text, 'unread');
    if (piece.kind === 'evidence') return evidenceRun(piece.claims, draw(piece.children, draft, onPick), draft, onPick);
    const { mark } = piece;
    const kind = mark.kind === 'DATE' ? 'hl-date' : 'hl-entity';
    const m = element('mark', piece.text, `hl ${kind} status-${mark.status.toLowerCase()}`);
    if (mark.kind !== 'DATE') m.style.setProperty('--kind', KIND_STYLE[mark.kind as EntityKind]?.colour ?? 'gray');
    pressable(m, mark.key, `${describe(mark, draft)}: “${piece.text}”`, onPick);
    return m;
  });
}

/** Renders `draft`'s source into `container`; `onPick` gets the key of the highlight chosen, and how. */
export function renderReviewText(container: HTMLElement, draft: ReviewDraft, onPick: Pick): void {
  const marks: Mark[] = [
    ...draft.entities.flatMap((e) =>
      e.mentions.map((m) => ({
        start: m.start,
        end: m.end,
        key: e.key,
        kind: e.kind as string,
        status: e.status as string,
      })),
    ),
    ...draft.dates.map((d, i) => ({ start: d.start, end: d.end, key: `date-${i}`, kind: 'DATE', status: 'OPEN' })),
  ];
  const evidence = draft.claims.map((c) => ({ start: c.evidence.start, end: c.evidence.end, claim: c.key }));
  container.replaceChildren(...draw(layOut(draft.source.text, draft.readUpTo, marks, evidence), draft, onPick));
}

/** Marks what belongs to the suggestion `key` (an entity's mentions, a claim's words and tag) as selected. */
export function markSelected(container: HTMLElement, key: string | null, related: readonly string[] = []): void {
  for (const e of container.querySelectorAll<HTMLElement>('[data-suggestion], .claim-evidence')) {
    const own = e.dataset.suggestion ?? '';
    const claims = e.dataset.claims?.split(' ') ?? [];
    e.classList.toggle('selected', key !== null && (own === key || claims.includes(key)));
    e.classList.toggle('related', related.includes(own));
    if (e.getAttribute('role') === 'button') e.setAttribute('aria-pressed', String(own === key));
  }
}
