/** A draft in words, for a terminal: what the reading found, what it proposes, and what is left to decide. */
import { MODALITY_MEANING } from '../domain/claims.js';
import type { Draft, EntitySuggestion } from '../domain/suggestions.js';

const percent = (n: number) => `${Math.round(n * 100)}%`;

function proposal(e: EntitySuggestion): string {
  const first = e.candidates[0];
  if (e.sameAs && first) return `same as ${first.entityKey} (${percent(first.score)}: ${first.reasons.join('; ')})`;
  const maybe = first ? `; nearest ${first.entityKey} at ${percent(first.score)}, below the bar` : '';
  return `new entity ${e.newKey}${maybe}`;
}

export function draftSummary(draft: Draft, textLength: number): string {
  const lines: string[] = [];
  const names = new Map(draft.entities.map((e) => [e.key, e.name]));
  lines.push(
    `Draft of "${draft.sourceKey}": ${draft.entities.length} entities, ${draft.claims.length} claims, ${draft.dates.length} dates.`,
  );
  if (draft.readUpTo < textLength) lines.push(`Read the first ${draft.readUpTo} of ${textLength} characters only.`);
  lines.push('', 'Entities (proposals; nothing is in the graph until an editor accepts it):');
  for (const e of draft.entities) {
    const where = e.mentions.map((m) => `${m.start}-${m.end}`).join(', ');
    const roles = e.occupations.length ? ` [${e.occupations.join(', ')}]` : '';
    lines.push(`  ${e.key.padEnd(4)} ${e.kind.padEnd(12)} ${e.name}${roles} at ${where}`);
    lines.push(`       -> ${proposal(e)}`);
  }
  lines.push('', 'Dates:');
  for (const d of draft.dates) lines.push(`  "${d.quote}" at ${d.start}-${d.end} = ${d.date}`);
  lines.push('', 'Claims:');
  for (const c of draft.claims) {
    const role = c.role ? ` (${c.role})` : '';
    const how =
      c.evidence.modality === 'STATED'
        ? ''
        : ` ${c.evidence.modality}${c.evidence.assertedBy ? ` by ${c.evidence.assertedBy}` : ''} ("${c.evidence.cue}")`;
    lines.push(`  ${c.key.padEnd(4)} ${names.get(c.from)} ${c.type}${role} ${names.get(c.to)}${how}`);
    lines.push(`       "${c.evidence.quote.length > 160 ? `${c.evidence.quote.slice(0, 157)}...` : c.evidence.quote}"`);
  }
  const modalities = [...new Set(draft.claims.map((c) => c.evidence.modality))];
  if (modalities.length) {
    lines.push('', 'Modalities:');
    for (const m of modalities) lines.push(`  ${m}: ${MODALITY_MEANING[m]}`);
  }
  return lines.join('\n');
}
