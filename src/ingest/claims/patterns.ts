/**
 * The patterns that link two things a sentence names: each a regular expression over the
 * sentence's skeleton (skeleton.ts) with named groups `a` (from) and `b` (to), either a list of
 * markers, and optionally `r`, the words that give the role.
 */
import type { RelationshipType } from '../../domain/kinds.js';
import type { ClaimDraft } from './draft.js';
import {
  andList,
  CREW,
  CREWS,
  DET,
  LAWYER,
  LAWYER_PRE,
  list,
  mark,
  POSS,
  roleOfNoun,
  rolesOfVerbs,
  WORK_PARTICIPLES,
  WORK_VERBS,
  words,
} from './lexicon.js';
import { type Mark, marksIn, type Skeleton } from './skeleton.js';

interface RelationPattern {
  name: string;
  type: RelationshipType;
  re: RegExp;
  /** The roles a match gives: fixed, or read from the `r` group. */
  roles: (r: string | undefined) => (string | null)[];
  confidence: number;
  scoped: boolean;
  /** A further test on the match, for what a regular expression says badly. */
  accept?: (m: RegExpMatchArray, sk: string) => boolean;
}

const P = mark('P');
const PO = mark('PO');
const R = mark('R');
const L = mark('L');
const E = mark('E');
const re = (source: string) => new RegExp(source, 'g');
/** The words before a production: "the western ", "the 2021 film ", "the Netflix series ", "HBO’s ". */
const BEFORE_R = `${DET}(?:${mark('O')}(?:${POSS})?\\s+)?${words(3)}`;
/** "on the set of", "on the production of": a production named through its set or shoot. */
const SET_OF = String.raw`(?:(?:the\s+)?(?:set|production|filming|shoot)\s+of\s+)?`;
/** A description of a production standing for it ("the film’s director"). */
const ITS = String.raw`(?:(?:the|a|an|its)\s+)?(?:(?:film|movie|series|show|production)['’]s?\s+)?`;
/** The nouns of an apposition that describes an organisation ("a Chicago law firm"). */
const ORG_NOUN =
  '(?:firm|company|studios?|agency|insurer|distributor|broadcaster|network|union|group|practice|business|outfit|manufacturer|supplier|streamer|corporation|partnership|producer|newspaper|station|publisher|startup|nonprofit|charity|chain|house|office|department|court|hospital|university|college|school|bank|fund|association|organi[sz]ation)';
/** A post-nominal the name leaves out ("Gareth Vaughan KC"). */
const POSTNOMINAL = String.raw`(?:\s+(?:KC|QC|SC|Esq\.?))?`;
const fixed = (role: string | null) => () => [role];
const noun = (r: string | undefined) => [r ? roleOfNoun(r) : null];
const verbs = (r: string | undefined) => (r ? rolesOfVerbs(r) : [null]);

const REPRESENT_VERB = String.raw`(?:(?:also|reportedly|allegedly|now|still|previously|formerly)\s+)?(?:represents?|represented|(?:is|are|was|were|has\s+been|have\s+been)\s+representing|(?:has|have|had)\s+represented)`;

/** Filming words that tie a production to a place ("filmed in", "filming of ... in"). */
const FILMING = /\b(?:film(?:ed|ing|s)?|shoot(?:ing|s)?|shot|production)\b/i;
const FILMING_BEFORE =
  /\b(?:filming|shooting|production|shoot)\s+(?:of|on)\s+(?:(?:the|a|an)\s+)?(?:[a-z][a-z-]*\s+){0,3}$/i;

/** Not one of a list of places: "A, B" is "A in B" only when neither is part of "A, B and C". */
function notInList(m: RegExpMatchArray, sk: string): boolean {
  const start = m.index ?? 0;
  const before = sk.slice(Math.max(0, start - 8), start);
  const after = sk.slice(start + m[0].length, start + m[0].length + 8);
  return !/⟧(?:,|,? and| or)\s+$/.test(before) && !/^(?:,|,? and|,? or)\s+⟦/.test(after);
}

