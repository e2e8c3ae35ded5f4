// For each source, the entities it mentions.
// Only what toEntity (src/store/neo4j/mapping.ts) reads: no derived properties.
UNWIND $keys AS key
MATCH (s:Source {key: key})-[:MENTIONS]->(n:Entity)
RETURN key AS sourceKey,
       n {.key, .kind, .name, .aliases, .summary, .mentionSources, .mentionStarts, .mentionEnds, .occupations,
          .organisationType, .productionType, .locationType, .eventType, .date, .formerKeys} AS properties
