/**
 * GET /export/graph.gexf | graph.graphml | graph.cyjs: the whole graph, or with ?focus=ID&depth=N
 * the neighbourhood of one entity, as a download for Gephi, yEd or Cytoscape.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { gatherExport } from '../export/exportGraph.js';
import { EXPORT_FORMATS } from '../export/formats.js';
import { createContext } from '../graphql/context.js';
import { checkRange } from '../graphql/errors.js';
import { entityById, graphReader, MAX_DEPTH } from '../graphql/types/exploration.js';
import type { ServerOptions } from '../config.js';
import type { GraphStore } from '../store/graphStore.js';
import { refusalFor } from './auth.js';

const EXPORT_PATH = /^\/export\/graph\.(\w+)$/;

export function exportRoutes(store: GraphStore, options: ServerOptions): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI, request }) {
      const match = EXPORT_PATH.exec(url.pathname);
      if (!match || request.method !== 'GET') return;
      const fail = (status: number, code: string, message: string) =>
        endResponse(fetchAPI.Response.json({ error: { code, message } }, { status }));

      const format = EXPORT_FORMATS[match[1] ?? ''];
      if (!format) return fail(404, 'NOT_FOUND', `no export format "${match[1]}": try graph.gexf, graph.graphml or graph.cyjs`);

      const context = createContext(store, request, options);
      const refusal = refusalFor(context.caller, 'read');
      if (refusal) return fail(refusal.code === 'FORBIDDEN' ? 403 : 401, refusal.code, refusal.message);
      const focusId = url.searchParams.get('focus');
      let focus;
      let depth = 1;
      try {
        depth = checkRange(Number(url.searchParams.get('depth') ?? 1), 'depth', 1, MAX_DEPTH);
        focus = focusId ? await entityById(focusId, 'focus', context) : undefined;
      } catch (error) {
        if (error instanceof GraphQLError) return fail(400, String(error.extensions.code ?? 'BAD_USER_INPUT'), error.message);
        throw error;
      }
      if (focus === null) return fail(404, 'NOT_FOUND', `no entity has the ID ${focusId}`);

      const graph = await gatherExport(store, graphReader(context), focus ? { focus, depth } : {});
      const filename = focus ? `neighbourhood-${focus.key}-depth-${depth}.${format.extension}` : `case-graph.${format.extension}`;
      endResponse(
        new fetchAPI.Response(format.write(graph), {
          headers: { 'content-type': format.contentType, 'content-disposition': `attachment; filename="${filename}"` },
        }),
      );
    },
  };
}
