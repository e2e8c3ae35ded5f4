/**
 * The worker thread that runs analysts' Cypher, one query at a time, with a driver of its own
 * (logged in as NEO4J_ANALYST_USER when set). Decoding a huge record, or converting it to JSON,
 * happens here: it can use this thread's whole heap and time, never the API's event loop, and the
 * API ends the thread when the answer is late or the heap runs out (cypherWorkers.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CypherRefusal } from '../cypher.js';
import { createDriver } from './driver.js';
import { Neo4jExecutor } from './executor.js';
import { runReadOnlyCypher } from './readOnlyCypher.js';
import type { CypherReply, CypherRequest, CypherWorkerData } from './cypherWorkerProtocol.js';

const data = workerData as CypherWorkerData;
// Integers as BigInt keeps them exact without a wrapper object for each one; one query at a time needs one connection.
const driver = createDriver(data.login, data.connectTimeoutMs, { useBigInt: true, maxConnectionPoolSize: 1 });
const executor = new Neo4jExecutor(driver, data.database);

async function answer({ query, parameters, limits }: CypherRequest): Promise<CypherReply> {
  try {
    return { kind: 'answer', answer: await runReadOnlyCypher(executor, query, parameters, limits) };
  } catch (error) {
    if (error instanceof CypherRefusal) return { kind: 'refusal', reason: error.reason, message: error.message };
    const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
    return {
      kind: 'failure',
      name: String(name ?? 'Error'),
      code: typeof code === 'string' ? code : undefined,
      message: String(message ?? error),
    };
  }
}

parentPort?.on('message', (request: CypherRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});
