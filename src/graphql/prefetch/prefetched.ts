/**
 * Answers read ahead for an object (an entity or relationship of a prefetched tree), under the
 * response keys of the fields that will ask for them. An object of a tree is made for the one place
 * in the response it fills, so its answers are those of that place's selection.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Entity, Relationship } from '../../domain/model.js';
import type { Context } from '../context.js';
import { entityThatMustExist } from '../loaders.js';

const PREFETCHED = Symbol('prefetched answers');

type WithAnswers = { [PREFETCHED]?: Map<string, unknown> };

/**
 * A copy of `object` carrying `answers` by response key (filled in later, when they need the copy).
 * The answers' slot comes first in the literal: a property added to a copy after it is made moves
 * the copy to a slower layout, which cost about 1 µs per object (2,500 of them in a list of 50 people
 * with their relationships); this way it costs a quarter of that.
 */
export function withAnswers<T extends object>(object: T, answers: Map<string, unknown>): T {
  const copy: T & WithAnswers = { [PREFETCHED]: answers, ...object };
  // a copy of an object that carried answers already would carry those: these win (the slow way, never taken today)
  if (copy[PREFETCHED] !== answers) copy[PREFETCHED] = answers;
  return copy;
}

/** An answer that failed when it was computed ahead: thrown when its field resolves. */
class FailedAnswer {
  constructor(readonly error: unknown) {}
}

export const failedAnswer = (error: unknown) => new FailedAnswer(error);

/** What was read ahead for this field of `parent`, or undefined when nothing was (then the resolver reads). */
export function prefetchedAnswer(parent: object, info: GraphQLResolveInfo): unknown {
  const answer = (parent as WithAnswers)[PREFETCHED]?.get(info.path.key as string);
  if (answer instanceof FailedAnswer) throw answer.error;
  return answer;
}

/** The extension that says which end of a relationship a field (from, person, event, ...) leads to. */
export const RELATIONSHIP_END = 'caseGraphRelationshipEnd';

/** A field leading from a relationship to its start or end entity. */
export function endResolver(end: 'from' | 'to') {
  return {
    extensions: { [RELATIONSHIP_END]: end },
    resolve: (r: Relationship, _args: unknown, { loaders }: Context, info: GraphQLResolveInfo) =>
      (prefetchedAnswer(r, info) as Entity | undefined) ?? entityThatMustExist(loaders, r[end]),
  };
}
