/** Read-only Cypher for analysts: what a store that speaks Cypher answers. */

export interface CypherLimits {
  /** The transaction is ended by the database after this long. */
  timeoutMs: number;
  /** Rows beyond this are not read; the answer says it was cut. */
  rowLimit: number;
}

export interface CypherAnswer {
  columns: string[];
  /** Each row as JSON: nodes, relationships and paths as objects, integers as numbers where exact. */
  rows: Record<string, unknown>[];
  truncated: boolean;
  /** Keys of the :Entity nodes, and of the domain relationships, that appear anywhere in the rows. */
  entityKeys: string[];
  relationshipKeys: string[];
}

/** Why a Cypher query was refused, in the terms the API reports. */
export class CypherRefusal extends Error {
  constructor(
    readonly reason: 'WRITE' | 'TIMEOUT' | 'INVALID',
    message: string,
  ) {
    super(message);
  }
}
