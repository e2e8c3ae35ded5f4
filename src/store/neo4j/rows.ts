/** Query rows to the shapes the port promises: one answer per key, in the order of the keys. */

export type Row = Record<string, unknown>;

/** One answer per key, in the order of the keys, null where none came back (what a DataLoader expects). */
export function inKeyOrder<T>(keys: readonly string[], items: T[], keyOf: (item: T) => string): (T | null)[] {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** The rows' items grouped under the key in `column`, one sorted list per key, in the order of the keys. */
export function groupedInKeyOrder<T>(
  keys: readonly string[],
  rows: Row[],
  column: string,
  toItem: (row: Row) => T,
  compare: (a: T, b: T) => number,
): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = row[column] as string;
    const group = groups.get(key) ?? groups.set(key, []).get(key)!;
    group.push(toItem(row));
  }
  return keys.map((key) => (groups.get(key) ?? []).sort(compare));
}
