// For each source, the entities it mentions.
UNWIND $keys AS key
MATCH (s:Source {key: key})-[:MENTIONS]->(n:Entity)
RETURN key AS sourceKey, n {.*} AS properties
