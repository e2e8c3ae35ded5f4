/**
 * Regular-expression pieces the patterns share, written over a skeleton (skeleton.ts). Every
 * repetition is bounded and its alternatives begin differently, so matching stays linear in the
 * sentence's length (no nested unbounded quantifiers).
 */

/** A marker of one of the kinds given by their letters: P person, O organisation, R production, L location, E event. */
export const mark = (kinds: string) => `⟦[${kinds}]\\d+⟧`;

/**
 * What joins the names of a list: ", ", " and ", ", and ", " & ", "and its managing director, "
 * and "and director " (a role between the "and" and the next name).
 */
// The role's words are matched a word at a time (letters, then whitespace): a class of letters
// AND spaces ("[a-z -]{0,40}") before ",?\s+" could split a run of spaces many ways, and seven
// names in a list multiply those ways into minutes of backtracking on a 400-character sentence.
const JOIN = String.raw`(?:,?\s+and\s+(?:(?:its|his|her|their)\s+[a-z][a-z-]{0,30}(?:\s+[a-z][a-z-]{0,30}){0,5},?\s+|[a-z][a-z-]{2,30}\s+)?|,\s+|\s+&\s+)`;

/** Markers joined by "and" only: "in New Mexico and California" (not "Santa Fe, New Mexico"). */
export const andList = (kinds: string) => `${mark(kinds)}(?:,?\\s+and\\s+${mark(kinds)}){0,3}`;

/** One to seven markers of the kinds given, as a list. */
export const list = (kinds: string) => `${mark(kinds)}(?:${JOIN}${mark(kinds)}){0,6}`;

/** A possessive after a marker: ’s, 's, or a bare apostrophe ("Films’"). */
export const POSS = "['’]s?";

/** Up to `n` lower-case words ("the western ", "action thriller "). */
export const words = (n: number) => `(?:[a-z0-9][a-z0-9-]*\\s+){0,${n}}`;

export const DET = String.raw`(?:(?:the|a|an)\s+)?`;

/** Words a lawyer's title may begin with ("lead defense attorney"). */
export const LAWYER_PRE = String.raw`(?:(?:lead|defen[cs]e|criminal|trial|longtime|personal|chief|general|outside|senior|civil|appellate|family|immigration|private|new)\s+){0,2}`;
/** The nouns for a legal representative. */
export const LAWYER = String.raw`(?:lawyers?|attorneys?|barristers?|solicitors?|counsel|legal\s+team)`;

/** Roles on a production, longest first (so "assistant director" is not read as "director"). */
export const CREW = [
  'director of photography',
  'first assistant director',
  'assistant director',
  'executive producer',
  'line producer',
  'co-producer',
  'producer',
  'co-director',
  'co-writer',
  'co-creator',
  'co-executive producer',
  'director',
  'cinematographer',
  'armou?rer',
  'props? master',
  'script supervisor',
  'screenwriter',
  'writer',
  'editor',
  'lead actor',
  'lead actress',
  'actor',
  'actress',
  'co-star',
  'star',
  'stunt coordinator',
  'stunt performer',
  'stunt double',
  'camera operator',
  'camera assistant',
  'gaffer',
  'production designer',
  'costume designer',
  'composer',
  'showrunner',
  'set medic',
  'safety (?:coordinator|adviser|advisor|officer)',
  'unit production manager',
  'production manager',
  'creator',
  'cast member',
  'crew member',
]
  .map((r) => r.replaceAll(' ', '\\s+'))
  .join('|');

/** A role on a production, singular or plural ("the film’s creators, A and B"). */
export const CREWS = `(?:${CREW})(?:e?s)?`;

/** Verbs for work on a production, in the forms a subject takes ("directed", "is directing"). */
const WORK_VERB = String.raw`(?:co-)?(?:direct(?:ed|s|ing)?|produc(?:e|ed|es|ing)|wr(?:ote|ites|iting|ite)|creat(?:ed|es|ing))|edit(?:ed|s|ing)?|(?:co-)?(?:starr(?:ed|ing)\s+in|stars?\s+in)`;
export const WORK_VERBS = `(?:${WORK_VERB})(?:(?:,\\s+|\\s+and\\s+)(?:${WORK_VERB})){0,2}`;

/** The same verbs as participles after "by" ("written and directed by"). */
const WORK_PARTICIPLE = '(?:co-)?(?:directed|produced|written|created)|edited';
export const WORK_PARTICIPLES = `(?:${WORK_PARTICIPLE})(?:(?:,\\s+|\\s+and\\s+)(?:${WORK_PARTICIPLE})){0,2}`;

/** The role each work verb gives. */
function roleOfVerb(verb: string): string | null {
  const v = verb.toLowerCase().replace(/\s+/g, ' ');
  if (v.startsWith('co-star')) return 'co-star';
  if (v.startsWith('co-')) {
    const role = roleOfVerb(v.slice(3));
    return role ? `co-${role}` : null;
  }
  if (v.startsWith('direct')) return 'director';
  if (v.startsWith('produc')) return 'producer';
  if (v.startsWith('wr')) return 'writer';
  if (v.startsWith('edit')) return 'editor';
  if (v.startsWith('star')) return 'actor';
  if (v.startsWith('creat')) return 'creator';
  return null;
}

/** The roles of a coordinated verb phrase ("wrote and directed" → writer, director). */
export function rolesOfVerbs(phrase: string): string[] {
  const found = [
    ...phrase.matchAll(new RegExp(WORK_VERB, 'g')),
    ...phrase.matchAll(new RegExp(WORK_PARTICIPLE, 'g')),
  ].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const out: string[] = [];
  for (const m of found) {
    const role = roleOfVerb(m[0]);
    if (role && !out.includes(role)) out.push(role);
  }
  return out;
}

/** A role noun as a claim's role: lower case, one space, singular for the legal nouns. */
export function roleOfNoun(noun: string): string {
  const n = noun.toLowerCase().replace(/\s+/g, ' ').trim();
  if (n === 'legal team') return 'lawyer';
  // plurals: "executive producers" → "executive producer", "actresses" → "actress"
  return n.replace(/(ess)es$/, '$1').replace(/([^s])s$/, '$1');
}

/** Auxiliaries, modal cues and adverbs that may stand between a subject and its verb. */
export const AUX = String.raw`(?:(?:has|have|had|was|were|is|are|be|been|being|will|would|could|may|might|must|to|also|later|then|subsequently|eventually|ultimately|fatally|accidentally|inadvertently|seriously|critically|badly|allegedly|reportedly|previously|initially|formally|officially|set|expected|scheduled|due|planned|slated|likely|not|never|since|already)\s+){0,6}`;
