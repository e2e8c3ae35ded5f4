/** neighbourhood and path: graph-shaped answers for visualisation front ends. */
import {
  NEIGHBOURHOOD_DEPTH,
  NEIGHBOURHOOD_LIMIT,
  PATH_LENGTH,
  neighbourhood,
  shortestPath,
  type GraphReader,
  type Path,
  type Subgraph,
} from '../../explore/neighbourhood.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { clientError, intIn } from '../errors.js';
import { entityOfId } from '../globalIds.js';
import { existing, primeEntities } from '../loaders.js';
import { type PlannedSubgraph, plannedSubgraph, withPlannedEnds } from '../prefetch/subgraph.js';
import { RelationshipTypeEnum } from './enums.js';
import { EntityRef, RelationshipRef } from '../refs.js';
import { RELATIONSHIP_TYPES } from '../../domain/kinds.js';
import { enumFilter } from '../../domain/filters.js';

const entityById = (id: string, argument: string, { loaders }: Context) =>
  entityOfId(id, argument, (key) => loaders.entity.load(key));

/**
 * What neighbourhood and path read, through this request's store and entity loader. A store that
 * walks a neighbourhood at once reads only what `planned` says the query selects, and the edges'
 * ends come from those entities; with no plan it reads whole entities, and the loaders then answer
 * the edges' ends without another read.
 */
const graphReader = ({ store, loaders }: Context, planned: PlannedSubgraph | null = null): GraphReader => ({
  neighbourKeys: (keys, types) => store.neighbourKeys(keys, types),
  relationshipsAmong: (keys, types) => store.relationshipsAmong(keys, types),
  entities: async (keys) => existing(await loaders.entity.loadMany(keys)),
  neighbourhoodOf: store.neighbourhoodOf
    ? async (focus, depth, types, limit) => {
        const read = await store.neighbourhoodOf!(focus, depth, types, limit, planned?.selection);
        if (!planned) {
          primeEntities(loaders, read.entities);
          return read;
        }
        return { ...read, relationships: withPlannedEnds(read.relationships, read.entities, planned) };
      }
    : undefined,
});

export const SubgraphRef = builder.objectRef<Subgraph>('Subgraph').implement({
  description: 'A part of the graph: entities and the relationships among them, ready to draw.',
  fields: (t) => ({
    nodes: t.field({
      type: [EntityRef],
      description: 'The focus first, then by distance from it, then by key.',
      resolve: (g) => g.nodes,
    }),
    edges: t.field({
      type: [RelationshipRef],
      description: 'Every relationship among the nodes (of the types asked), by key.',
      resolve: (g) => g.edges,
    }),
    truncated: t.exposeBoolean('truncated', { description: 'True when `limit` left out entities within reach.' }),
  }),
});

const PathRef = builder.objectRef<Path>('Path').implement({
  description: 'How two entities connect: entities and relationships in order from one to the other.',
  fields: (t) => ({
    nodes: t.field({
      type: [EntityRef],
      description: 'From the start to the end, both included.',
      resolve: (p) => p.nodes,
    }),
    edges: t.field({
      type: [RelationshipRef],
      description: 'The relationship of each step, whichever way it points.',
      resolve: (p) => p.edges,
    }),
    length: t.exposeInt('length', { description: 'How many steps.' }),
  }),
});

builder.queryFields((t) => ({
  neighbourhood: t.field({
    type: SubgraphRef,
    description:
      'The entities within `depth` hops of an entity (following relationships either way), and the relationships among them. Deterministic: the same on every store.',
    args: {
      id: t.arg.id({ required: true, description: 'The ID of the entity at the centre.' }),
      depth: t.arg.int({
        required: false,
        defaultValue: NEIGHBOURHOOD_DEPTH.default,
        description: `How many hops, 1 to ${NEIGHBOURHOOD_DEPTH.max}.`,
      }),
      types: t.arg({
        type: [RelationshipTypeEnum],
        required: false,
        description: 'Follow only these types (all when empty).',
      }),
      limit: t.arg.int({
        required: false,
        defaultValue: NEIGHBOURHOOD_LIMIT.default,
        description: `At most this many entities, 1 to ${NEIGHBOURHOOD_LIMIT.max}; nearer ones first, then by key.`,
      }),
    },
    resolve: async (_root, args, context, info) => {
      const depth = intIn(NEIGHBOURHOOD_DEPTH, args.depth);
      const limit = intIn(NEIGHBOURHOOD_LIMIT, args.limit);
      const focus = await entityById(String(args.id), 'id', context);
      if (!focus) throw clientError('NOT_FOUND', `no entity has the ID ${String(args.id)}`);
      // planned only where the store reads a neighbourhood at once (the embedded store walks it)
      const reader = graphReader(context, context.store.neighbourhoodOf ? plannedSubgraph(info) : null);
      return neighbourhood(focus, depth, enumFilter(RELATIONSHIP_TYPES, args.types), limit, reader);
    },
  }),
  path: t.field({
    type: PathRef,
    nullable: true,
    description:
      'A shortest path between two entities, following relationships either way; null when there is none within maxLength. Ties are broken by key, hop by hop from the start, the same on every store.',
    args: {
      from: t.arg.id({ required: true, description: 'The ID of the entity to start from.' }),
      to: t.arg.id({ required: true, description: 'The ID of the entity to reach.' }),
      maxLength: t.arg.int({
        required: false,
        defaultValue: PATH_LENGTH.default,
        description: `At most this many steps, 1 to ${PATH_LENGTH.max}.`,
      }),
    },
    resolve: async (_root, args, context) => {
      const maxLength = intIn(PATH_LENGTH, args.maxLength);
      const [from, to] = await Promise.all([
        entityById(String(args.from), 'from', context),
        entityById(String(args.to), 'to', context),
      ]);
      return from && to ? shortestPath(from, to, maxLength, graphReader(context)) : null;
    },
  }),
}));