const RELATION_PATTERNS: readonly RelationPattern[] = [
  // REPRESENTS: from the lawyer (a) to the client (b)
  {
    name: 'X, who represent Y',
    type: 'REPRESENTS',
    re: re(
      `(?<a>${list('PO')})(?:,\\s+(?:(?:the|a|an)\\s+${words(3)})?(?:who|that|which)|\\s+who)\\s+${REPRESENT_VERB}\\s+(?<b>${PO})`,
    ),
    roles: fixed(null),
    confidence: 0.85,
    scoped: true,
  },
  {
    name: 'X’s lawyers A and B',
    type: 'REPRESENTS',
    re: re(`(?<b>${PO})${POSS}\\s+(?:own\\s+)?${LAWYER_PRE}(?<r>${LAWYER})\\s*,?\\s+(?<a>${list('P')})`),
    roles: noun,
    confidence: 0.85,
    scoped: true,
  },
  {
    name: 'A, X’s lawyer',
    type: 'REPRESENTS',
    re: re(`(?<a>${list('P')}),\\s+(?<b>${PO})${POSS}\\s+(?:own\\s+)?${LAWYER_PRE}(?<r>${LAWYER})\\b`),
    roles: noun,
    confidence: 0.8,
    scoped: true,
  },
  {
    name: 'A, a lawyer for X',
    type: 'REPRESENTS',
    re: re(
      `(?<a>${list('P')})${POSTNOMINAL},\\s+(?:who\\s+(?:is|was|are|were)\\s+)?(?:(?:a|an|the|one\\s+of\\s+the|one\\s+of\\s+(?:his|her|their))\\s+)?${words(1)}(?:${mark('L')}\\s+)?${words(1)}${LAWYER_PRE}(?<r>${LAWYER})\\s+(?:for|representing)\\s+(?<b>${PO})`,
    ),
    roles: noun,
    confidence: 0.8,
    scoped: true,
  },
  {
    name: 'a lawyer for X, A',
    type: 'REPRESENTS',
    re: re(
      `\\b${LAWYER_PRE}(?<r>${LAWYER})\\s+(?:for|representing)\\s+(?<b>${PO}),\\s+(?<a>${list('P')})(?=\\s*[,.;]|\\s*$|\\s+(?:said|says|told))`,
    ),
    roles: noun,
    confidence: 0.65,
    scoped: true,
  },
  {
    name: 'X attorney A',
    type: 'REPRESENTS',
    re: re(`(?<b>${PO})\\s+${LAWYER_PRE}(?<r>lawyer|attorney)\\s+(?<a>${P})`),
    roles: noun,
    confidence: 0.6,
    scoped: true,
  },
  {
    name: 'A represents X',
    type: 'REPRESENTS',
    re: re(`(?<a>${list('PO')})\\s+${REPRESENT_VERB}\\s+(?<b>${PO})`),
    roles: fixed(null),
    confidence: 0.75,
    scoped: false,
  },
  {
    name: 'A, representing X',
    type: 'REPRESENTS',
    re: re(`(?<a>${list('P')})${POSTNOMINAL},\\s+(?:who\\s+(?:is|are|was|were)\\s+)?representing\\s+(?<b>${PO})`),
    roles: fixed(null),
    confidence: 0.75,
    scoped: true,
  },
  {
    name: 'X is represented by A',
    type: 'REPRESENTS',
    re: re(
      `(?<b>${PO})(?:,?\\s+(?:who\\s+)?(?:(?:is|are|was|were|has\\s+been|have\\s+been|had\\s+been|will\\s+be)\\s+)(?:(?:being|also|now)\\s+)?|,\\s+)represented\\s+(?:in\\s+court\\s+)?by\\s+(?:(?:the\\s+)?(?:law\\s+firm|firm|attorneys?|lawyers?|counsel|barristers?)\\s+)?(?<a>${list('PO')})`,
    ),
    roles: fixed(null),
    confidence: 0.75,
    scoped: false,
  },

  {
    name: 'A of the firm F, representing X',
    type: 'REPRESENTS',
    re: re(
      `(?<a>${list('P')}),?\\s+(?:(?:a|an)\\s+${words(2)}(?:lawyer|attorney|partner|solicitor|barrister)\\s+)?(?:of|at|with|from)\\s+(?:the\\s+)?(?:${words(2)}(?:firm|practice|chambers)\\s+)?${mark('O')}(?:${POSS})?,?\\s+(?:who\\s+(?:is|are|was|were)\\s+)?(?:(?:who\\s+)?${REPRESENT_VERB}|representing)\\s+(?<b>${PO})`,
    ),
    roles: fixed(null),
    confidence: 0.75,
    scoped: true,
  },
  {
    name: 'A, counsel to X',
    type: 'REPRESENTS',
    re: re(
      `(?<a>${list('P')})${POSTNOMINAL},\\s+(?:who\\s+(?:is|was|are|were)\\s+)?(?:(?:a|an|the|one\\s+of\\s+the|one\\s+of\\s+(?:his|her|their|its))\\s+)?(?:${mark('L')}\\s+)?${words(1)}${LAWYER_PRE}(?<r>${LAWYER})\\s+(?:to|on\\s+behalf\\s+of|acting\\s+for)\\s+(?<b>${PO})`,
    ),
    roles: noun,
    confidence: 0.75,
    scoped: true,
  },
  {
    name: 'F, the Chicago firm representing X',
    type: 'REPRESENTS',
    re: re(
      `(?<a>${mark('O')}),\\s+(?:the|a|an)\\s+${words(1)}(?:${L}(?:-based)?\\s+)?${words(2)}(?:firm|practice|chambers|union|guild)\\s+(?:(?:that|which)\\s+(?:represents|is\\s+representing|has\\s+represented)|representing)\\s+(?<b>${PO})`,
    ),
    roles: fixed(null),
    confidence: 0.75,
    scoped: true,
  },
  {
    name: 'A, acting for X',
    type: 'REPRESENTS',
    re: re(
      `(?<a>${list('P')})${POSTNOMINAL},\\s+(?:who\\s+(?:is|was|are|were)\\s+)?(?:acting|appearing)\\s+(?:for|on\\s+behalf\\s+of)\\s+(?<b>${PO})`,
    ),
    roles: fixed(null),
    confidence: 0.7,
    scoped: true,
  },
  {
    name: 'X hired A as her lawyer',
    type: 'REPRESENTS',
    re: re(
      `(?<b>${PO})\\s+(?:(?:has|had|have)\\s+)?(?:hired|retained|engaged)\\s+(?:(?:the\\s+)?(?:law\\s+)?firm\\s+)?(?<a>${list('PO')}),?\\s+(?:as\\s+(?:his|her|its|their)\\s+${LAWYER_PRE}(?<r>${LAWYER})|to\\s+represent\\b)`,
    ),
    roles: noun,
    confidence: 0.7,
    scoped: false,
  },

  // WORKED_ON: from the person (a) to the production (b)
  {
    name: 'X directed Y',
    type: 'WORKED_ON',
    re: re(
      `(?<a>${list('P')})(?:,?\\s+who)?\\s+(?:(?:also|has|had|have|is|was|are|were|co|allegedly|reportedly|previously|originally|later|having|once|ever|will|would|to|set|slated|expected|due|scheduled|planning|plans|hired)\\s+){0,3}(?<r>${WORK_VERBS})\\s+${SET_OF}${BEFORE_R}(?<b>${R})`,
    ),
    roles: verbs,
    confidence: 0.8,
    scoped: false,
  },
  {
    name: 'Y, directed by X',
    type: 'WORKED_ON',
    re: re(
      `(?<b>${R}),?\\s+(?:(?:which|that)\\s+)?(?:(?:is|was|were|had\\s+been|has\\s+been)\\s+)?(?<r>${WORK_PARTICIPLES})\\s+by\\s+(?<a>${list('P')})`,
    ),
    roles: verbs,
    confidence: 0.8,
    scoped: false,
  },
  {
    name: 'Y, starring X',
    type: 'WORKED_ON',
    re: re(`(?<b>${R}),?\\s+(?:which\\s+)?starring\\s+(?<a>${list('P')})`),
    roles: fixed('actor'),
    confidence: 0.75,
    scoped: true,
  },
  {
    name: 'Y director X',
    type: 'WORKED_ON',
    re: re(
      `(?<b>${R})(?:${POSS})?\\s+(?:(?:lead|former|first|head|chief|longtime|own)\\s+)?(?<r>${CREWS})\\s*,?\\s+(?<a>${list('P')})`,
    ),
    roles: noun,
    confidence: 0.75,
    scoped: true,
  },
  {
    name: 'X, the director of Y',
    type: 'WORKED_ON',
    re: re(
      `(?<a>${list('P')}),\\s+(?:who\\s+(?:is|was|are|were|had\\s+been|has\\s+been|served\\s+as|worked\\s+as|became)\\s+)?(?:one\\s+of\\s+)?${ITS}(?:(?:lead|former|head|chief|new|longtime)\\s+)?(?<r>${CREWS})\\s+(?:on|of|for|in)\\s+${SET_OF}${BEFORE_R}(?<b>${R})`,
    ),
    roles: noun,
    confidence: 0.8,
    scoped: true,
  },
  {
    name: 'X was the director of Y',
    type: 'WORKED_ON',
    re: re(
      `(?<a>${list('P')}),?\\s+(?:(?:also|later|then|previously|had|has|have)\\s+)?(?:is|was|are|were|being|had\\s+been|has\\s+been|have\\s+been|served\\s+as|serves\\s+as|serve\\s+as|serving\\s+as|worked\\s+as|works\\s+as|working\\s+as|became|becomes|has\\s+become|joined\\s+as|remains|remained)\\s+(?:one\\s+of\\s+)?${ITS}(?:(?:lead|former|head|chief|new|longtime)\\s+)?(?<r>${CREWS})\\s+(?:on|of|for|in)\\s+${SET_OF}${BEFORE_R}(?<b>${R})`,
    ),
    roles: noun,
    confidence: 0.75,
    scoped: false,
  },
  {
    name: 'X served as Y’s director',
    type: 'WORKED_ON',
    re: re(
      `(?<a>${list('P')}),?\\s+(?:(?:also|later|then|previously|had|has|have)\\s+)?(?:is|was|are|were|had\\s+been|has\\s+been|served\\s+as|serves\\s+as|serving\\s+as|worked\\s+as|became|remains|remained)\\s+(?:the\\s+)?(?<b>${R})${POSS}\\s+(?:(?:lead|former|head|chief|new|longtime)\\s+)?(?<r>${CREWS})\\b`,
    ),
    roles: noun,
    confidence: 0.75,
    scoped: false,
  },
  {
    name: 'X, the Y director',
    type: 'WORKED_ON',
    re: re(`(?<a>${list('P')}),\\s+${DET}(?<b>${R})(?:${POSS})?\\s+(?<r>${CREWS})\\b`),
    roles: noun,
    confidence: 0.75,
    scoped: true,
  },
  {
    name: 'the director of Y, X',
    type: 'WORKED_ON',
    re: re(
      `\\b(?<r>${CREWS})\\s+(?:on|of|for)\\s+${SET_OF}${BEFORE_R}(?<b>${R}),\\s+(?<a>${list('P')})(?=\\s*[,.;]|\\s*$|\\s+(?:said|says|told|was|is|has|had|who|were|are|have))`,
    ),
    roles: noun,
    confidence: 0.65,
    scoped: true,
  },
  {
    name: 'director X on Y',
    type: 'WORKED_ON',
    re: re(`(?:^|[^a-z-])(?<r>${CREW})\\s+(?<a>${P}),?\\s+(?:on|of|for)\\s+${SET_OF}${BEFORE_R}(?<b>${R})`),
    roles: noun,
    confidence: 0.7,
    scoped: true,
  },
  {
    name: 'X, who plays Z in Y',
    type: 'WORKED_ON',
    re: re(
      `(?<a>${list('P')})(?:,?\\s+who)?\\s+(?:(?:also|has|had|have|previously|once)\\s+)?(?:plays|played|playing|portrays|portrayed|portraying|stars\\s+as|starred\\s+as|appears|appeared|appearing)\\s+(?:(?:as\\s+)?[^⟦⟧,;.]{1,40}?\\s+)?in\\s+${BEFORE_R}(?<b>${R})`,
    ),
    roles: fixed('actor'),
    confidence: 0.65,
    scoped: false,
  },
  {
    name: 'Y, from director X',
    type: 'WORKED_ON',
    re: re(`(?<b>${R}),?\\s+from\\s+(?:(?:the|its)\\s+)?(?<r>${CREWS})\\s+(?<a>${list('P')})`),
    roles: noun,
    confidence: 0.7,
    scoped: true,
  },
  {
    name: 'X worked on Y',
    type: 'WORKED_ON',
    re: re(
      `(?<a>${list('P')})(?:,?\\s+who)?\\s+(?:(?:has|had|have|also|having|ever|once|previously)\\s+){0,2}(?:worked|working|works)\\s+(?:on|for)\\s+${SET_OF}${BEFORE_R}(?<b>${R})`,
    ),
    roles: fixed(null),
    confidence: 0.7,
    scoped: false,
  },

  // FILMED_AT: from the production (a) to the place (b)
  {
    name: 'Y filmed in Z',
    type: 'FILMED_AT',
    re: re(
      `(?<a>${R})(?<mid>(?:[^⟦⟧;.]|⟦[PO]\\d+⟧){0,100}?)\\b(?:in|at|outside)\\s+${DET}${words(3)}(?<b>${andList('L')})`,
    ),
    roles: fixed(null),
    confidence: 0.7,
    scoped: false,
    accept: (m, sk) => FILMING.test(m.groups?.mid ?? '') || FILMING_BEFORE.test(sk.slice(0, m.index ?? 0)),
  },
  {
    name: 'Z, where Y was filmed',
    type: 'FILMED_AT',
    re: re(
      `(?<b>${L})(?:(?:,\\s+|\\s+)(?:(?:in|near|outside|(?:south|north|east|west)\\s+of)\\s+)?${L}){0,3},\\s+where\\s+(?<a>${R})\\s+(?:(?:was|were|is|are|had|has|have|been|being)\\s+){0,3}(?:filmed|shot|filming|shooting|shoots|films|in\\s+production)\\b`,
    ),
    roles: fixed(null),
    confidence: 0.8,
    scoped: true,
  },
  {
    name: 'on the set of Y at Z',
    type: 'FILMED_AT',
    re: re(`\\bset\\s+of\\s+${DET}${words(3)}(?<a>${R})\\s+(?:at|in)\\s+${DET}${words(3)}(?<b>${andList('L')})`),
    roles: fixed(null),
    confidence: 0.75,
    scoped: false,
  },
  {
    name: 'the Y set at Z',
    type: 'FILMED_AT',
    re: re(`(?<a>${R})\\s+set\\s+(?:at|in)\\s+${DET}${words(3)}(?<b>${L})`),
    roles: fixed(null),
    confidence: 0.7,
    scoped: false,
  },

  // LOCATED_IN: from the place or organisation (a) to the place (b)
  {
    name: 'Y in Z',
    type: 'LOCATED_IN',
    re: re(`(?<a>${L})\\s+in\\s+${DET}(?:(?:northern|southern|eastern|western|central|rural|downtown)\\s+)?(?<b>${L})`),
    roles: fixed(null),
    confidence: 0.7,
    scoped: false,
  },
  {
    name: 'Y, Z',
    type: 'LOCATED_IN',
    re: re(`(?<a>${L}),\\s+(?<b>${L})`),
    roles: fixed(null),
    confidence: 0.65,
    scoped: false,
    accept: notInList,
  },
  {
    name: 'X, based in Z',
    type: 'LOCATED_IN',
    re: re(
      `(?<a>${mark('O')}),?\\s+(?:(?:which|that|who)\\s+(?:is|was|are)\\s+)?(?:based|headquartered)\\s+in\\s+(?<b>${L})`,
    ),
    roles: fixed(null),
    confidence: 0.8,
    scoped: true,
  },

  {
    name: 'X, a Chicago law firm',
    type: 'LOCATED_IN',
    re: re(`(?<a>${mark('O')}),\\s+(?:a|an|the)\\s+(?:${words(1)})(?<b>${L})(?:-based)?\\s+${words(2)}${ORG_NOUN}\\b`),
    roles: fixed(null),
    confidence: 0.7,
    scoped: true,
  },
  {
    name: 'X, a law firm in Chicago',
    type: 'LOCATED_IN',
    re: re(
      `(?<a>${mark('O')}),\\s+(?:a|an|the)\\s+${words(2)}${ORG_NOUN}\\s+(?:(?:based|headquartered)\\s+)?in\\s+(?:downtown\\s+)?(?<b>${L})`,
    ),
    roles: fixed(null),
    confidence: 0.7,
    scoped: true,
  },
  {
    name: 'the Albuquerque-based X',
    type: 'LOCATED_IN',
    re: re(`(?<b>${L})-based\\s+${words(3)}(?<a>${mark('O')})`),
    roles: fixed(null),
    confidence: 0.75,
    scoped: true,
  },

  // OCCURRED_AT for an event the text already names as an entity
  {
    name: 'event at Z',
    type: 'OCCURRED_AT',
    re: re(`(?<a>${E})\\s+(?:(?:took\\s+place|happened|occurred)\\s+)?(?:at|in|on)\\s+${DET}${words(2)}(?<b>${L})`),
    roles: fixed(null),
    confidence: 0.6,
    scoped: false,
  },
];

