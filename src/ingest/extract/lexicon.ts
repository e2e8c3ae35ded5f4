/**
 * Word lists of English news writing: roles put before names, the last words of organisation
 * and place names, and capitalised words that name nothing. General patterns only; no names of
 * any one story.
 */

const set = (words: string) => new Set(words.split('|'));

/** Roles and titles, lower case; the longest phrase before a name wins ("special prosecutor"). */
export const ROLE_PHRASES = set(
  'director|film director|assistant director|first assistant director|cinematographer|director of photography|producer|executive producer|co-producer|actor|actress|star|co-star|writer|screenwriter|editor|armourer|armorer|prop master|props master|script supervisor|safety coordinator|stunt coordinator|crew member|camera operator|' +
    'prosecutor|special prosecutor|prosecutors|district attorney|attorney|attorney general|defense attorney|defence attorney|lawyer|lawyers|defense lawyer|defence lawyer|solicitor|barrister|counsel|judge|district judge|justice|chief justice|magistrate|juror|' +
    'sheriff|deputy|detective|officer|police officer|investigator|agent|inspector|sergeant|lieutenant|captain|commissioner|chief|police chief|' +
    'president|vice president|senator|sen|rep|representative|governor|gov|mayor|minister|prime minister|secretary|spokesperson|spokesman|spokeswoman|' +
    'ceo|co-ceo|cfo|coo|cto|chief executive|chief operating officer|chairman|chairwoman|chair|founder|co-founder|manager|executive|reporter|journalist|correspondent|columnist|photographer|' +
    'mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|rev|reverend|pope|king|queen|prince|princess|' +
    'father|mother|husband|wife|son|daughter|brother|sister|widow|widower|partner|fiancé|fiancée|friend|' +
    'singer|musician|rapper|comedian|host|presenter|author|novelist|artist|designer|model|coach|player|witness|defendant|plaintiff',
);

/** Longest role phrase, in words. */
export const ROLE_MAX_WORDS = 3;

/** Last words of organisation names ("Sheriff’s Office", "ABC News", "Rust Movie Productions LLC"). */
export const ORG_SUFFIXES = set(
  'Office|Department|Dept|Court|News|Police|Productions|Production|Studios|Studio|Pictures|Films|Entertainment|Media|Network|Networks|' +
    'LLC|Inc|Ltd|Corp|Corporation|Co|Company|Companies|Group|Holdings|Partners|Associates|Agency|Bureau|Commission|Committee|Council|' +
    'Association|Union|Guild|Federation|Foundation|Institute|University|College|School|Academy|Hospital|Clinic|Center|Centre|Ministry|' +
    'Service|Services|Administration|Authority|Board|Party|Club|Church|Bank|Times|Post|Journal|Tribune|Herald|Gazette|Telegraph|Guardian|' +
    'Magazine|Press|Executive|Inquiry|Tribunal|Trust|Coalition|Alliance|Institution|Museum|Library|Reuters|Channel|Radio|Television|TV|Records|Team|Army|Navy|Force|Senate|Congress|Parliament|Legislature|Firm|Lab|Labs|Society',
);

/** Organisations known by a single capitalised name or acronym, common in news. */
export const ORG_NAMES = set(
  'FBI|CIA|NSA|ATF|DEA|FDA|SEC|FCC|EPA|NASA|CNN|BBC|ABC|NBC|CBS|Fox|HBO|Netflix|Amazon|Apple|Google|Meta|Facebook|Twitter|Reuters|AP|AFP|' +
    'Disney|Warner|Universal|Paramount|Sony|Lionsgate|Hulu|SAG-AFTRA|IATSE|OSHA|UN|NATO|EU|WHO|NFL|NBA|MLB|NHL|FIFA|Variety|Deadline',
);

/** Last words of place names ("Bonanza Creek Ranch", "Santa Fe County"). */
export const PLACE_SUFFIXES = set(
  'Ranch|Stages|Soundstage|County|City|Town|Village|Valley|River|Lake|Mountain|Mountains|Island|Islands|Beach|Bay|Park|Street|Avenue|Road|Boulevard|Square|' +
    'Canyon|Desert|Forest|Hills|Heights|Springs|Falls|Coast|Peninsula|Province|State|Territory|District|Airport|Harbor|Harbour|Creek',
);

/** Places named often enough in news to be known without context: US states, countries, large cities. */
export const PLACE_NAMES = set(
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|' +
    'Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|' +
    'New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|' +
    'Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Santa Fe|Albuquerque|Los Angeles|Hollywood|San Francisco|Chicago|Boston|' +
    'Atlanta|Miami|Seattle|Houston|Dallas|Austin|Denver|Phoenix|Las Vegas|Philadelphia|Detroit|Toronto|Vancouver|Montreal|London|Paris|' +
    'Berlin|Rome|Madrid|Moscow|Kyiv|Beijing|Tokyo|Sydney|Melbourne|Dublin|Mexico City|America|United States|US|U.S.|USA|UK|U.K.|Britain|' +
    'England|Scotland|Wales|Ireland|Canada|Mexico|France|Germany|Italy|Spain|Russia|Ukraine|China|Japan|India|Australia|Brazil|Israel|Iran|' +
    'Iraq|Syria|Egypt|Turkey|Poland|Sweden|Norway|Europe|Asia|Africa|Manhattan|Brooklyn|Texas',
);

/** Small words that may sit inside a name ("Bank of America", "Department of Justice"). */
export const NAME_CONNECTORS = set('of|and|for|the|de|del|da|van|von|la|le|du|&');

/**
 * Capitalised words that name nothing by themselves: sentence openers, pronouns, days, months,
 * and words news writing capitalises in headlines and titles.
 */
export const NOT_NAMES = set(
  'The|A|An|This|That|These|Those|In|On|At|By|For|From|With|Without|As|After|Before|During|Since|Until|While|When|Where|Why|How|What|Who|' +
    'Which|If|But|And|Or|Nor|So|Yet|Also|However|Meanwhile|Earlier|Later|Then|Now|Today|Yesterday|Tomorrow|Still|Although|Though|Because|' +
    'I|He|She|It|We|They|You|His|Her|Its|Our|Their|My|Your|Him|Them|Us|Me|There|Here|Some|Many|Most|All|Both|Each|Every|No|Not|' +
    'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|' +
    'November|December|Mr|Mrs|Ms|Dr|Officials|Reports|Sources|Police|Prosecutors|Authorities|According|Read|Watch|Photo|Video|Update|' +
    'Updated|Advertisement|Related|Editor|Note|Breaking|Exclusive|More|Share|Oscar|Oscars|Emmy|Emmys|Christmas|Easter|God|Internet',
);

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Words that begin many organisations' names, so none stands for one alone: "New" is no short form of "New Line Cinema". */
export const GENERIC_HEADS: ReadonlySet<string> = new Set([
  'New',
  'North',
  'South',
  'East',
  'West',
  'United',
  'National',
  'American',
  'British',
  'Royal',
  'State',
  'County',
  'City',
  'The',
  'U.S',
  'U.S.',
  'US',
  'UK',
]);
