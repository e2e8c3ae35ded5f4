/**
 * The review: a source's text with what its reading suggests highlighted, beside the suggestion
 * chosen (an entity with its candidates, a claim with its words) and an editor's accept or reject.
 * Decisions go to the API with the token this browser keeps (graphqlClient.ts); a refusal shows in
 * the error banner, as every failed request does (pageQueue.ts), and each decision re-reads the draft.
 */
import { KIND_STYLE } from '@case-graph/domain/kindStyle.js';
import { ENTITY_KINDS, KIND_NAME } from '@case-graph/domain/kinds.js';
import { button, byId, element } from './dom.js';
import { keepToken, storedToken } from './graphqlClient.js';
import { run } from './pageQueue.js';
import { acceptSuggestion, draftOf, type ReviewDraft, rejectSuggestion } from './queries.js';
import { renderClaimSuggestion } from './reviewClaim.js';
import { renderEntitySuggestion } from './reviewEntity.js';
import { renderReviewIndex } from './reviewIndex.js';
import { markSelected, renderReviewText } from './reviewText.js';

export interface ReviewHooks {
  /** "Close review" was pressed. */
  close(): void;
  /** A decision was written (the list of drafts shows fewer open suggestions). */
  decided(): void;
}

let current: { draft: ReviewDraft; selected: string | null } | null = null;
let hooks: ReviewHooks = { close: () => undefined, decided: () => undefined };

const HINT = 'Pick a highlight in the text, or a suggestion in the list, to decide it.';

/** The key of the source under review, or null. */
export const reviewing = (): string | null => current?.draft.source.key ?? null;

/** Builds the review's frame in #review-area, empty and hidden until a draft is opened. */
export function setUpReview(given: ReviewHooks): void {
  hooks = given;
  const legend = element('ul', '', 'review-legend');
  legend.setAttribute('aria-label', 'What the highlights mean');
  for (const kind of ENTITY_KINDS) {
    const swatch = element('mark', KIND_NAME[kind], 'hl hl-entity status-open');
    swatch.style.setProperty('--kind', KIND_STYLE[kind].colour);
    const li = element('li');
    li.append(swatch);
    legend.append(li);
  }
  for (const [text, className] of [
    ['Date', 'hl hl-date'],
    ['Claim evidence', 'claim-evidence'],
  ] as const) {
    const li = element('li');
    li.append(element(className === 'claim-evidence' ? 'span' : 'mark', text, className));
    legend.append(li);
  }
  const head = element('div', '', 'review-head');
  const title = element('h2', 'Review', '');
  title.id = 'review-title';
  title.tabIndex = -1;
  const close = button('Close review', () => hooks.close());
  close.id = 'review-close';
  head.append(title, close);
  const summary = element('p', '', 'review-summary');
  summary.id = 'review-summary';
  const token = element('p', '', 'review-token');
  token.id = 'review-token';
  const text = element('article', '', 'review-text');
  text.id = 'review-text';
  text.setAttribute('aria-label', 'The source, with what the reading suggests highlighted');
  text.tabIndex = -1;
  const panel = element('section', '', 'review-suggestion');
  panel.id = 'review-suggestion';
  panel.setAttribute('aria-label', 'The suggestion chosen');
  panel.setAttribute('aria-live', 'polite');
  const index = element('details', '', 'review-index');
  index.id = 'review-index';
  const indexBody = element('div');
  indexBody.id = 'review-index-list';
  index.append(element('summary', 'Every suggestion'), indexBody);
  const side = element('div', '', 'review-side');
  side.append(panel, index);
  const body = element('div', '', 'review-body');
  body.append(text, side);
  byId('review-area').replaceChildren(head, summary, token, legend, body);
}

function renderToken(): void {
  const kept = storedToken();
  const line = byId('review-token');
  const give = button(kept ? 'Use another token' : 'Give an editor token', () => {
    const given = window.prompt('An editor token, to decide suggestions (kept in this browser):');
    if (!given?.trim()) return;
    keepToken(given);
    render();
  });
  give.id = 'review-give-token';
  line.replaceChildren(
    kept
      ? 'Decisions are made with the token this browser keeps; the server says if it is not an editor’s. '
      : 'Anyone may read a draft; deciding needs an editor token. ',
    give,
  );
}

function renderSummary(draft: ReviewDraft): void {
  const s = draft.source;
  byId('review-title').textContent = `Review: ${s.title ?? [s.key, s.publisher].filter(Boolean).join(', ')}`;
  const open = (list: readonly { status: string }[]) => list.filter((x) => x.status === 'OPEN').length;
  const read =
    draft.readUpTo < s.text.length
      ? ` The reading stopped at character ${draft.readUpTo.toLocaleString('en')} of ${s.text.length.toLocaleString('en')}: the rest (greyed) has no suggestions.`
      : '';
  byId('review-summary').textContent =
    `${open(draft.entities)} of ${draft.entities.length} entities and ${open(draft.claims)} of ${draft.claims.length} claims still open; ${draft.dates.length} date${draft.dates.length === 1 ? '' : 's'}.${read}`;
}

