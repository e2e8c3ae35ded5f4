// One page of the entities of a kind, by name then key (the order both stores share).
MATCH (n:Entity {kind: $kind})
WITH n ORDER BY n.name, n.key SKIP $offset LIMIT $limit
RETURN n {.*} AS properties,
       [(s:Source)-[m:MENTIONS]->(n) | {source: s.key, starts: m.starts, ends: m.ends}] AS mentions
