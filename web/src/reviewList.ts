/** "Drafts to review": each source whose reading waits for an editor, with a button that opens its review. */
import { button, byId, element } from './dom.js';
import type { DraftListing } from './queries.js';

export function renderDraftList(drafts: readonly DraftListing[], onReview: (sourceKey: string) => void): void {
  const items = drafts.map((s) => {
    const open = (s.draft?.openEntities.length ?? 0) + (s.draft?.openClaims.length ?? 0);
    const name = s.title ?? [s.key, s.publisher].filter(Boolean).join(', ');
    const li = element('li');
    const review = button('Review', () => onReview(s.key));
    review.dataset.source = s.key;
    review.setAttribute('aria-label', `Review the draft of ${name}`);
    li.append(review, ` ${name} `, element('span', open ? `${open} open` : 'all decided', 'hint'));
    return li;
  });
  byId('drafts').replaceChildren(...items);
  byId('drafts-area').hidden = items.length === 0;
}