function datePanel(draft: ReviewDraft, index: number): HTMLElement[] {
  const d = draft.dates[index];
  if (!d) return [element('p', HINT, 'hint')];
  return [
    element('h3', d.quote),
    element('p', `A date the text gives: ${d.date.text}.`, 'fact'),
    element('p', 'Dates are not decided on their own: they go with the events and claims that use them.', 'hint'),
  ];
}

/** Writes a decision, then re-reads the draft; the focus goes back to the suggestion's heading. */
async function decide(write: () => Promise<unknown>): Promise<void> {
  await write();
  await refreshReview();
  hooks.decided();
  focusSuggestion();
}

function renderPanel(draft: ReviewDraft, selected: string | null): HTMLElement[] {
  const source = draft.source.key;
  const entity = draft.entities.find((e) => e.key === selected);
  if (entity) {
    const say = `“${entity.name}”`;
    return renderEntitySuggestion(entity, {
      acceptAs: (e, reason) =>
        void run(() =>
          decide(() =>
            acceptSuggestion(`accept ${say} as ${e.name}`, {
              source,
              suggestion: entity.key,
              entityKey: e.key,
              reason,
            }),
          ),
        ),
      acceptAsNew: (reason) =>
        void run(() =>
          decide(() =>
            acceptSuggestion(`accept ${say} as a new entity`, { source, suggestion: entity.key, asNew: true, reason }),
          ),
        ),
      reject: (reason) =>
        void run(() => decide(() => rejectSuggestion(`reject ${say}`, { source, suggestion: entity.key, reason }))),
    });
  }
  const claim = draft.claims.find((c) => c.key === selected);
  if (claim) {
    const say = `the claim ${claim.key} (${claim.from.name} → ${claim.to.name})`;
    return renderClaimSuggestion(claim, {
      accept: (assertedBy, reason) =>
        void run(() =>
          decide(() => acceptSuggestion(`accept ${say}`, { source, suggestion: claim.key, assertedBy, reason })),
        ),
      reject: (reason) =>
        void run(() => decide(() => rejectSuggestion(`reject ${say}`, { source, suggestion: claim.key, reason }))),
      select: selectAndFocus,
    });
  }
  if (selected?.startsWith('date-')) return datePanel(draft, Number(selected.slice(5)));
  return [element('p', HINT, 'hint')];
}

/** Shows the suggestion `key` beside the text; `reveal` scrolls its first highlight into view. */
function select(key: string | null, reveal = false): void {
  if (!current) return;
  current.selected = key;
  const { draft } = current;
  byId('review-suggestion').replaceChildren(...renderPanel(draft, key));
  const claim = draft.claims.find((c) => c.key === key);
  const text = byId('review-text');
  markSelected(text, key, claim ? [claim.from.key, claim.to.key] : []);
  renderReviewIndex(byId('review-index-list'), draft, key, selectAndFocus);
  if (reveal && key) text.querySelector(`.selected`)?.scrollIntoView({ block: 'nearest' });
}

/** The focus to the chosen suggestion's heading, where a keyboard user reads on to its buttons. */
function focusSuggestion(): void {
  const heading = byId('review-suggestion').querySelector<HTMLElement>('h3');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

/** Shows `key` and takes the focus there: for a choice whose button the redrawing removes (the list, a claim's end). */
function selectAndFocus(key: string): void {
  select(key, true);
  focusSuggestion();
}

function render(): void {
  if (!current) return;
  renderToken();
  renderSummary(current.draft);
  // redrawn after a decision, the text stays where the editor was reading
  const text = byId('review-text');
  const scrolled = text.scrollTop;
  renderReviewText(text, current.draft, (key, byKeyboard) => {
    select(key);
    if (byKeyboard) return focusSuggestion();
    // on a phone the panel is under the text, out of sight: bring it up to be read
    const panel = byId('review-suggestion');
    const top = panel.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 48) panel.scrollIntoView({ block: 'start' });
  });
  text.scrollTop = scrolled;
  select(current.selected);
}

/** Opens the draft of `sourceKey`; refused (thrown, for the error banner) when the source has none. */
export async function openReview(sourceKey: string): Promise<void> {
  const draft = await draftOf(sourceKey);
  if (!draft)
    throw new Error(`There is no draft of “${sourceKey}” to review: only a source read by addSource has one.`);
  current = { draft, selected: null };
  byId('review-area').hidden = false;
  render();
  const title = byId('review-title');
  title.scrollIntoView({ block: 'start' });
  title.focus({ preventScroll: true });
}

export function closeReview(): void {
  current = null;
  byId('review-area').hidden = true;
}

/** Reads the draft under review again (after a decision, here or by another editor); unchanged, nothing is redrawn. */
export async function refreshReview(): Promise<void> {
  const key = reviewing();
  if (!current || !key) return;
  const draft = await draftOf(key);
  if (!current || reviewing() !== key) return;
  if (!draft) throw new Error(`The draft of “${key}” is gone.`);
  if (JSON.stringify(draft) === JSON.stringify(current.draft)) return;
  current.draft = draft;
  render();
}
