/** Export: the picture (PNG, SVG) and the data of the current view (GEXF, GraphML, Cytoscape.js). */
import { byId } from './dom.js';
import { guarded } from './errorBanner.js';
import type { GraphView } from './graphTypes.js';
import { storedToken } from './graphqlClient.js';

const DATA_EXPORTS = [
  ['export-gexf', 'gexf'],
  ['export-graphml', 'graphml'],
  ['export-cyjs', 'cyjs'],
] as const;

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // the download has started by now; the object URL only holds memory
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function setUpPictureExport(view: GraphView): void {
  byId('export-png').addEventListener('click', () =>
    guarded(async () => download(await view.toPng(), 'case-graph.png')),
  );
  byId('export-svg').addEventListener('click', () =>
    download(new Blob([view.toSvg()], { type: 'image/svg+xml' }), 'case-graph.svg'),
  );
}

/**
 * Where the server requires a token (REQUIRE_AUTH), a link cannot send it: with one kept, a data
 * export is fetched with it and saved from the page instead; without one, the link works as it is.
 */
export function setUpDataExport(): void {
  for (const [id, extension] of DATA_EXPORTS) {
    const link = byId<HTMLAnchorElement>(id);
    link.addEventListener('click', (event) => {
      const token = storedToken();
      if (!token) return;
      event.preventDefault();
      guarded(async () => {
        const response = await fetch(link.href, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok)
          throw new Error(`Could not export the ${extension.toUpperCase()}: the server answered ${response.status}`);
        const disposition = response.headers.get('content-disposition') ?? '';
        const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `case-graph.${extension}`;
        download(await response.blob(), filename);
      });
    });
  }
}

/**
 * The server's exports (src/http/exports.ts) of what is on show: the neighbourhood of the selected
 * entity when there is one, otherwise the whole graph.
 */
export function updateDataExportLinks(focus: string | null, depth = 1): void {
  const query = focus ? `?${new URLSearchParams({ focus, depth: String(depth) })}` : '';
  for (const [id, extension] of DATA_EXPORTS) {
    byId<HTMLAnchorElement>(id).href = `/export/graph.${extension}${query}`;
  }
  byId('export-scope').textContent = focus ? 'The selected entity and its neighbours:' : 'The whole case:';
}
