/**
 * Whole-name matches, for every kind: the same name or alias as written (EXACT), as search
 * normalises it (NORMALISED), with apostrophes or a leading "the" set aside, and (for names of
 * places and organisations) every word a transliteration or the whole name merely alike (FUZZY).
 */
import { normaliseForSearch } from '../../domain/search.js';
import type { KnownEntity, TextEntity } from '../types.js';
import { clampScore, quoted, SCORE, type Scored } from './scoring.js';
import { similarity } from './similarity.js';
import { romanisationKey } from './transliteration.js';
import { looseForm } from './words.js';

const collapse = (s: string) => s.trim().replace(/\s+/g, ' ');
const keyOf = (s: string) => looseForm(s).split(' ').map(romanisationKey).join(' ');

/** The known entity's name, and its aliases (only those of several words, when `multiWordAliases`). */
function formsOf(known: KnownEntity, multiWordAliases: boolean): { form: string; alias: boolean }[] {
  const aliases = known.aliases.filter((a) => !multiWordAliases || looseForm(a).includes(' '));
  return [{ form: known.name, alias: false }, ...aliases.map((form) => ({ form, alias: true }))];
}

function matchForm(text: string, form: string, alias: boolean, fuzzy: boolean): Scored | null {
  const what = alias ? `alias ${quoted(form)}` : 'name';
  if (text.trim() === form.trim()) {
    return { score: alias ? SCORE.exactAlias : SCORE.exactName, match: 'EXACT', reasons: [`exact ${what}`] };
  }
  if (collapse(text) === collapse(form) || normaliseForSearch(text) === normaliseForSearch(form)) {
    const reason = `same ${what} but for case, accents, apostrophes or spacing`;
    return { score: alias ? SCORE.normalisedAlias : SCORE.normalisedName, match: 'NORMALISED', reasons: [reason] };
  }
  if (looseForm(text) === looseForm(form)) {
    const reason = `same ${what} but for apostrophes or a leading “the”`;
    return { score: alias ? SCORE.looseAlias : SCORE.looseName, match: 'NORMALISED', reasons: [reason] };
  }
  if (!fuzzy) return null;
  if (keyOf(text) === keyOf(form)) {
    const reason = `${quoted(text)} and ${quoted(form)} are one name in two transliterations`;
    return { score: SCORE.transliteratedName, match: 'FUZZY', reasons: [reason] };
  }
  const alike = similarity(looseForm(text), looseForm(form));
  if (alike >= SCORE.lookAlikeMin) {
    const reason = `${quoted(text)} looks like ${quoted(form)} (similarity ${alike.toFixed(2)})`;
    const score = SCORE.lookAlikeMax - (1 - alike) * 2;
    return { score: clampScore(score), match: 'FUZZY', reasons: [reason] };
  }
  return null;
}

/**
 * The best whole-name match of the text's name against the known entity's forms. People get only
 * EXACT and NORMALISED here, against their name and several-word aliases: a one-word alias is a
 * surname, and person names are compared part by part (personMatch.ts).
 */
export function matchWholeName(entity: TextEntity, known: KnownEntity): Scored | null {
  const person = entity.kind === 'PERSON';
  let best: Scored | null = null;
  for (const { form, alias } of formsOf(known, person)) {
    const found = matchForm(entity.name, form, alias, !person);
    if (found && (!best || found.score > best.score)) best = found;
  }
  return best;
}