/**
 * "with Souza back as director", "Baldwin, returning as the star": a role on the one production the
 * sentence names. The claim's words run from the production to the role, so a cue between them
 * ("filming of Rust was set to resume, with Souza back as director") is the claim's.
 */
const AS_ROLE = new RegExp(
  `(?<a>${P}),?\\s+(?:(?:is|was|will\\s+be|would\\s+be)\\s+)?(?:back|returning|returns|returned|return|serving|serves|served|staying|stays|stayed|remaining|remains|remained|continuing|continues|continued|signed\\s+on|hired|on\\s+board)\\s+as\\s+(?:(?:the|a|an)\\s+)?(?:(?:film|movie|series|show|production)['’]s\\s+)?(?<r>${CREW})\\b`,
  'g',
);

function findAsRole(skeleton: Skeleton): ClaimDraft[] {
  const sk = skeleton.text;
  const productions = [...sk.matchAll(/⟦R(\d+)⟧/g)];
  const keys = new Set(productions.map((m) => skeleton.marks[Number(m[1])]?.key));
  if (keys.size !== 1) return [];
  const production = productions[0] as RegExpMatchArray;
  const productionKey = [...keys][0] as string;
  const out: ClaimDraft[] = [];
  for (const m of sk.matchAll(AS_ROLE)) {
    const person = marksIn(skeleton, m.groups?.a)[0];
    if (!person) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    out.push({
      type: 'WORKED_ON',
      from: person.key,
      to: productionKey,
      role: roleOfNoun(m.groups?.r ?? ''),
      skStart: Math.min(start, production.index ?? start),
      skEnd: Math.max(end, (production.index ?? 0) + production[0].length),
      pattern: 'X back as director (of the one production the sentence names)',
      confidence: 0.6,
      scoped: false,
    });
  }
  return out;
}

