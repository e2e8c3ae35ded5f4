/** The audit trail: Change, and the `changes` query that reads it, newest first. */
import { CHANGE_ACTIONS, type ChangeAction } from '../../domain/changes.js';
import { builder } from '../builder.js';
import { checkTextLength } from '../errors.js';
import { connectionOf, pageOf } from '../pagination.js';
import { ChangeRef } from '../refs.js';

const ACTION_MEANING: Record<ChangeAction, string> = {
  ADD_SOURCE: 'A source was added.',
  UPSERT_ENTITY: 'An entity was created or edited.',
  ADD_MENTION: 'A mention was added to an entity.',
  ASSERT_RELATIONSHIP: 'A claim was made, or given more evidence.',
  RETRACT_RELATIONSHIP: 'A claim was withdrawn (it stays here, in before).',
  MERGE_ENTITIES: 'Two entities were found to be one.',
  UNMERGE_ENTITIES: 'A merge was undone.',
  ACCEPT_SUGGESTION: 'An editor accepted a suggestion of a draft: what it proposed was written.',
  REJECT_SUGGESTION: 'An editor rejected a suggestion of a draft: nothing was written.',
};

const ChangeActionEnum = builder.enumType('ChangeAction', {
  description: 'What a change did.',
  values: Object.fromEntries(CHANGE_ACTIONS.map((a) => [a, { description: ACTION_MEANING[a] }])) as Record<
    ChangeAction,
    { description: string }
  >,
});

ChangeRef.implement({
  description: 'One write to the graph: who made it, when, why, and the records it touched before and after.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Its place in the audit trail: 1, 2, 3...' }),
    at: t.exposeString('at', { description: 'When, in ISO 8601 (UTC).' }),
    actor: t.exposeString('actor', { description: "The editor's token name (never the token)." }),
    action: t.field({ type: ChangeActionEnum, description: 'What it did.', resolve: (c) => c.action }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why, in the editor’s words.' }),
    entityKeys: t.exposeStringList('entityKeys', { description: 'The keys of the entities it touched.' }),
    before: t.field({
      type: 'JSON',
      description:
        'The records it touched as they were: { sources, entities, relationships } (source texts left out), and drafts when it read or decided one.',
      resolve: (c) => c.before,
    }),
    after: t.field({
      type: 'JSON',
      description: 'The same records as they became.',
      resolve: (c) => c.after,
    }),
  }),
});

const ChangeConnection = builder.connectionObject(
  { type: ChangeRef, name: 'ChangeConnection', description: 'A page of the audit trail.' },
  { name: 'ChangeEdge' },
);

builder.queryField('changes', (t) =>
  t.field({
    type: ChangeConnection,
    description: 'The audit trail, newest first; only the changes that touched an entity when `entity` is given.',
    args: {
      entity: t.arg.string({ required: false, description: 'An entity key, e.g. "alec-baldwin".' }),
      first: t.arg.int({ required: false, defaultValue: 20, description: 'At most 100.' }),
      after: t.arg.string({ required: false, description: 'The cursor of the edge to start after.' }),
    },
    resolve: async (_root, args, { store }) => {
      const page = pageOf(args, 20);
      const entity = args.entity ? checkTextLength(args.entity, 'entity') : null;
      const { items, totalCount } = await store.changes(entity, page);
      return connectionOf(items, page.offset, totalCount);
    },
  }),
);
