// Entities by key (mentions are on the node); keys that name nothing are simply absent.
// Only what entityFromList (src/store/neo4j/mapping.ts) reads, as a list: no derived properties. All
// in one record (a record costs the driver more than the list it holds).
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN collect([n.key, n.kind, n.name, n.aliases, n.summary, n.mentionSources, n.mentionStarts, n.mentionEnds,
        n.occupations, n.organisationType, n.productionType, n.locationType, n.eventType, n.date, n.formerKeys]) AS entities
