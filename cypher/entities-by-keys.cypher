// Entities by key, with their mentions; keys that name nothing are simply absent.
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN n {.*} AS properties,
       [(s:Source)-[m:MENTIONS]->(n) | {source: s.key, starts: m.starts, ends: m.ends}] AS mentions
