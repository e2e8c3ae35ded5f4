/**
 * The search box: results as the user types; arrow keys move through them, Enter picks, Escape
 * closes them. A combobox in ARIA terms, so screen readers follow the active result.
 */
import { KIND_NAME, type EntityKind } from '@case-graph/domain/kinds.js';
import { byId, element } from './dom.js';
import { guarded } from './errorBanner.js';
import { type EntitySummary, searchEntities } from './queries.js';

const TYPING_PAUSE_MS = 150;

export interface SearchBox {
  /** True when results were open (and are now closed). */
  close(): boolean;
}

export function setUpSearchBox(onPick: (entity: EntitySummary) => void): SearchBox {
  const input = byId<HTMLInputElement>('search');
  const list = byId('search-results');
  let hits: EntitySummary[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older keystrokes that arrive late must not replace newer ones. */
  let asked = 0;

  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const item = element('li');
        item.id = `search-hit-${i}`;
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', String(i === active));
        item.append(`${hit.name} `, element('span', KIND_NAME[hit.kind as EntityKind] ?? hit.kind, 'kind'));
        // mousedown, not click: picking must happen before the input's blur closes the list
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(i);
        });
        return item;
      }),
    );
    if (hits.length === 0 && input.value.trim() && asked > 0) list.append(element('li', 'Nothing found', 'hint'));
    input.setAttribute('aria-expanded', String(list.childElementCount > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-hit-${active}`);
    else input.removeAttribute('aria-activedescendant');
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  };

  const close = (): boolean => {
    const wasOpen = list.childElementCount > 0;
    hits = [];
    active = -1;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    return wasOpen;
  };

  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    close();
    onPick(hit);
  };

  /** `pickFirst`: Enter was pressed before the results came; the best one is what the user wants. */
  const run = async (text: string, pickFirst = false) => {
    const mine = ++asked;
    if (!/[\p{L}\p{N}]/u.test(text)) {
      close();
      return;
    }
    const found = await searchEntities(text);
    if (mine !== asked) return;
    hits = found;
    active = found.length ? 0 : -1;
    if (pickFirst && found.length) pick(0);
    else render();
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => guarded(() => run(input.value)), TYPING_PAUSE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + hits.length) % hits.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active >= 0) pick(active);
      else {
        clearTimeout(timer);
        guarded(() => run(input.value, true));
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 0));
  byId('search-form').addEventListener('submit', (event) => event.preventDefault());
  return { close };
}
