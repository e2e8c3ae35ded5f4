/** upsertEntity and addMention: an entity created or edited by key, and a new place where a source names it. */
import type { Change } from '../domain/changes.js';
import type { Entity } from '../domain/model.js';
import { compareEvidence } from '../domain/ordering.js';
import { dateProblem, kindFieldProblems } from '../domain/rules.js';
import type { GraphStore, WriteTransaction } from '../store/graphStore.js';
import { checkList, checkSlug, checkSpan, cleanText, sameSpan, editOf, records } from './checks.js';
import type { Author, EntityInput, SpanInput } from './inputs.js';
import { EditRefusal, refuseIf } from './refusal.js';

type Written = { entity: Entity; change: Change };

/** The entity a key names now, following a merge; a refusal naming `field` when it names none. */
export async function currentEntity(tx: WriteTransaction, key: string, field: string): Promise<Entity> {
  const [current] = await tx.survivorsOf([key]);
  const [entity] = current ? await tx.entitiesByKeys([current]) : [null];
  if (!entity) throw new EditRefusal(field, `no entity has the key "${key}"`, 'NOT_FOUND');
  return entity;
}

function textList(list: string[] | null | undefined, field: string): string[] | undefined {
  if (list === undefined || list === null) return undefined;
  return [...new Set(checkList(list, field).map((item, i) => cleanText(item, `${field}[${i}]`)!))];
}

export function upsertEntity(store: GraphStore, author: Author, input: EntityInput): Promise<Written> {
  const key = checkSlug(input.key, 'key');
  refuseIf(input.name === null ? 'may not be null: every entity has a name (leave it out to keep it)' : null, 'name');
  const given = {
    name: input.name === undefined ? undefined : cleanText(input.name, 'name'),
    // a null list keeps the list, as leaving it out does; [] empties it
    aliases: textList(input.aliases, 'aliases'),
    summary: input.summary === undefined ? undefined : cleanText(input.summary, 'summary', true),
    occupations: textList(input.occupations, 'occupations'),
    organisationType:
      input.organisationType === undefined ? undefined : cleanText(input.organisationType, 'organisationType'),
    productionType: input.productionType === undefined ? undefined : cleanText(input.productionType, 'productionType'),
    locationType: input.locationType === undefined ? undefined : cleanText(input.locationType, 'locationType'),
    eventType: input.eventType === undefined ? undefined : cleanText(input.eventType, 'eventType'),
    date: input.date === undefined ? undefined : cleanText(input.date, 'date'),
  };
  refuseIf(dateProblem('date', given.date), 'date');
  return store.write(async (tx) => {
    const [before] = await tx.entitiesByKeys([key]);
    if (!before) {
      const [survivor] = await tx.survivorsOf([key]);
      if (survivor)
        throw new EditRefusal('key', `"${key}" was merged into "${survivor}": edit that entity`, 'CONFLICT');
    }
    if (before && before.kind !== input.kind) {
      throw new EditRefusal('kind', `"${key}" is a ${before.kind}; an entity's kind does not change`);
    }
    if (!before && !input.mention)
      throw new EditRefusal('mention', 'a new entity needs a mention: where a source names it');
    if (!before && !given.name) throw new EditRefusal('name', 'a new entity needs a name');
    const mention = input.mention ? await checkSpan(tx, input.mention, 'mention') : null;
    const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    const entity: Entity = {
      key,
      kind: input.kind,
      name: '',
      aliases: [],
      summary: null,
      occupations: [],
      organisationType: null,
      productionType: null,
      locationType: null,
      eventType: null,
      date: null,
      formerKeys: [],
      ...before,
      ...defined,
      mentions: [...(before?.mentions ?? [])],
    };
    if (mention && !entity.mentions.some((m) => sameSpan(m, mention))) entity.mentions.push(mention);
    entity.mentions.sort(compareEvidence);
    const kindProblem = kindFieldProblems(entity.kind, {
      ...entity,
      occupations: entity.occupations.length ? entity.occupations : undefined,
    })[0];
    if (kindProblem)
      refuseIf(kindProblem, kindProblem.startsWith('an EVENT') ? 'eventType' : kindProblem.split(' ')[0]!);
    const change = await tx.commit(
      editOf(
        {
          ...author,
          action: 'UPSERT_ENTITY',
          entityKeys: [key],
          before: before ? records({ entities: [before] }) : records(),
          after: records({ entities: [entity] }),
        },
        { putEntities: [entity] },
      ),
    );
    return { entity, change };
  });
}

export function addMention(store: GraphStore, author: Author, entityKey: string, input: SpanInput): Promise<Written> {
  return store.write(async (tx) => {
    const before = await currentEntity(tx, entityKey, 'entityKey');
    const mention = await checkSpan(tx, input, 'mention');
    if (before.mentions.some((m) => sameSpan(m, mention))) {
      throw new EditRefusal('mention', `"${before.key}" already has this mention`);
    }
    const entity: Entity = { ...before, mentions: [...before.mentions, mention].sort(compareEvidence) };
    const change = await tx.commit(
      editOf(
        {
          ...author,
          action: 'ADD_MENTION',
          entityKeys: [entity.key],
          before: records({ entities: [before] }),
          after: records({ entities: [entity] }),
        },
        { putEntities: [entity] },
      ),
    );
    return { entity, change };
  });
}
