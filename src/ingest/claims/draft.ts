/** A claim as a pattern finds it, before modality, evidence and numbering (suggestClaims.ts). */
import type { RelationshipType } from '../../domain/kinds.js';

export interface ClaimDraft {
  type: RelationshipType;
  from: string;
  to: string;
  role: string | null;
  /** The words that state it, as skeleton offsets. */
  skStart: number;
  skEnd: number;
  pattern: string;
  confidence: number;
  /**
   * An apposition or a relative clause ("X, who represent Y"): stated as fact whatever cue the
   * rest of the sentence carries, so only cues inside its own words count.
   */
  scoped: boolean;
}
