// Every relationship of each entity, in both directions, with the entity at its other end
// ($types: the domain types, so that structural relationships such as MENTIONS never surface).
// Only what toRelationship and toEntity (src/store/neo4j/mapping.ts) read: no derived properties.
UNWIND $keys AS key
MATCH (n:Entity {key: key})-[r]-(other:Entity)
WHERE type(r) IN $types
RETURN key AS entityKey,
       r {.key, .role, .evidenceSources, .evidenceStarts, .evidenceEnds, .evidenceModalities, .evidenceAssertedBy,
          type: type(r),
          from: CASE WHEN startNode(r) = n THEN key ELSE other.key END,
          to: CASE WHEN endNode(r) = n THEN key ELSE other.key END} AS relationship,
       other {.key, .kind, .name, .aliases, .summary, .mentionSources, .mentionStarts, .mentionEnds, .occupations,
              .organisationType, .productionType, .locationType, .eventType, .date, .formerKeys} AS properties
