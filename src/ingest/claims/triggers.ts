/**
 * The words that name an event the extractor cannot find (a conviction, a death, a lawsuit), and
 * what each makes: its type, its name, and the role of the party it happened to.
 */

export interface Trigger {
  eventType: string;
  /** The verb, as a regular-expression source. */
  verb: string;
  /**
   * passive: "X was convicted" (the subject is the party it happened to), or with an object right
   * after the verb "a jury convicted X" (the object is); intransitive: "X died", "X has sued" (the
   * subject is the party).
   */
  voice: 'passive' | 'intransitive';
  /** Only with a passive auxiliary ("was killed"): "the shot killed X" names the death less surely. */
  needsAux?: boolean;
  /** Only people take part ("died", "was shot"); otherwise organisations too ("was charged"). */
  personOnly?: boolean;
  /** The party's role: the verb's words ("convicted") unless given. */
  role?: string | null;
  name: (who: string, words: string) => string;
  /** How the pattern reads, for reviewers. */
  pattern: string;
  /** intransitive: the role of a party named right after the verb ("has sued its insurer, X"). */
  objectRole?: string;
  /** The verb names its own object ("dismissed the charge"): the subject is the agent, "against X" the party. */
  agentive?: boolean;
}

export const TRIGGERS: readonly Trigger[] = [
  {
    eventType: 'conviction',
    verb: 'convicted',
    voice: 'passive',
    role: 'convicted',
    name: (w) => `Conviction of ${w}`,
    pattern: 'X was convicted of …',
  },
  {
    eventType: 'conviction',
    verb: 'found\\s+guilty',
    voice: 'passive',
    role: 'convicted',
    name: (w) => `Conviction of ${w}`,
    pattern: 'X was found guilty of …',
  },
  {
    eventType: 'acquittal',
    verb: 'acquitted',
    voice: 'passive',
    role: 'acquitted',
    name: (w) => `Acquittal of ${w}`,
    pattern: 'X was acquitted of …',
  },
  {
    eventType: 'acquittal',
    verb: 'found\\s+not\\s+guilty',
    voice: 'passive',
    role: 'acquitted',
    name: (w) => `Acquittal of ${w}`,
    pattern: 'X was found not guilty',
  },
  {
    eventType: 'dismissal',
    verb: 'cleared',
    voice: 'passive',
    role: 'cleared',
    name: (w, words) => `${w} ${words}`,
    pattern: 'X was cleared of …',
  },
  {
    eventType: 'charge',
    verb: 'charged',
    voice: 'passive',
    role: 'charged',
    name: (w) => `Charges against ${w}`,
    pattern: 'X was charged with …',
  },
  {
    eventType: 'indictment',
    verb: 'indicted',
    voice: 'passive',
    role: 'indicted',
    name: (w) => `Indictment of ${w}`,
    pattern: 'X was indicted on …',
  },
  {
    eventType: 'sentencing',
    verb: 'sentenced',
    voice: 'passive',
    role: 'sentenced',
    name: (w) => `Sentencing of ${w}`,
    pattern: 'X was sentenced to …',
  },
  {
    eventType: 'arrest',
    verb: 'arrested',
    voice: 'passive',
    role: 'arrested',
    name: (w) => `Arrest of ${w}`,
    pattern: 'X was arrested',
  },
  {
    eventType: 'guilty plea',
    verb: 'pleaded\\s+guilty|pled\\s+guilty|pleads\\s+guilty|plead\\s+guilty',
    voice: 'intransitive',
    role: 'pleaded guilty',
    name: (w) => `Guilty plea by ${w}`,
    pattern: 'X pleaded guilty to …',
  },
  {
    eventType: 'trial',
    verb: '(?:went|go|goes|going|gone|stood|stand|stands|standing)\\s+on\\s+trial|(?:stood|stand|stands|standing|faces?|faced|facing)\\s+trial',
    voice: 'intransitive',
    role: 'defendant',
    name: (w) => `Trial of ${w}`,
    pattern: 'X went on trial',
  },
  {
    eventType: 'death',
    verb: 'died',
    voice: 'intransitive',
    personOnly: true,
    role: 'died',
    name: (w) => `Death of ${w}`,
    pattern: 'X died',
  },
  {
    eventType: 'death',
    verb: 'killed',
    voice: 'passive',
    needsAux: true,
    personOnly: true,
    role: 'killed',
    name: (w) => `Death of ${w}`,
    pattern: 'X was killed',
  },
  {
    eventType: 'shooting',
    verb: 'shot',
    voice: 'passive',
    needsAux: true,
    personOnly: true,
    role: 'shot',
    name: (w) => `Shooting of ${w}`,
    pattern: 'X was shot',
  },
  {
    eventType: 'dismissal',
    verb: '(?:dismissed|dropped|threw\\s+out|tossed(?:\\s+out)?|vacated)\\s+(?:the\\s+|all\\s+|both\\s+)?(?:criminal\\s+|remaining\\s+)?(?:charges?|case|indictment|lawsuit|suit)',
    voice: 'intransitive',
    agentive: true,
    role: 'defendant',
    name: (w, words) => `Dismissal of ${words.replace(/^\S+(?:\s+out)?\s+/, '')}${w ? ` against ${w}` : ''}`,
    pattern: 'X dismissed the charge against Y',
  },
  {
    eventType: 'lawsuit',
    verb: 'sued|(?:filed|brought)\\s+(?:a\\s+)?(?:lawsuit|suit)',
    voice: 'intransitive',
    role: 'plaintiff',
    objectRole: 'defendant',
    name: (w) => `Lawsuit by ${w}`,
    pattern: 'X sued …',
  },
  {
    eventType: 'investigation',
    verb: '(?:open(?:ed|s|ing)?|launch(?:ed|es|ing)?|beg[au]n|begins|start(?:ed|s)?|announced|initiated|conducting|conducted)\\s+(?:an?\\s+|its\\s+own\\s+|their\\s+own\\s+)?(?:(?:criminal|federal|formal|safety|internal|independent|full|official|separate|civil|preliminary|fresh|new)\\s+){0,2}(?:investigation|inquiry|probe)|(?:is|are|was|were|has\\s+been|have\\s+been)\\s+investigating',
    voice: 'intransitive',
    role: null,
    name: (w) => `Investigation by ${w}`,
    pattern: 'X opened an investigation',
  },
  {
    eventType: 'inspection',
    verb: '(?:open(?:ed|s)?|launch(?:ed|es)?|began|begun|start(?:ed|s)?|announced|initiated|conducted|carried\\s+out)\\s+(?:an?\\s+)?(?:(?:safety|formal|full|official)\\s+)?inspection',
    voice: 'intransitive',
    role: null,
    name: (w) => `Inspection by ${w}`,
    pattern: 'X opened an inspection',
  },
  {
    eventType: 'hearing',
    verb: 'hear(?:s|d|ing)?\\s+(?:oral\\s+|closing\\s+|opening\\s+)?(?:arguments?|the\\s+(?:case|appeal|motion|challenge|lawsuit|petition)|an?\\s+(?:appeal|motion|challenge|petition)|motions|testimony|evidence|submissions)',
    voice: 'intransitive',
    role: null,
    name: (w) => `Hearing before ${w}`,
    pattern: 'X is scheduled to hear arguments',
  },
  {
    eventType: 'hearing',
    verb: 'appear(?:s|ed|ing)?\\s+(?:in\\s+court|before\\s+(?:a|the)\\s+(?:judge|court|magistrates?)|at\\s+an?\\s+(?:hearing|court\\s+hearing))',
    voice: 'intransitive',
    role: null,
    name: (w) => `Court appearance of ${w}`,
    pattern: 'X is due to appear in court',
  },
  {
    eventType: 'hearing',
    verb: '(?:set|scheduled|called|held|holds|hold|convened)\\s+(?:an?|the)\\s+(?:(?:status|pretrial|pre-trial|sentencing|bail|evidentiary|preliminary|new|further|remote)\\s+)?hearing',
    voice: 'intransitive',
    role: null,
    name: (w) => `Hearing before ${w}`,
    pattern: 'X set a hearing',
  },
  {
    eventType: 'arraignment',
    verb: 'arraigned',
    voice: 'passive',
    role: 'arraigned',
    name: (w) => `Arraignment of ${w}`,
    pattern: 'X was arraigned',
  },
  {
    eventType: 'plea',
    verb: 'pleaded\\s+not\\s+guilty|pled\\s+not\\s+guilty|pleads\\s+not\\s+guilty',
    voice: 'intransitive',
    role: 'pleaded not guilty',
    name: (w) => `Not-guilty plea by ${w}`,
    pattern: 'X pleaded not guilty',
  },
];

