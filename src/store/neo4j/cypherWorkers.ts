/**
 * Runs analyst Cypher in worker threads (cypherWorker.ts), so that no result, however large, can
 * block the API's event loop or fill its heap. Each worker runs one query at a time, with a heap of
 * its own (resourceLimits) and a hard deadline, the analyst's timeout plus a margin: past it, or
 * when its heap runs out, the worker is terminated (its connection, and so its transaction, with it)
 * and the analyst gets QUERY_TOO_COMPLEX. Workers start when first needed and are kept for the
 * next query; one that was terminated is simply replaced by the next query that needs one.
 */
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import { CypherRefusal, type CypherAnswer, type CypherLimits } from '../cypher.js';
import { timeoutMessage } from './cypherErrors.js';
import type { CypherReply, CypherRequest, CypherWorkerData } from './cypherWorkerProtocol.js';
import { cypherWorkerScript } from './cypherWorkerScript.js';

/** Time beyond the analyst's timeout for Neo4j to report its own timeout before the API gives up. */
const DEADLINE_MARGIN_MS = 1000;

export interface CypherWorkersOptions extends CypherWorkerData {
  /** Old-generation heap of each worker, in MB. */
  heapMb: number;
  /** Analyst queries running at once; more wait for a worker. */
  maxWorkers: number;
}

function answerOf(reply: CypherReply): CypherAnswer {
  if (reply.kind === 'answer') return reply.answer;
  if (reply.kind === 'refusal') throw new CypherRefusal(reply.reason, reply.message);
  // not the query's fault: rebuilt with the driver's code, which the executor's classify reads
  throw Object.assign(new Error(reply.message), { name: reply.name, code: reply.code });
}

export class CypherWorkers {
  private readonly all = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly slots: ReturnType<typeof pLimit>;
  private closed = false;

  constructor(private readonly options: CypherWorkersOptions) {
    this.slots = pLimit(options.maxWorkers);
  }

  /**
   * The answer within the query's deadline, the wait for a free worker included: a queue of slow
   * queries in front cannot hold a request open for longer, and a query whose caller has been
   * answered already is dropped when its turn comes, not run.
   */
  run(query: string, parameters: Record<string, unknown>, limits: CypherLimits): Promise<CypherAnswer> {
    const deadline = performance.now() + limits.timeoutMs + DEADLINE_MARGIN_MS;
    const late = () => new CypherRefusal('TIMEOUT', `${timeoutMessage(limits)} (no worker was free in time)`);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(late()), deadline - performance.now());
    });
    const answered = this.slots(async () => {
      // from here the worker's own deadline (ask) answers
      clearTimeout(timer);
      if (this.closed) throw new Error('analyst Cypher is closed: the store is shutting down');
      const left = deadline - performance.now();
      if (left <= 0) throw late();
      const worker = this.idle.pop() ?? this.spawn();
      const reply = await this.ask(worker, { query, parameters, limits }, Math.ceil(left));
      this.idle.push(worker);
      return answerOf(reply);
    });
    // the slot's own refusal, once the caller has had one from the timer, is not an unhandled rejection
    answered.catch(() => undefined);
    return Promise.race([answered, waited]).finally(() => clearTimeout(timer));
  }

  /** Ends every worker; queries still running end with an error. */
  async close(): Promise<void> {
    this.closed = true;
    this.idle.splice(0);
    await Promise.all([...this.all].map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const script = cypherWorkerScript();
    const { login, database, connectTimeoutMs, heapMb } = this.options;
    const data: CypherWorkerData = { login, database, connectTimeoutMs };
    const worker = new Worker(script.source, {
      eval: script.evaluate,
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    this.all.add(worker);
    // An idle worker must not keep the process alive, and its failure must not crash the API:
    // the query it was running (if any) hears of it, and 'exit' follows and forgets the worker.
    worker.unref();
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      this.all.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
    return worker;
  }

  /** The worker's reply, or a refusal when it is late or runs out of heap (the worker is then ended). */
  private ask(worker: Worker, request: CypherRequest, deadlineMs: number): Promise<CypherReply> {
    return new Promise<CypherReply>((resolve, reject) => {
      const settle = (finish: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        finish();
      };
      const onMessage = (reply: CypherReply) => settle(() => resolve(reply));
      const onError = (error: unknown) =>
        settle(() => {
          void worker.terminate();
          reject(this.failureOf(error));
        });
      const onExit = (code: number) => settle(() => reject(new Error(`the Cypher worker stopped (exit code ${code})`)));
      const timer = setTimeout(
        () =>
          settle(() => {
            void worker.terminate();
            reject(
              new CypherRefusal('TIMEOUT', `${timeoutMessage(request.limits)} (no answer within ${deadlineMs} ms)`),
            );
          }),
        deadlineMs,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(request);
    });
  }

  /** What a worker's death means for the query it was running. */
  private failureOf(error: unknown): unknown {
    if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new CypherRefusal(
        'TOO_LARGE',
        `the result is too large to read: it needed more than ${this.options.heapMb} MB`,
      );
    }
    // the driver decoding a value nested deeper than the worker's stack
    if (error instanceof RangeError) return new CypherRefusal('TOO_LARGE', 'the result is nested too deeply to read');
    return error;
  }
}
