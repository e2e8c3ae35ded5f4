// Relationships by key; keys that name nothing are simply absent. The pattern names every domain
// type so that each type's key index (schema.cypher) finds them: without types, Neo4j would read
// every relationship. (Neo4jStore checks, when it loads, that this list holds every domain type.)
// Only what relationshipFromList (src/store/neo4j/mapping.ts) reads, as a list.
UNWIND $keys AS key
MATCH (a:Entity)-[r:WORKED_ON|REPRESENTS|PARTICIPATED_IN|OCCURRED_AT|CONCERNS|FILMED_AT|LOCATED_IN|HAS_JURISDICTION|LED_TO {key: key}]->(b:Entity)
WHERE type(r) IN $types
RETURN [r.key, r.role, r.evidenceSources, r.evidenceStarts, r.evidenceEnds, r.evidenceModalities, r.evidenceAssertedBy,
        type(r), a.key, b.key] AS relationship
