/** Read-only Cypher for analysts: what a store that speaks Cypher answers. */

export interface CypherLimits {
  /** The transaction is ended by the database after this long. */
  timeoutMs: number;
  /** Rows beyond this are not read; the answer says it was cut. */
  rowLimit: number;
  /** Rows stop before their JSON passes this many bytes; the answer says it was cut. */
  maxBytes: number;
}

export interface CypherAnswer {
  columns: string[];
  /** Each row as JSON: nodes, relationships and paths as objects, integers as numbers where exact. */
  rows: Record<string, unknown>[];
  /** True when rows were left out: past the row limit, or past the byte budget. */
  truncated: boolean;
  /** Keys of the :Entity nodes, and of the domain relationships, that appear anywhere in the rows. */
  entityKeys: string[];
  relationshipKeys: string[];
}

/**
 * Why a Cypher query was refused: WRITE (it writes), NOT_ALLOWED (it reaches outside the read-only
 * allowlist: files, URLs, procedures, administration, another database), TIMEOUT (it ran too long),
 * TOO_LARGE (its result or its memory was too big), INVALID (the database could not run it).
 */
export type CypherRefusalReason = 'WRITE' | 'NOT_ALLOWED' | 'TIMEOUT' | 'TOO_LARGE' | 'INVALID';

/** Why a Cypher query was refused, in the terms the API reports. */
export class CypherRefusal extends Error {
  constructor(
    readonly reason: CypherRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'CypherRefusal';
  }
}
