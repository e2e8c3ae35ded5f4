// Every relationship of $types whose two ends are both among $keys (a subgraph's edges).
// The far end is checked by identity against the nodes found, not by reading its key: a third fewer
// database hits around hubs (docs/PLANS.md).
// Only what relationshipFromList (src/store/neo4j/mapping.ts) reads, as a list, all in one record.
MATCH (n:Entity)
WHERE n.key IN $keys
WITH collect(n) AS nodes
UNWIND nodes AS a
MATCH (a)-[r]->(b)
WHERE b IN nodes AND type(r) IN $types
RETURN collect([r.key, r.role, r.evidenceSources, r.evidenceStarts, r.evidenceEnds, r.evidenceModalities, r.evidenceAssertedBy,
        type(r), a.key, b.key]) AS relationships
