// For each source, the entities it mentions.
// Only what entityFromList (src/store/neo4j/mapping.ts) reads, as a list: no derived properties.
UNWIND $keys AS key
MATCH (s:Source {key: key})-[:MENTIONS]->(n:Entity)
RETURN key AS sourceKey,
       [n.key, n.kind, n.name, n.aliases, n.summary, n.mentionSources, n.mentionStarts, n.mentionEnds,
        n.occupations, n.organisationType, n.productionType, n.locationType, n.eventType, n.date, n.formerKeys] AS entity
