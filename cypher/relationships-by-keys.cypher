// Relationships by key; keys that name nothing are simply absent. The pattern names every domain
// type so that each type's key index (schema.cypher) finds them: without types, Neo4j would read
// every relationship. (Neo4jStore checks, when it loads, that this list holds every domain type.)
// Only what toRelationship (src/store/neo4j/mapping.ts) reads.
UNWIND $keys AS key
MATCH (a:Entity)-[r:WORKED_ON|REPRESENTS|PARTICIPATED_IN|OCCURRED_AT|CONCERNS|FILMED_AT|LOCATED_IN|HAS_JURISDICTION|LED_TO {key: key}]->(b:Entity)
WHERE type(r) IN $types
RETURN r {.key, .role, .evidenceSources, .evidenceStarts, .evidenceEnds, .evidenceModalities, .evidenceAssertedBy,
          type: type(r), from: a.key, to: b.key} AS relationship
