// Entities by key (mentions are on the node); keys that name nothing are simply absent.
// Only what toEntity (src/store/neo4j/mapping.ts) reads: no derived properties.
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN n {.key, .kind, .name, .aliases, .summary, .mentionSources, .mentionStarts, .mentionEnds, .occupations,
          .organisationType, .productionType, .locationType, .eventType, .date, .formerKeys} AS properties