/**
 * "Stunt coordinator Ana Ortiz said the shoot on Y …": a sentence that opens on a role and a name,
 * and names one production, gives that person the role on it.
 */
const OPENING_TITLE = new RegExp(
  `^(?:[^,;⟦]{1,40},\\s+)?(?:(?:the|former|veteran|longtime)\\s+)?(?<r>${CREW})\\s+(?<a>${P})(?!['’])`,
  'i',
);

function findOpeningTitle(skeleton: Skeleton): ClaimDraft[] {
  const sk = skeleton.text;
  const m = OPENING_TITLE.exec(sk);
  if (!m) return [];
  const person = marksIn(skeleton, m.groups?.a)[0];
  const productions = [...sk.matchAll(/⟦R(\d+)⟧/g)];
  const keys = new Set(productions.map((p) => skeleton.marks[Number(p[1])]?.key));
  if (!person || keys.size !== 1) return [];
  return [
    {
      type: 'WORKED_ON',
      from: person.key,
      to: [...keys][0] as string,
      role: roleOfNoun(m.groups?.r ?? ''),
      // the title is a description, stated as fact: only a cue inside its words counts
      skStart: 0,
      skEnd: m[0].length,
      pattern: 'Director X … (the one production the sentence names)',
      confidence: 0.55,
      scoped: true,
    },
  ];
}

