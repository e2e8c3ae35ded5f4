/** The Neo4j executor names outages by error code: what becomes StoreUnavailable, and what does not. */
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailable } from '../../src/store/graphStore.js';
import { classify, Neo4jExecutor } from '../../src/store/neo4j/executor.js';
import { DATABASE, neo4jDriver, neo4jUri } from '../support/stores.js';

const withCode = (code: string) => new neo4j.Neo4jError('an error', code, '50N42', 'an error');

describe('classify', () => {
  it.each([
    'ServiceUnavailable',
    'SessionExpired',
    'Neo.TransientError.General.DatabaseUnavailable',
    'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    'Neo.TransientError.Transaction.TransactionTimedOut',
  ])('calls %s an outage', (code) => {
    const error = withCode(code);
    expect(classify(error)).toBeInstanceOf(StoreUnavailable);
    expect((classify(error) as StoreUnavailable).cause).toBe(error);
  });

  it.each([
    'N/A',
    'Neo.ClientError.Statement.SyntaxError',
    'Neo.ClientError.Security.Unauthorized',
    'Neo.DatabaseError.General.UnknownError',
  ])('leaves %s as it is', (code) => {
    const error = withCode(code);
    expect(classify(error)).toBe(error);
  });

  it('reads the code of a copy too (an analyst worker reports errors as plain data)', () => {
    expect(classify(Object.assign(new Error('gone'), { code: 'ServiceUnavailable' }))).toBeInstanceOf(StoreUnavailable);
    expect(classify(new Error('connect ECONNREFUSED 127.0.0.1:7687'))).toBeInstanceOf(Error);
  });
});

describe.runIf(neo4jUri !== null)('Neo4jExecutor', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = neo4jDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('reports a store read stopped at its transaction timeout as StoreUnavailable', async () => {
    const slow = new Neo4jExecutor(driver, DATABASE, 100);
    await expect(slow.read('UNWIND range(1, 1000000000) AS x RETURN count(x) AS n')).rejects.toBeInstanceOf(
      StoreUnavailable,
    );
  });

  it('reports an unreachable database as StoreUnavailable, with the driver code as its cause', async () => {
    const nowhere = neo4j.driver('bolt://127.0.0.1:1', undefined, {
      maxTransactionRetryTime: 200,
      connectionTimeout: 200,
    });
    try {
      const error = await new Neo4jExecutor(nowhere, DATABASE).read('RETURN 1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailable);
      expect((error as StoreUnavailable).cause).toMatchObject({ code: 'ServiceUnavailable' });
    } finally {
      await nowhere.close();
    }
  });

  it('gives analyst Cypher that cannot get a connection in time ServiceUnavailable (the driver gives no code)', async () => {
    // a server that accepts connections and never answers: only the acquisition timeout ends the wait
    const silent = createServer(() => undefined).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const uri = `bolt://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const stuck = neo4j.driver(uri, undefined, { connectionAcquisitionTimeout: 300 });
    try {
      const error = await new Neo4jExecutor(stuck, DATABASE)
        .readOnce(5000, (tx) => tx.run('RETURN 1'))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ServiceUnavailable', cause: { code: 'N/A' } });
      expect(classify(error)).toBeInstanceOf(StoreUnavailable);
    } finally {
      await stuck.close();
      silent.close();
    }
  });

  it('passes a query the database rejects through unchanged', async () => {
    await expect(new Neo4jExecutor(driver, DATABASE).read('RETURN nope(')).rejects.toMatchObject({
      code: expect.stringMatching(/^Neo\.ClientError\.Statement\./),
    });
  });
});
