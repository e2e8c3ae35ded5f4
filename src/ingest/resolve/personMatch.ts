/**
 * People compared part by part: the surname first (same, one transliteration of the other, or only
 * alike), then the first name (same, transliterated, an initial, a short form, or alike by
 * Jaro-Winkler), then whether the role the text gives agrees with the graph's occupations.
 */
import type { MatchKind } from '../../domain/suggestions.js';
import type { KnownEntity, TextEntity } from '../types.js';
import { firstInitial, type PersonName, personName } from './nameParts.js';
import { bothAre, type RoleFit, roleFit } from './roles.js';
import { clampScore, quoted, SCORE, type Scored } from './scoring.js';
import { similarity } from './similarity.js';
import { romanisationKey, sameTransliteration } from './transliteration.js';
import { personWords } from './words.js';

/** "gutierrez-reed" → "Gutierrez-Reed": a normalised word as a name is written, for reasons. */
const cap = (w: string) => w.replace(/(^|-)(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());

type SurnameFit = { factor: number; match: MatchKind | null; reason: string };

function surnameFit(text: string, known: string): SurnameFit | null {
  if (text === known) return { factor: 1, match: null, reason: `same surname ${cap(known)}` };
  if (sameTransliteration(text, known)) {
    const reason = `surnames ${cap(text)} and ${cap(known)} are one name in two transliterations`;
    return { factor: SCORE.transliteratedSurnameFactor, match: 'FUZZY', reason };
  }
  const alike = similarity(romanisationKey(text), romanisationKey(known));
  if (alike < SCORE.lookAlikeSurnameMin) return null;
  const reason = `surnames ${cap(text)} and ${cap(known)} only look alike (similarity ${alike.toFixed(2)})`;
  return { factor: SCORE.lookAlikeSurnameFactor, match: 'FUZZY', reason };
}

function roleAdjusted(base: Scored, fit: RoleFit, bonus: number): Scored {
  if (fit.kind === 'agrees') {
    return { ...base, score: base.score + bonus, agreedRole: fit.role, reasons: [...base.reasons, bothAre(fit.role)] };
  }
  if (fit.kind === 'disagrees') {
    const reason = `the text calls them ${fit.text}, the graph has ${fit.known}`;
    return { ...base, score: base.score - SCORE.rolePenalty, reasons: [...base.reasons, reason] };
  }
  return base;
}

/**
 * Whether two first names are alike enough, and start alike, for agreeing context (a role, a claim
 * the graph holds) to lift them to "same": Luke and Lewten are; Eve and Lewten, alike to
 * Jaro-Winkler, are not.
 */
export function liftableGivenNames(tg: string, kg: string): boolean {
  const alike = similarity(romanisationKey(tg), romanisationKey(kg));
  return alike >= SCORE.fuzzyGivenLiftable && romanisationKey(tg)[0] === romanisationKey(kg)[0];
}

/** The first names, both given: how alike they are, with the score before the role and the surname. */
function givenFit(t: PersonName, k: PersonName, fit: RoleFit): Scored {
  const tg = t.given[0];
  const kg = k.given[0];
  if (tg && kg && tg === kg) {
    const base: Scored = { score: SCORE.sameGivenName, match: 'NORMALISED', reasons: [`same first name ${cap(kg)}`] };
    return roleAdjusted(base, fit, SCORE.roleBonus.same);
  }
  if (tg && kg && sameTransliteration(tg, kg)) {
    const reason = `first names ${cap(tg)} and ${cap(kg)} are one name in two transliterations`;
    return roleAdjusted(
      { score: SCORE.transliteratedGiven, match: 'FUZZY', reasons: [reason] },
      fit,
      SCORE.roleBonus.transliterated,
    );
  }
  if (!tg || !kg) {
    // one side gives only an initial ("J. Souza"): it can agree or not
    const ti = firstInitial(t);
    const ki = firstInitial(k);
    if (ti && ki && romanisationKey(ti) === romanisationKey(ki)) {
      const reason = `initial ${ti.toUpperCase()}. agrees with ${cap(kg ?? tg ?? ki)}`;
      return roleAdjusted(
        { score: SCORE.initial, match: 'SURNAME_AND_ROLE', reasons: [reason] },
        fit,
        SCORE.roleBonus.initial,
      );
    }
    const reason = `initial ${(ti ?? '?').toUpperCase()}. does not agree with ${cap(kg ?? tg ?? '?')}`;
    return { score: SCORE.fuzzyGivenFloor, match: 'SURNAME_AND_ROLE', reasons: [reason] };
  }
  const alike = similarity(romanisationKey(tg), romanisationKey(kg));
  const [shorter, longer] = tg.length <= kg.length ? [tg, kg] : [kg, tg];
  if (shorter.length >= 3 && longer.startsWith(shorter)) {
    const reason = `first name ${cap(tg)} may be short for ${cap(kg)}`;
    return roleAdjusted({ score: SCORE.shortForm, match: 'FUZZY', reasons: [reason] }, fit, SCORE.roleBonus.shortForm);
  }
  const score = SCORE.fuzzyGivenFloor + SCORE.fuzzyGivenSpread * alike;
  const liftable = liftableGivenNames(tg, kg);
  const reason = liftable
    ? `first name ${cap(tg)} ~ ${cap(kg)} (similarity ${alike.toFixed(2)})`
    : `different first names ${cap(tg)} and ${cap(kg)} (similarity ${alike.toFixed(2)})`;
  const scored = roleAdjusted(
    { score, match: 'FUZZY', reasons: [reason] },
    fit,
    liftable ? SCORE.roleBonus.liftable : SCORE.roleBonus.other,
  );
  if (liftable && fit.kind === 'agrees') {
    // one reason an editor can check: "first name Luke ~ Lewten (similarity 0.65) and both are lawyers"
    scored.reasons = [`${reason} and ${bothAre(fit.role)}`];
  }
  return scored;
}

/** The text names someone by surname alone ("Hutchins", "Mr Hutchins", "cinematographer Hutchins"). */
function bareSurnameMatch(surname: string, entity: TextEntity, known: KnownEntity, fit: RoleFit): Scored | null {
  let best: Scored | null = null;
  const consider = (s: Scored) => {
    if (!best || s.score > best.score) best = s;
  };
  for (const alias of known.aliases) {
    const words = personWords(alias);
    if (words.length !== 1) continue;
    if (alias.trim() === entity.name.trim()) {
      consider({ score: SCORE.surnameAliasExact, match: 'EXACT', reasons: [`alias ${quoted(alias)}`] });
    } else if (words[0] === surname) {
      consider({ score: SCORE.surnameAliasNormalised, match: 'NORMALISED', reasons: [`alias ${quoted(alias)}`] });
    }
  }
  const knownSurname = personName(known.name).surname;
  const surnameOf = knownSurname ? surnameFit(surname, knownSurname) : null;
  if (surnameOf && surnameOf.factor >= SCORE.transliteratedSurnameFactor) {
    const match = surnameOf.match ?? 'SURNAME_AND_ROLE';
    consider({ score: SCORE.surname, match, reasons: [surnameOf.reason] });
  }
  if (!best) return null;
  const found: Scored = best;
  const adjusted = roleAdjusted(found, fit, SCORE.roleBonus.bare);
  if (fit.kind === 'agrees' && adjusted.match !== 'EXACT') adjusted.match = 'SURNAME_AND_ROLE';
  return { ...adjusted, bareSurname: surname };
}

/** How the text's person may be the known person, part by part; null when the surnames do not meet. */
export function matchPerson(entity: TextEntity, known: KnownEntity): Scored | null {
  const t = personName(entity.name);
  if (!t.surname) return null;
  const fit = roleFit(entity.occupations, known.occupations);
  if (t.given.length === 0 && t.initials.length === 0) return bareSurnameMatch(t.surname, entity, known, fit);

  let best: Scored | null = null;
  const forms = [known.name, ...known.aliases.filter((a) => personWords(a).length > 1)];
  for (const form of forms) {
    const k = personName(form);
    if (!k.surname || (k.given.length === 0 && k.initials.length === 0)) continue;
    const surname = surnameFit(t.surname, k.surname);
    if (!surname) continue;
    const given = givenFit(t, k, fit);
    let score = given.score * surname.factor;
    const reasons = [surname.reason, ...given.reasons];
    if (form !== known.name) reasons.unshift(`alias ${quoted(form)}`);
    if (t.suffix !== k.suffix) {
      score -= SCORE.suffixPenalty;
      reasons.push(`suffixes differ (${t.suffix ?? 'none'} / ${k.suffix ?? 'none'})`);
    }
    // the surname's fit sets the kind when it is weaker than the first name's
    const match = surname.match === 'FUZZY' ? 'FUZZY' : given.match;
    const scored: Scored = { score: clampScore(score), match, reasons };
    if (given.agreedRole) scored.agreedRole = given.agreedRole;
    if (!best || scored.score > best.score) best = scored;
  }
  return best;
}
