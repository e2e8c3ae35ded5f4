/**
 * Escape, wherever the focus is: it closes the search results first; pressed again (or with none
 * open) it closes the open panels, the error message and the path's highlight. The search box
 * itself handles the arrow keys and Enter (searchBox.ts).
 */
import { dismissError } from './errorBanner.js';

export function setUpKeyboard(actions: { closeResults(): boolean; clearPath(): void }): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (actions.closeResults()) return;
    for (const panel of document.querySelectorAll<HTMLDetailsElement>('details.panel[open]:not(#in-view-panel)'))
      panel.open = false;
    dismissError();
    actions.clearPath();
  });
}
