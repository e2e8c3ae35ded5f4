// The whole case graph and its audit trail, for a dump (src/store/neo4j/readGraph.ts, which orders
// each part). $types: the domain types, so that structural relationships such as MENTIONS stay out.
MATCH (s:Source)
RETURN 'source' AS what, s {.*} AS properties
UNION ALL
MATCH (n:Entity)
RETURN 'entity' AS what, n {.*} AS properties
UNION ALL
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types
RETURN 'relationship' AS what, r {.*, type: type(r), from: a.key, to: b.key} AS properties
UNION ALL
MATCH (d:Draft)
RETURN 'draft' AS what, d {.json} AS properties
UNION ALL
MATCH (c:Change)
RETURN 'change' AS what, c {.*} AS properties
