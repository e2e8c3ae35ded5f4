// Every relationship of $types whose two ends are both among $keys (a subgraph's edges).
// Only what toRelationship (src/store/neo4j/mapping.ts) reads.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.key IN $keys AND b.key IN $keys AND type(r) IN $types
RETURN r {.key, .role, .evidenceSources, .evidenceStarts, .evidenceEnds, .evidenceModalities, .evidenceAssertedBy,
          type: type(r), from: a.key, to: b.key} AS relationship
