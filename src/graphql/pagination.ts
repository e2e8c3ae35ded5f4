/**
 * Offset-based cursor connections: the cursor is an opaque position in a list ordered the same way
 * on both stores. `first` defaults to 50 and may not exceed 100.
 */
import { badUserInput, checkRange } from './errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

const PREFIX = 'cursor:';
/** The furthest position a cursor may point at: far past any case, well within what stores index. */
const MAX_OFFSET = 10_000_000;

function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString('base64url');
}

/** Only what encodeCursor writes is a cursor: "cursor:0x10", padding or a huge offset are not. */
function decodeCursor(cursor: string): number {
  const digits = /^cursor:(0|[1-9]\d{0,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))?.[1];
  const offset = digits === undefined ? Number.NaN : Number(digits);
  if (!(offset <= MAX_OFFSET) || encodeCursor(offset) !== cursor)
    throw badUserInput(`"${cursor}" is not a valid cursor`);
  return offset;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export function pageOf(args: PageArgs, defaultSize = DEFAULT_PAGE_SIZE): { offset: number; limit: number } {
  const first = checkRange(args.first ?? defaultSize, 'first', 0, MAX_PAGE_SIZE);
  return { offset: args.after ? decodeCursor(args.after) + 1 : 0, limit: first };
}

/**
 * An edge of a connection. A class rather than a literal with a getter: a literal makes a getter
 * closure per edge, and lists answer thousands of edges whose cursor no query selects.
 */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly position: number,
  ) {}

  get cursor(): string {
    return encodeCursor(this.position);
  }
}

/** Where a page stands; its cursors are encoded only when a query selects them. */
class PageInfo {
  constructor(
    private readonly offset: number,
    private readonly length: number,
    private readonly totalCount: number,
  ) {}

  get hasPreviousPage(): boolean {
    return this.offset > 0;
  }

  get hasNextPage(): boolean {
    return this.offset + this.length < this.totalCount;
  }

  get startCursor(): string | null {
    return this.length > 0 ? encodeCursor(this.offset) : null;
  }

  get endCursor(): string | null {
    return this.length > 0 ? encodeCursor(this.offset + this.length - 1) : null;
  }
}

export function connectionOf<T>(items: T[], offset: number, totalCount: number) {
  return {
    edges: items.map((node, i) => new Edge(node, offset + i)),
    totalCount,
    pageInfo: new PageInfo(offset, items.length, totalCount),
  };
}

/** A page of a list already in memory (an entity's relationships, say). */
export function sliceConnection<T>(all: T[], args: PageArgs, defaultSize = DEFAULT_PAGE_SIZE) {
  const { offset, limit } = pageOf(args, defaultSize);
  return connectionOf(all.slice(offset, offset + limit), offset, all.length);
}
