/**
 * `npm run eval:ingest -- --details`: each article's errors in words (missed and false spans, wrong
 * kinds, wrong and missed merges, missed and false claims), for whoever tunes a stage. The counts in
 * score.ts are the measure; this only names what they count, by the same rules.
 */
import type { Draft } from '../../src/domain/suggestions.js';
import type { Gold } from './gold.js';
import { claimMatches, goldFor, touches } from './score.js';

const key = ({ start, end }: { start: number; end: number }) => `${start}:${end}`;

export function errorDetails(draft: Draft, gold: Gold): string[] {
  const lines: string[] = [];
  const predicted = new Map<string, { quote: string; kind: string }>();
  for (const s of draft.entities) {
    if (s.kind !== 'EVENT') for (const m of s.mentions) predicted.set(key(m), { quote: m.quote, kind: s.kind });
  }
  for (const d of draft.dates) predicted.set(key(d), { quote: d.quote, kind: `DATE ${d.date}` });
  const expected = new Map<string, { quote: string; kind: string }>();
  for (const e of gold.entities) {
    if (e.kind !== 'EVENT') for (const m of e.mentions) expected.set(key(m), { quote: m.quote, kind: e.kind });
  }
  for (const d of gold.dates) expected.set(key(d), { quote: d.quote, kind: `DATE ${d.date}` });
  for (const [k, g] of expected) {
    const p = predicted.get(k);
    if (!p) lines.push(`missed span   "${g.quote}" ${g.kind} @${k}`);
    else if (p.kind !== g.kind) lines.push(`wrong kind    "${g.quote}" ${p.kind}, gold ${g.kind}`);
  }
  for (const [k, p] of predicted) if (!expected.has(k)) lines.push(`false span    "${p.quote}" ${p.kind} @${k}`);
  for (const s of draft.entities) {
    if (s.sameAs === null) continue;
    const g = goldFor(s, gold);
    if (g?.sameAs !== s.sameAs)
      lines.push(`wrong merge   "${s.name}" → ${s.sameAs}, gold ${g ? `${g.id} → ${g.sameAs}` : 'nothing'}`);
  }
  for (const e of gold.entities) {
    if (e.sameAs === null) continue;
    const near = draft.entities.filter((s) => touches(s, e.mentions));
    if (near.every((s) => s.sameAs === null)) lines.push(`missed merge  ${e.id} → ${e.sameAs}`);
  }
  const matches = claimMatches(draft, gold);
  for (const [index, g] of gold.claims.entries()) {
    const i = matches.indexOf(index);
    const found = draft.claims[i];
    if (!found) lines.push(`missed claim  ${g.from} ${g.type} ${g.to} (${g.modality}${g.role ? `, ${g.role}` : ''})`);
    else if (found.evidence.modality !== g.modality) {
      lines.push(`modality      ${g.from} ${g.type} ${g.to}: ${found.evidence.modality}, gold ${g.modality}`);
    } else if (g.role !== null && found.role?.trim().toLowerCase() !== g.role.toLowerCase()) {
      lines.push(`role          ${g.from} ${g.type} ${g.to}: ${found.role}, gold ${g.role}`);
    }
  }
  const names = new Map(draft.entities.map((s) => [s.key, s.name]));
  for (const [i, c] of draft.claims.entries()) {
    if (matches[i] !== -1) continue;
    lines.push(
      `false claim   "${names.get(c.from) ?? c.from}" ${c.type} "${names.get(c.to) ?? c.to}" (${c.evidence.modality}, ${c.pattern})`,
    );
  }
  return lines;
}
