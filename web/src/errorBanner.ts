/**
 * Failures on the page, where the user looks: a visible message that stays until dismissed (or
 * until the next one replaces it), never only a line in the console.
 */
import { byId } from './dom.js';

export function showError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  byId('error-text').textContent = message;
  byId('error').hidden = false;
}

export function dismissError(): void {
  byId('error').hidden = true;
  byId('error-text').textContent = '';
}

/** Runs `task`, showing its failure on the page: for event handlers, which nobody awaits. */
export function guarded(task: () => Promise<unknown>): void {
  task().catch(showError);
}

export function setUpErrorBanner(): void {
  byId('error-dismiss').addEventListener('click', dismissError);
  // anything that escapes a handler still reaches the page
  window.addEventListener('unhandledrejection', (event) => showError(event.reason));
  window.addEventListener('error', (event) => showError(event.error ?? event.message));
}
