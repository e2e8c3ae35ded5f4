/**
 * Roles put with a name: before it ("director Joel Souza", "special prosecutor Kari Morrissey",
 * "Judge Mary Sommer") or after it as an apposition ("Kari Morrissey, a special prosecutor").
 * The role goes in the mention's `role`; the span keeps the name only.
 */
import { ROLE_MAX_WORDS, ROLE_PHRASES } from './lexicon.js';
import { joinedBySpace, possessiveBase, type Token } from './tokens.js';

/** Titles written capitalised inside a name run ("Judge", "Sheriff", "Special Prosecutor"). */
const HONORIFICS = new Set(
  (
    'judge|sheriff|detective|officer|president|vice president|senator|sen|rep|governor|gov|mayor|minister|prime minister|secretary|' +
    'chief|commissioner|mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|father|rev|reverend|pope|king|queen|prince|princess|' +
    'special prosecutor|prosecutor|district attorney|attorney general|director|deputy|sergeant|sgt|lieutenant|lt|captain|capt|inspector|' +
    'agent|justice|chief justice|district judge|coach|gen|general|col|colonel|maj|major|adm|admiral|brig|det'
  ).split('|'),
);

/** "lawyers" → "lawyer": the role of each person named after a plural one. */
function singularRole(role: string): string {
  if (role.endsWith('s') && ROLE_PHRASES.has(role.slice(0, -1))) return role.slice(0, -1);
  return role;
}

/** Titles that say nothing of what a person does: stripped from the span, not kept as a role. */
const COURTESY = new Set(['mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'dr']);

/** Abbreviated titles, written out as the occupation they name. */
const SPELLED_OUT: Record<string, string> = {
  sen: 'senator',
  rep: 'representative',
  gov: 'governor',
  gen: 'general',
  lt: 'lieutenant',
  col: 'colonel',
  maj: 'major',
  adm: 'admiral',
  brig: 'brigadier',
  sgt: 'sergeant',
  capt: 'captain',
  det: 'detective',
  prof: 'professor',
  rev: 'reverend',
};

/** "Lt. Gen." → "lieutenant general"; courtesy titles → "". */
/** Family and friends: they make a name a person's, but are no occupation. */
const RELATIONS = new Set(
  'father|mother|husband|wife|son|daughter|brother|sister|widow|widower|partner|fiancé|fiancée|friend'.split('|'),
);

function roleWords(phrase: string): string {
  if (COURTESY.has(phrase) || RELATIONS.has(phrase)) return '';
  return phrase
    .split(' ')
    .map((word) => SPELLED_OUT[word] ?? word)
    .join(' ');
}

const lower = (token: Token | undefined) => token?.text.toLowerCase() ?? '';

/**
 * The longest role phrase ending just before token `first`, joined to it by spaces, as
 * [role, index of its first token]; null when there is none.
 */
export function roleBefore(tokens: readonly Token[], first: number): [string, number] | null {
  const firstToken = tokens[first];
  // "its chief executive, David Zaslav": an apposition after the role reads as the role before
  if (!firstToken || !(joinedBySpace(firstToken) || firstToken.before === ', ')) return null;
  let best: [string, number] | null = null;
  let phrase = '';
  for (let k = first - 1; k >= 0 && first - k <= ROLE_MAX_WORDS; k--) {
    const token = tokens[k] as Token;
    phrase = phrase ? `${lower(token)} ${phrase}` : lower(token);
    if (ROLE_PHRASES.has(phrase)) best = [roleWords(singularRole(phrase)), k];
    if (!joinedBySpace(token)) break;
  }
  return best;
}

/**
 * A capitalised title at the head of a run ("Judge Mary Sommer", "Special Prosecutor Kari
 * Morrissey"): how many tokens it takes and the role, or null. At least one token must remain.
 */
export function leadingHonorific(tokens: readonly Token[], from: number, to: number): [string, number] | null {
  let best: [string, number] | null = null;
  let phrase = '';
  for (let k = from; k < to - 1 && k - from < ROLE_MAX_WORDS; k++) {
    phrase = phrase ? `${phrase} ${lower(tokens[k])}` : lower(tokens[k]);
    if (HONORIFICS.has(phrase)) best = [roleWords(phrase), k + 1 - from];
    // any role capitalised before a full name, as at a sentence's start: "Cinematographer Halyna Hutchins"
    else if (ROLE_PHRASES.has(phrase) && to - (k + 1) >= 2) best = [singularRole(phrase), k + 1 - from];
  }
  return best;
}

const ARTICLES = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their']);

/**
 * "Kari Morrissey, a special prosecutor," or "Joel Souza, the director": the role after a name
 * `last` ends, or null.
 */
export function roleAfter(tokens: readonly Token[], last: number): string | null {
  const next = tokens[last + 1];
  if (next?.before.trim() !== ',' || possessiveBase(tokens[last]?.text ?? '') !== null) return null;
  let k = last + 1;
  if (ARTICLES.has(lower(tokens[k]))) k++;
  let best: string | null = null;
  let phrase = '';
  for (let j = k; j < tokens.length && j - k < ROLE_MAX_WORDS; j++) {
    if (j > k && !joinedBySpace(tokens[j] as Token)) break;
    phrase = phrase ? `${phrase} ${lower(tokens[j])}` : lower(tokens[j]);
    if (ROLE_PHRASES.has(phrase)) best = singularRole(phrase);
  }
  return best;
}

const SPEECH = new Set([
  'said',
  'says',
  'told',
  'added',
  'wrote',
  'testified',
  'argued',
  'explained',
  'stated',
  'claimed',
]);

/** Nouns whose "of" is followed by a person in news prose: "the death of X", "the widow of X". */
const OF_PERSON = new Set([
  'death',
  'killing',
  'murder',
  'shooting',
  'funeral',
  'widow',
  'widower',
  'husband',
  'wife',
  'son',
  'daughter',
  'mother',
  'father',
  'family',
  'estate',
  'memory',
]);

/** Words around a name that only a person takes: "X, who", "said X", "X said", "the death of X". */
export function personContext(tokens: readonly Token[], first: number, last: number): string | null {
  const next = tokens[last + 1];
  const prev = tokens[first - 1];
  if (next && /^\s*,?\s*$/.test(next.before) && lower(next) === 'who') return 'rule:name-who';
  if (next && joinedBySpace(next) && SPEECH.has(lower(next))) return 'rule:name-said';
  if (prev && joinedBySpace(tokens[first] as Token) && SPEECH.has(lower(prev))) return 'rule:said-name';
  const noun = tokens[first - 2];
  if (lower(prev) === 'of' && noun && joinedBySpace(prev as Token) && OF_PERSON.has(lower(noun)))
    return 'rule:of-person';
  return null;
}
