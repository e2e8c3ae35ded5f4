/**
 * GET /export/graph.gexf | graph.graphml | graph.cyjs: the whole graph, or with ?focus=ID&depth=N
 * the neighbourhood of one entity, as a download for Gephi, yEd or Cytoscape.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { gatherExport } from '../export/exportGraph.js';
import { exportFormatNamed } from '../export/formats.js';
import { NEIGHBOURHOOD_DEPTH, storeReader } from '../explore/neighbourhood.js';
import { type ErrorCode, intIn } from '../graphql/errors.js';
import { entityOfId } from '../graphql/globalIds.js';
import type { ServerOptions } from '../config.js';
import type { Entity } from '../domain/model.js';
import type { GraphStore } from '../store/graphStore.js';
import { callerOf, httpOf, refusalFor } from '../access/callers.js';

const EXPORT_PATH = /^\/export\/graph\.(\w+)$/;

export function exportRoutes(store: GraphStore, options: ServerOptions): Plugin {
  return {
    // not async: an API request leaves at once, without a promise for Yoga to wait on
    onRequest({ url, endResponse, fetchAPI, request }) {
      const match = EXPORT_PATH.exec(url.pathname);
      if (!match || request.method !== 'GET') return;
      return serve(match, url, request, endResponse, fetchAPI);
    },
  };

  async function serve(
    match: RegExpExecArray,
    url: URL,
    request: Request,
    endResponse: (response: Response) => void,
    fetchAPI: { Response: typeof Response },
  ) {
    const fail = (status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}) =>
      endResponse(fetchAPI.Response.json({ error: { code, message } }, { status, headers }));

    const format = exportFormatNamed(match[1] ?? '');
    // the name is not echoed: it is the client's, and may be as long as a URL
    if (!format) return fail(404, 'NOT_FOUND', 'no such export format: try graph.gexf, graph.graphml or graph.cyjs');

    const refusal = refusalFor(callerOf(request, options), 'read');
    if (refusal) {
      const { status, headers } = httpOf(refusal);
      return fail(status, refusal.code, refusal.message, headers);
    }
    const focusId = url.searchParams.get('focus');
    let focus: Entity | null | undefined;
    let depth = NEIGHBOURHOOD_DEPTH.default;
    try {
      depth = intIn(NEIGHBOURHOOD_DEPTH, url.searchParams.has('depth') ? Number(url.searchParams.get('depth')) : null);
      focus = focusId
        ? await entityOfId(focusId, 'focus', async (key) => (await store.entitiesByKeys([key]))[0] ?? null)
        : undefined;
    } catch (error) {
      if (error instanceof GraphQLError) return fail(400, 'BAD_USER_INPUT', error.message);
      throw error;
    }
    if (focus === null) return fail(404, 'NOT_FOUND', `no entity has the ID ${focusId}`);

    const graph = await gatherExport(store, storeReader(store), focus ? { focus, depth } : {});
    const filename = focus
      ? `neighbourhood-${focus.key}-depth-${depth}.${format.extension}`
      : `case-graph.${format.extension}`;
    endResponse(
      new fetchAPI.Response(format.write(graph), {
        headers: { 'content-type': format.contentType, 'content-disposition': `attachment; filename="${filename}"` },
      }),
    );
  }
}
