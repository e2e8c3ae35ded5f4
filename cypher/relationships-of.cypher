// Every relationship of each entity, in both directions, with the entity at its other end
// ($types: the domain types, so that structural relationships such as MENTIONS never surface).
// Only what relationshipFromList and entityFromList (src/store/neo4j/mapping.ts) read, as lists: no derived properties.
UNWIND $keys AS key
MATCH (n:Entity {key: key})-[r]-(other:Entity)
WHERE type(r) IN $types
RETURN key AS entityKey,
       [r.key, r.role, r.evidenceSources, r.evidenceStarts, r.evidenceEnds, r.evidenceModalities, r.evidenceAssertedBy,
        type(r),
        CASE WHEN startNode(r) = n THEN key ELSE other.key END,
        CASE WHEN endNode(r) = n THEN key ELSE other.key END] AS relationship,
       [other.key, other.kind, other.name, other.aliases, other.summary, other.mentionSources, other.mentionStarts,
        other.mentionEnds, other.occupations, other.organisationType, other.productionType, other.locationType,
        other.eventType, other.date, other.formerKeys] AS entity
