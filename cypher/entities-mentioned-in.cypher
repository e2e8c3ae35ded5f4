// For each source, the entities it mentions.
UNWIND $keys AS key
MATCH (s:Source {key: key})-[:MENTIONS]->(n:Entity)
RETURN key AS sourceKey, n {.*} AS properties,
       [(src:Source)-[m:MENTIONS]->(n) | {source: src.key, starts: m.starts, ends: m.ends}] AS mentions
