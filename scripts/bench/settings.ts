/** The settings both benchmark runners read from the environment, read one way. */

/** A numeric setting, or its default when unset. */
export const numberSetting = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/** BENCH_SCALE: the synthetic case sizes, comma-separated; "none" (or empty) for none. */
export const benchScale = (fallback: string): number[] =>
  (process.env.BENCH_SCALE ?? fallback)
    .split(',')
    .filter((s) => s && s !== 'none')
    .map(Number);

/**
 * Node's flags for the servers measured, as `npm start` and the Docker image run the project:
 * - a young generation of up to 64 MB per semi-space, so that the many short-lived objects of a
 *   large answer are collected less often (about a tenth less CPU on the 10k list);
 * - no allocation-site pretenuring. V8 otherwise decides, from a few samples, that the lists
 *   neo4j-driver decodes live long, and allocates every one of them in the old generation: each
 *   answer's rows then went there and each young collection had to scan them (5 to 7 ms where it
 *   took 2.5), and the old generation filled and was compacted every 2 to 3 s. Without it, 4 to 9%
 *   less CPU per request on every bench:peer operation at 10k (docs/BENCHMARKS.md).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64', '--no-allocation-site-pretenuring'];
