/**
 * The one place a process talks to Neo4j: it opens and closes every session, and it decides what a
 * Neo4j error means by its code (as neo4j/graphql's Executor.formatError does), never its message.
 */
import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, Neo4jError, RecordShape, Transaction } from 'neo4j-driver';
import pLimit from 'p-limit';
import { StoreUnavailable } from '../graphStore.js';

/**
 * Store reads in flight at once; more wait their turn here. A cold or overloaded database given
 * every request at once plans and runs them all slowly, each past the deadline, and never catches
 * up (after an outage, 50 clients kept it from serving for over 10 s); a few at a time, it warms
 * up and the queue drains. Reads that waited past their deadline are dropped, not run.
 */
const CONCURRENT_READS = 16;

type Row = Record<string, unknown>;

/**
 * An error's code: the database's Neo.<classification>.<category>.<title>, or the driver's own
 * (ServiceUnavailable, SessionExpired, 'N/A'). `status` is Category.Title without the
 * classification, which Neo4j has moved between Client and Transient for some codes.
 */
export function codeOf(error: unknown): { code: string; classification: string; status: string } {
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' ? raw : '';
  const [, classification = '', category = '', title = ''] = code.startsWith('Neo.') ? code.split('.') : [];
  return { code, classification, status: `${category}.${title}` };
}

/** The database ended the transaction for time: the timeout it was given, or a limit of its own. */
export const TIMEOUTS = new Set([
  'Transaction.TransactionTimedOut',
  // a transaction stopped while it waited for a lock (the lock wait ran past its timeout)
  'Transaction.LockClientStopped',
  'Transaction.Terminated',
  'Transaction.TransactionTimedOutClientConfiguration',
  'Statement.ExecutionTimeout',
  'Procedure.ProcedureTimedOut',
]);

/**
 * StoreUnavailable when Neo4j cannot answer now, any other error unchanged. By code, not by
 * neo4j.isRetryableError: an analyst worker's errors arrive as copies, not Neo4jError instances.
 * - ServiceUnavailable, SessionExpired: refused, reset or closed connections and connect timeouts
 *   all arrive with these (neo4j-driver-bolt-connection's NodeChannel wraps the socket error).
 * - Neo.TransientError.*: the database is unavailable or overloaded.
 * - a store read's transaction timeout: it races the guard's deadline of the same length.
 * A connection-acquisition timeout has no code ('N/A') and is not matched: the driver's
 * connectionAcquisitionTimeout is the store timeout (driver.ts), so for a store read guardedStore's
 * deadline has already answered StoreUnavailable by then (analyst Cypher: see readOnce).
 */
export function classify(error: unknown): unknown {
  const { code, classification, status } = codeOf(error);
  const { SERVICE_UNAVAILABLE, SESSION_EXPIRED } = neo4j.error;
  const outage = code === SERVICE_UNAVAILABLE || code === SESSION_EXPIRED || classification === 'TransientError';
  return outage || TIMEOUTS.has(status) ? new StoreUnavailable('neo4j', error) : error;
}

/**
 * A transaction that could not begin: nothing has run, so the query is not to blame. A
 * connection-acquisition timeout has no code ('N/A') and, for analyst Cypher, no guard's deadline
 * answers first: it gets the code it means, ServiceUnavailable, for classify.
 */
function unreachable(error: Neo4jError): never {
  if (error.code !== 'N/A') throw error;
  const { message, gqlStatus, gqlStatusDescription: description } = error;
  throw new neo4j.Neo4jError(message, neo4j.error.SERVICE_UNAVAILABLE, gqlStatus, description, undefined, error);
}

/**
 * `run()` with no stack trace captured for the result. neo4j-driver makes one for every result
 * (`new Error().stack`, result.js) to put on an error the query may meet later; formatting it was
 * about 5% of the server's CPU on an entity page, and far more under source maps (neo4j-javascript-
 * driver#1168). A store read is always called from here, so that trace would only ever name this
 * function: a failed read still reports the database's code and message, which is what classify reads.
 */
function withoutCallerStack<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export class Neo4jExecutor {
  constructor(
    private readonly driver: Driver,
    readonly database: string,
    /** Each store read's (and editor's write's) transaction timeout: the database ends what the API gave up on. */
    readonly timeoutMs = 5_000,
  ) {}

  private readonly readSlots = pLimit(CONCURRENT_READS);

  /** A store read, each record as a plain object. */
  read(query: string, parameters: Row = {}): Promise<Row[]> {
    const queued = performance.now();
    return this.readSlots(() => {
      if (performance.now() - queued >= this.timeoutMs) {
        throw new StoreUnavailable('neo4j', new Error(`waited ${this.timeoutMs} ms for a turn`));
      }
      return this.readNow(query, parameters);
    });
  }

  /**
   * An auto-commit READ transaction: one round trip (RUN and PULL), where a managed transaction
   * (executeQuery) takes two (BEGIN, RUN and PULL, then COMMIT) and cost 1.4 ms against 0.8 ms for a
   * `RETURN 1` here. It is not retried: a read that meets a transient error answers
   * STORE_UNAVAILABLE at once, and the client's next request reaches the database anew.
   */
  private async readNow(query: string, parameters: Row): Promise<Row[]> {
    const { database, timeoutMs } = this;
    const session = this.driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await withoutCallerStack(() =>
        session.run<RecordShape>(query, parameters, { timeout: timeoutMs }),
      );
      return result.records.map((record) => record.toObject() as Row);
    } catch (error) {
      throw classify(error);
    } finally {
      // closing a session whose connection broke can fail too; the read's own error is the one to report
      await session.close().catch(() => undefined);
    }
  }

  /**
   * One write transaction, errors unchanged: the operator reads the driver's own message. Seeding
   * runs without a timeout (a large load takes what it takes); an editor's write passes
   * `timeoutMs`, so a write that hangs cannot hold the graph's write lock for ever.
   */
  async write<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
    } finally {
      await session.close();
    }
  }

  /**
   * One explicit READ transaction with its own timeout, never retried (analyst Cypher): executeRead
   * retries transient errors, a memory-pool error among them, and that query would only fail again.
   */
  async readOnce<T>(timeoutMs: number, work: (tx: Transaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    let tx: Transaction | undefined;
    try {
      // (TransactionPromise types its catch as Promise<any>)
      tx = (await session.beginTransaction({ timeout: timeoutMs }).catch(unreachable)) as Transaction;
      return await work(tx);
    } finally {
      // A read transaction has nothing to commit. Rolling back one that already failed can fail
      // again; the session's close below ends it either way, so that second failure means nothing.
      if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
      await session.close();
    }
  }
}
