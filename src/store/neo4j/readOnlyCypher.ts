/**
 * Runs an analyst's Cypher: first `EXPLAIN`, whose plan must pass the read-only allowlist
 * (cypherPolicy.ts), then the query itself, in one READ transaction with the analyst's timeout,
 * never retried (Neo4jExecutor.readOnce). Rows stream in and stop at the row limit or the byte budget.
 *
 * In production this runs in a worker thread (cypherWorker.ts), where decoding a huge record cannot
 * hold up the API; tests and tools that hold only a driver run it in-process.
 */
import type { Result } from 'neo4j-driver';
import { CypherRefusal, type CypherAnswer, type CypherLimits } from '../cypher.js';
import { cypherRefusalOf } from './cypherErrors.js';
import type { Neo4jExecutor } from './executor.js';
import { OverBudget, rowToJson, toParameters, type Seen } from './cypherJson.js';
import { planRefusal } from './cypherPolicy.js';

async function readRows(result: Result, limits: CypherLimits): Promise<CypherAnswer> {
  const seen: Seen = { entityKeys: new Set(), relationshipKeys: new Set() };
  const rows: Record<string, unknown>[] = [];
  let bytes = 0;
  let truncated = false;
  for await (const record of result) {
    if (rows.length === limits.rowLimit) {
      truncated = true;
      break;
    }
    try {
      const row = rowToJson(record.toObject(), seen, limits.maxBytes - bytes);
      rows.push(row.json);
      bytes += row.bytes;
    } catch (error) {
      if (!(error instanceof OverBudget)) throw error;
      if (rows.length === 0) {
        throw new CypherRefusal(
          'TOO_LARGE',
          `the first row of the result is larger than CYPHER_MAX_BYTES (${limits.maxBytes} bytes): return less`,
        );
      }
      truncated = true;
      break;
    }
  }
  const columns = (await result.keys()) as string[];
  return { columns, rows, truncated, entityKeys: [...seen.entityKeys], relationshipKeys: [...seen.relationshipKeys] };
}

export async function runReadOnlyCypher(
  executor: Neo4jExecutor,
  query: string,
  parameters: Record<string, unknown>,
  limits: CypherLimits,
): Promise<CypherAnswer> {
  try {
    return await executor.readOnce(limits.timeoutMs, async (tx) => {
      const params = toParameters(parameters) as Record<string, unknown>;
      // Neo4j's own parse decides what the query would do; nothing of it runs yet.
      const explained = await tx.run(`EXPLAIN\n${query}`, params);
      const refusal = planRefusal(explained.summary.plan, explained.summary.database.name, executor.database);
      if (refusal) throw refusal;
      return await readRows(tx.run(query, params), limits);
    });
  } catch (error) {
    // a value nested deeper than the stack allows, met while converting it
    if (error instanceof RangeError) throw new CypherRefusal('TOO_LARGE', 'the result is nested too deeply to return');
    throw cypherRefusalOf(error, limits);
  }
}
