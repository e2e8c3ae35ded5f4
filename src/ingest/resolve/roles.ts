/**
 * Whether what the text calls someone agrees with the graph's occupations for them: "cinematographer
 * Hutchins" and occupations ["cinematographer"], "attorney" and ["lawyer"]. The groups below are the
 * words news text uses for one line of work; a role agrees with an occupation when they are equal,
 * one holds the other as a word ("defense lawyer", "lawyer"), or they share a group.
 */
import { normaliseForSearch } from '../../domain/search.js';

const SAME_WORK: readonly (readonly string[])[] = [
  ['lawyer', 'attorney', 'counsel', 'solicitor', 'barrister', 'advocate', 'defense attorney', 'defence lawyer'],
  ['prosecutor', 'district attorney', 'special prosecutor', 'state attorney'],
  ['cinematographer', 'director of photography', 'dp', 'camera operator'],
  ['director', 'filmmaker', 'film director'],
  ['actor', 'actress', 'performer', 'star'],
  ['armorer', 'armourer', 'weapons supervisor'],
  ['producer', 'executive producer'],
  ['judge', 'justice', 'magistrate'],
  ['journalist', 'reporter', 'correspondent'],
  ['police officer', 'officer', 'detective', 'sheriff', 'deputy'],
  ['spokesperson', 'spokesman', 'spokeswoman', 'representative'],
];

/** "Lawyers" and "lawyer", "Attorney’s" and "attorney". */
function roleForm(role: string): string {
  return normaliseForSearch(role)
    .replace(/'s?\b/g, '')
    .split(' ')
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}

const GROUP_OF = new Map<string, number>();
for (const [index, group] of SAME_WORK.entries()) for (const role of group) GROUP_OF.set(roleForm(role), index);

function agree(a: string, b: string): boolean {
  if (a === b || ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `)) return true;
  const group = GROUP_OF.get(a);
  return group !== undefined && group === GROUP_OF.get(b);
}

export type RoleFit =
  | { kind: 'agrees'; role: string }
  | { kind: 'disagrees'; text: string; known: string }
  | { kind: 'unknown' };

/** How the text's roles for an entity fit the graph's occupations for a candidate. */
export function roleFit(textRoles: readonly string[], knownOccupations: readonly string[]): RoleFit {
  if (textRoles.length === 0 || knownOccupations.length === 0) return { kind: 'unknown' };
  for (const t of textRoles) {
    for (const k of knownOccupations) if (agree(roleForm(t), roleForm(k))) return { kind: 'agrees', role: k };
  }
  return { kind: 'disagrees', text: textRoles.join(', '), known: knownOccupations.join(', ') };
}

/** "both are lawyers": the plural, for a reason an editor reads. */
export function bothAre(role: string): string {
  const plural = /(s|sh|ch|x)$/.test(role)
    ? `${role}es`
    : role.endsWith('y') && !/[aeiou]y$/.test(role)
      ? `${role.slice(0, -1)}ies`
      : `${role}s`;
  return `both are ${plural}`;
}
