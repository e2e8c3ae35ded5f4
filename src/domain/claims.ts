/**
 * How a source asserts a claim, and who asserts it. Every relationship is a claim; each piece of its
 * evidence carries its own attribution, so two sources (or two parties in one source) can make the
 * same claim differently, and a reader can always ask "according to whom, and how sure?".
 */

export const MODALITIES = ['STATED', 'REPORTED', 'PLANNED', 'EXPECTED', 'ALLEGED', 'DENIED', 'INFERRED'] as const;
export type Modality = (typeof MODALITIES)[number];

/** What each modality means: the schema's enum descriptions and docs/API.md read this. */
export const MODALITY_MEANING: Record<Modality, string> = {
  STATED: 'The asserter says it as fact: it happened, or it is so.',
  REPORTED: 'The source passes on what another party says happened ("ABC News cited informed sources").',
  PLANNED: 'Intended or scheduled, not (yet) done: "was set to resume filming", "was planned to continue at".',
  EXPECTED: 'Anticipated, not (yet) done: "expected to return to the set".',
  ALLEGED: 'Claimed by a party and contested or unproven: "prosecutors alleged".',
  DENIED: 'A party says it did not happen or is not so; the claim is recorded with its denial.',
  INFERRED: 'Not stated by any source: an analyst (named in assertedBy) concluded it from the quoted words.',
};

/** Modalities that need a named asserter: someone other than the source itself says it, or an analyst inferred it. */
export const NEEDS_ASSERTER: ReadonlySet<Modality> = new Set<Modality>(['REPORTED', 'ALLEGED', 'DENIED', 'INFERRED']);

export function isModality(value: unknown): value is Modality {
  return typeof value === 'string' && (MODALITIES as readonly string[]).includes(value);
}

/** Whether any of a claim's evidence asserts it in one of `modalities` (always, when none are asked for). */
export function assertedAs(
  evidence: readonly { modality: Modality }[],
  modalities?: readonly Modality[] | null,
): boolean {
  if (!modalities || modalities.length === 0) return true;
  const wanted = asSet(modalities);
  return evidence.some((e) => wanted.has(e.modality));
}

/**
 * Each modality list as a set, made once per list: a variable's list is the same array for every
 * claim it is tested against, and may repeat one value a hundred thousand times within the body limit.
 */
const modalitySets = new WeakMap<readonly Modality[], ReadonlySet<Modality>>();

function asSet(modalities: readonly Modality[]): ReadonlySet<Modality> {
  let set = modalitySets.get(modalities);
  if (!set) {
    set = new Set(modalities);
    modalitySets.set(modalities, set);
  }
  return set;
}

/** The distinct modalities of a claim's evidence, in the order of MODALITIES (STATED first). */
export function modalitiesOf(evidence: readonly { modality: Modality }[]): Modality[] {
  return MODALITIES.filter((m) => evidence.some((e) => e.modality === m));
}
