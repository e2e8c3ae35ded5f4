/**
 * The layers, enforced (`npm run lint`): arrows only point down.
 *
 *   cli, bench (entry points and scripts)
 *     -> http (Yoga and its plugins)
 *          -> graphql (schema, loaders)  -> access (callers and scopes)
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
    layer('domain', ['config', 'access', 'store', 'explore', 'export', 'graphql', 'http', 'cli', 'bench']),
    layer('config', ['access', 'store', 'explore', 'export', 'graphql', 'http', 'cli', 'bench']),
    layer('access', ['store', 'explore', 'export', 'graphql', 'http', 'cli', 'bench']),
    layer('store', ['access', 'explore', 'export', 'graphql', 'http', 'cli', 'bench']),
    layer('explore', ['access', 'export', 'graphql', 'http', 'cli', 'bench']),
    layer('export', ['access', 'graphql', 'http', 'cli', 'bench']),
    layer('graphql', ['export', 'http', 'cli', 'bench']),
    layer('http', ['cli', 'bench']),
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
