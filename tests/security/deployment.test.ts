/**
 * The deployment files, read as an operator would run them (there is no Docker engine here to run
 * them): no default password, nothing listening beyond this host, Neo4j without file URLs, and
 * the image on a Node that is still maintained, running the server as the benchmarks measure it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../scripts/bench/settings.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const read = (name: string) => readFileSync(join(PROJECT_ROOT, name), 'utf8');

describe('docker-compose.yml', () => {
  const compose = read('docker-compose.yml');

  it('has no default Neo4j password: compose refuses to start without NEO4J_PASSWORD', () => {
    const uses = [...compose.matchAll(/\$\{NEO4J_PASSWORD([^}]*)\}/g)].map((m) => m[1]);
    expect(uses.length).toBeGreaterThanOrEqual(2);
    for (const use of uses) expect(use).toMatch(/^:\?/);
  });

  it('publishes every port on 127.0.0.1 only', () => {
    const published = [...compose.matchAll(/^\s*-\s*"([^"]+)"/gm)]
      .map((m) => m[1]!)
      .filter((p) => /^\S*\d+:\d+$/.test(p));
    expect(published.length).toBe(3);
    for (const port of published) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it("turns off file URLs for LOAD CSV and caps a transaction's memory", () => {
    expect(compose).toMatch(/NEO4J_dbms_security_allow__csv__import__from__file__urls: "false"/);
    expect(compose).toMatch(/NEO4J_db_memory_transaction_max: \S+/);
  });
});

describe('the image and the engines', () => {
  it('builds and runs on Node 22 LTS, and says so in engines', () => {
    const froms = [...read('Dockerfile').matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(froms).toEqual(['node:22-bookworm-slim', 'node:22-bookworm-slim']);
    expect(JSON.parse(read('package.json')).engines.node).toBe('>=22.15');
  });

  it('runs the server with the Node flags the benchmarks measure it with, in the image and in npm start', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...SERVER_NODE_FLAGS, 'dist/cli/serve.js']);
    const start = JSON.parse(read('package.json')).scripts.start as string;
    expect(start).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} dist/cli/serve.js`);
  });
});
