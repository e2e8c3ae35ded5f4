// Every relationship of $types whose two ends are both among $keys (a subgraph's edges).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.key IN $keys AND b.key IN $keys AND type(r) IN $types
RETURN r {.*, type: type(r), from: a.key, to: b.key} AS relationship