/** Nouns that name an event with its party ("the death of X", "X’s trial"). */
export const EVENT_NOUNS: Record<string, { eventType: string; role: string | null; name: (w: string) => string }> = {
  death: { eventType: 'death', role: 'died', name: (w) => `Death of ${w}` },
  killing: { eventType: 'death', role: 'killed', name: (w) => `Death of ${w}` },
  shooting: { eventType: 'shooting', role: 'shot', name: (w) => `Shooting of ${w}` },
  conviction: { eventType: 'conviction', role: 'convicted', name: (w) => `Conviction of ${w}` },
  sentencing: { eventType: 'sentencing', role: 'sentenced', name: (w) => `Sentencing of ${w}` },
  trial: { eventType: 'trial', role: 'defendant', name: (w) => `Trial of ${w}` },
  retrial: { eventType: 'trial', role: 'defendant', name: (w) => `Retrial of ${w}` },
  arrest: { eventType: 'arrest', role: 'arrested', name: (w) => `Arrest of ${w}` },
  indictment: { eventType: 'indictment', role: 'indicted', name: (w) => `Indictment of ${w}` },
  acquittal: { eventType: 'acquittal', role: 'acquitted', name: (w) => `Acquittal of ${w}` },
  lawsuit: { eventType: 'lawsuit', role: 'plaintiff', name: (w) => `Lawsuit by ${w}` },
};

/** Event types that are legal proceedings: they may concern a death they are "in connection with". */
export const LEGAL = new Set([
  'conviction',
  'acquittal',
  'dismissal',
  'charge',
  'indictment',
  'sentencing',
  'arrest',
  'guilty plea',
  'trial',
  'hearing',
  'lawsuit',
  'arraignment',
  'plea',
  'investigation',
  'inspection',
]);
