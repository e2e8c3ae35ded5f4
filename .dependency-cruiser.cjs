/**
 * The layers, enforced (`npm run lint`): arrows only point down.
 *
 *   scripts/ (dev tools: benchmarks, the local Neo4j launcher, print-schema; never in the image)
 *   cli (the runtime's entry points: serve, seed)
 *     -> http (Yoga and its plugins)
 *          -> graphql (schema, loaders)  -> access (callers and scopes)
 *                                        -> curate (editors' writes, over the store port)
 *                                        -> ingest (reading a source into a draft: domain only)
 *          -> export (file formats)      -> explore (neighbourhood, path)
 *                                             -> store (the port and its adapters)
 *                                                  -> config, domain
 */
const layer = (name, mayNotReach) => ({
  name: `${name}-points-down`,
  comment: `${name} may not import from a layer above it`,
  severity: 'error',
  from: { path: `^src/${name}` },
  to: { path: `^src/(${mayNotReach.join('|')})(/|\\.ts$)` },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    layer('domain', ['config', 'access', 'store', 'explore', 'export', 'graphql', 'http', 'cli', 'curate', 'ingest']),
    layer('config', ['ingest', 'access', 'store', 'explore', 'export', 'graphql', 'http', 'cli', 'curate']),
    layer('access', ['ingest', 'store', 'explore', 'export', 'graphql', 'http', 'cli', 'curate']),
    layer('store', ['ingest', 'access', 'explore', 'export', 'graphql', 'http', 'cli', 'curate']),
    layer('explore', ['ingest', 'access', 'export', 'graphql', 'http', 'cli', 'curate']),
    layer('export', ['ingest', 'access', 'graphql', 'http', 'cli', 'curate']),
    layer('ingest', ['config', 'access', 'store', 'explore', 'export', 'graphql', 'http', 'cli', 'curate']),
    layer('curate', ['access', 'explore', 'export', 'graphql', 'http', 'cli']),
    layer('graphql', ['export', 'http', 'cli']),
    layer('http', ['cli']),
    {
      name: 'runtime-never-imports-scripts',
      comment: 'scripts/ are dev tools, left out of the image: nothing under src/ may depend on them',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'explorer-shares-only-the-domain',
      comment: 'the explorer (web/) runs in browsers: of the server it may import only src/domain',
      severity: 'error',
      from: { path: '^web/src' },
      to: { path: '^src/(?!domain/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
