/** What every editor's write shares: the author and reason it records, and how a refusal or a landed change is reported. */
import type { Change } from '../domain/changes.js';
import { cleanText } from '../curate/checks.js';
import type { Author } from '../curate/inputs.js';
import { EditRefusal } from '../curate/refusal.js';
import type { Context } from './context.js';
import { clientError } from './errors.js';

export const reasonField = { required: false, description: 'Why: kept in the audit trail.' } as const;

/** The editor and their reason, for the audit trail. */
export const authorOf = (context: Context, reason: string | null | undefined): Author => ({
  actor: context.caller.name ?? 'anonymous',
  reason: reason?.trim() ? cleanText(reason, 'reason', true) : null,
});

/** Runs an edit: a refusal becomes a client error naming its field; a landed change is announced. */
export async function edit<T extends { change: Change }>(context: Context, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    context.events.publish('graphChanged', result.change);
    return result;
  } catch (error) {
    if (error instanceof EditRefusal) throw clientError(error.code, error.message, { field: error.field });
    throw error;
  }
}
