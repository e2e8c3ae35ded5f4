/** The settings both benchmark runners read from the environment, read one way. */

/** A numeric setting, or its default when unset. */
export const numberSetting = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/** BENCH_SCALE: the synthetic case sizes, comma-separated; "none" (or empty) for none. */
export const benchScale = (fallback: string): number[] =>
  (process.env.BENCH_SCALE ?? fallback)
    .split(',')
    .filter((s) => s && s !== 'none')
    .map(Number);
