/**
 * Every action of the page runs after the one before has finished, so that a fast user (or Back
 * pressed during a load) never interleaves two half-drawn views. A failure is shown on the page.
 * `data-busy` on the body says an action is under way (the browser tests wait for it to go).
 */
import { showError } from './errorBanner.js';

let queue: Promise<unknown> = Promise.resolve();
let pending = 0;

export function run(task: () => Promise<unknown>): Promise<void> {
  pending++;
  document.body.dataset.busy = 'true';
  const done = queue.then(task).catch(showError);
  queue = done.finally(() => {
    if (--pending === 0) delete document.body.dataset.busy;
  });
  return done.then(() => undefined);
}
