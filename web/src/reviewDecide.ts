/**
 * The parts of a decision the review's panels share: the reason box, buttons that say why they
 * cannot be pressed yet (no editor token, a claim's end undecided), and the status of a decided one.
 */
import { element } from './dom.js';
import { storedToken } from './graphqlClient.js';
import { decisionLine, MAX_REASON, reasonOf } from './reviewRules.js';

const NO_TOKEN =
  'Deciding needs an editor token, and this browser keeps none: give one with “Give an editor token” above.';

/** Why nothing can be decided in this browser (no token kept), or null when it can try (the server judges the token). */
export const tokenProblem = (): string | null => (storedToken() ? null : NO_TOKEN);

/** A decision's button: disabled, and saying why (as its title and in `why`, shown beside it), while `blocked`. */
export function decideButton(label: string, onDecide: () => void, blocked: string | null): HTMLButtonElement {
  const b = element('button', label, 'decide');
  b.type = 'button';
  b.addEventListener('click', onDecide);
  b.disabled = blocked !== null;
  if (blocked) b.title = blocked;
  return b;
}

/** The reason an editor may give with a decision, kept in the audit trail. */
export function reasonBox(): { element: HTMLElement; reason(): string | null } {
  const label = element('label', 'Reason (optional) ', 'review-reason');
  const input = element('input');
  input.maxLength = MAX_REASON;
  input.name = 'reason';
  input.autocomplete = 'off';
  input.placeholder = 'why, for the audit trail';
  label.append(input);
  return { element: label, reason: () => reasonOf(input.value) };
}

/** A line saying why a button is disabled, where it is seen (a disabled button cannot be focused for its title). */
export const blockedNote = (why: string | null): HTMLElement[] => (why ? [element('p', why, 'review-blocked')] : []);

/** The suggestion's status and, once decided, who decided it, when, as what and why. */
export function statusLine(
  status: 'OPEN' | 'ACCEPTED' | 'REJECTED',
  decision: Parameters<typeof decisionLine>[1],
): HTMLElement {
  const line = element('p', decisionLine(status, decision), `review-status status-${status.toLowerCase()}`);
  line.dataset.status = status;
  return line;
}
