// Every relationship of $types whose two ends are both among $keys (a subgraph's edges).
// Only what relationshipFromList (src/store/neo4j/mapping.ts) reads, as a list, all in one record.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.key IN $keys AND b.key IN $keys AND type(r) IN $types
RETURN collect([r.key, r.role, r.evidenceSources, r.evidenceStarts, r.evidenceEnds, r.evidenceModalities, r.evidenceAssertedBy,
        type(r), a.key, b.key]) AS relationships