const TITLE_BEFORE = new RegExp(`(?:^|[^a-z-])(${CREW})\\s+$`, 'i');

/** The role a title right before a name gives ("cinematographer Ana Ortiz worked on Y"). */
function titleBefore(skeleton: Skeleton, mark: Mark): string | null {
  const at = skeleton.text.search(new RegExp(`⟦[A-Z]${skeleton.marks.indexOf(mark)}⟧`));
  if (at < 0) return null;
  const title = TITLE_BEFORE.exec(skeleton.text.slice(Math.max(0, at - 40), at));
  return title ? roleOfNoun(title[1] as string) : null;
}

/**
 * Whether the match ends on a name that is only a possessive ("who represent Baldwin’s company"):
 * the name is then not the party. A possessive the pattern reads itself ("X’s lawyers") is inside the match.
 */
function endsInPossessive(m: RegExpMatchArray, sk: string): boolean {
  const end = (m.index ?? 0) + m[0].length;
  return /^['’]/.test(sk.slice(end, end + 1));
}

/**
 * "X denied that he worked on Y", "X denies having directed Y": the pronoun (or the gerund's
 * missing subject) is the one who denies. `subject` is what stands for it, `rest` where the clause
 * it is the subject of begins.
 */
const DENIAL = new RegExp(
  `(?<x>${list('POR')})(?:,\\s+(?:[^,;⟦]|⟦[RLE]\\d+⟧){1,100},)?\\s+(?:(?:has|have|had|also|repeatedly|publicly|strongly|flatly|previously|consistently|always|emphatically|again)\\s+){0,3}(?:denied|denies|deny|denying)\\s+(?:(?:that\\s+)?(?<pro>he|she|they|it)\\s+|(?=(?:ever\\s+)?(?:having|being|working|directing|producing|writing|editing|starring|representing|serving)\\b))`,
  'g',
);
const PRONOUN_KIND: Record<string, string> = { he: 'PERSON', she: 'PERSON', they: 'ANY', it: 'ORGANISATION' };

function findDenied(skeleton: Skeleton): ClaimDraft[] {
  const sk = skeleton.text;
  if (!/\bden(?:ied|ies|y|ying)\b/.test(sk)) return [];
  const out: ClaimDraft[] = [];
  let count = 0;
  for (const m of sk.matchAll(DENIAL)) {
    if (++count > 8) break;
    const subject = m.groups?.x ?? '';
    const marks = marksIn(skeleton, subject);
    const pro = (m.groups?.pro ?? '').toLowerCase();
    const wanted = PRONOUN_KIND[pro];
    if (wanted === 'PERSON' && !(marks.length === 1 && marks[0]?.kind === 'PERSON')) continue;
    if (wanted === 'ORGANISATION' && !(marks.length === 1 && marks[0]?.kind !== 'PERSON')) continue;
    if (wanted !== 'ORGANISATION' && marks.some((k) => k.kind === 'PRODUCTION')) continue;
    const start = m.index ?? 0;
    const rest = start + m[0].length;
    // the clause read as if the subject stood in it: "⟦P1⟧ worked on ⟦R2⟧"
    const prefix = `${subject} `;
    // a window, not the rest of the sentence: each denial reads a bounded clause (linear time)
    const clause = `${prefix}${sk.slice(rest, rest + 300)}`;
    for (const d of matchPatterns(skeleton, clause)) {
      if (d.skStart !== 0) continue;
      out.push({
        ...d,
        skStart: start,
        skEnd: rest + Math.max(0, d.skEnd - prefix.length),
        pattern: `X denied that he … (${d.pattern})`,
        confidence: d.confidence - 0.1,
        scoped: false,
      });
    }
  }
  return out;
}

/** The claims of every relation pattern in a piece of skeleton, at offsets into that piece. */
function matchPatterns(skeleton: Skeleton, sk: string): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  for (const pattern of RELATION_PATTERNS) {
    for (const m of sk.matchAll(pattern.re)) {
      if (pattern.accept && !pattern.accept(m, sk)) continue;
      if (endsInPossessive(m, sk)) continue;
      const from = marksIn(skeleton, m.groups?.a);
      const to = marksIn(skeleton, m.groups?.b);
      const skStart = m.index ?? 0;
      const scoped = pattern.scoped || /,\s+(?:who|which|that)\b/.test(m[0]);
      for (const role of pattern.roles(m.groups?.r)) {
        for (const a of from) {
          for (const b of to) {
            out.push({
              type: pattern.type,
              from: a.key,
              to: b.key,
              role: role ?? (pattern.type === 'WORKED_ON' ? titleBefore(skeleton, a) : null),
              skStart,
              skEnd: skStart + m[0].length,
              pattern: pattern.name,
              confidence: pattern.confidence,
              scoped,
            });
          }
        }
      }
    }
  }
  return out;
}

/** Every claim the relation patterns find in one sentence. */
export function findRelations(skeleton: Skeleton): ClaimDraft[] {
  return [
    ...matchPatterns(skeleton, skeleton.text),
    ...findDenied(skeleton),
    ...findAsRole(skeleton),
    ...findOpeningTitle(skeleton),
  ];
}
