// One write's edit and its change, statement by statement in one transaction (src/store/neo4j/
// neo4jWrites.ts). Removals go before puts, as src/domain/applyEdit.ts does, so that a put may
// re-create a removed key. Properties are the ones seeding writes (src/store/neo4j/seed.ts).

UNWIND $sources AS s
MERGE (n:Source {key: s.key})
SET n = s.properties;

UNWIND $drafts AS d
MERGE (x:Draft {sourceKey: d.sourceKey})
SET x.json = d.json;

UNWIND $removeEntityKeys AS key
MATCH (n:Entity {key: key})
DETACH DELETE n;

UNWIND $entities AS e
MERGE (n:Entity {key: e.key})
SET n = e.properties
REMOVE n:Person:Organisation:Production:Location:Event
SET n:$(e.label);

// A put entity's mentions are all it has: its old MENTIONS go, and its current ones are made anew.
UNWIND $entityKeys AS key
MATCH (:Source)-[r:MENTIONS]->(:Entity {key: key})
DELETE r;

UNWIND $mentions AS m
MATCH (s:Source {key: m.source})
MATCH (n:Entity {key: m.entity})
CREATE (s)-[r:MENTIONS]->(n)
SET r.starts = m.starts, r.ends = m.ends;

// Relationship keys are unique across types. A put relationship's ends may have changed (a merge
// re-points it), so the old one goes wherever it was, and the new one is created between its ends.
// The pattern names every domain type so that each type's key index finds it (as in
// relationships-by-keys.cypher): without types, Neo4j would read every relationship.
UNWIND $relationshipKeys AS key
MATCH (:Entity)-[r:WORKED_ON|REPRESENTS|PARTICIPATED_IN|OCCURRED_AT|CONCERNS|FILMED_AT|LOCATED_IN|HAS_JURISDICTION|LED_TO {key: key}]->(:Entity)
DELETE r;

UNWIND $relationships AS r
MATCH (a:Entity {key: r.from})
MATCH (b:Entity {key: r.to})
CREATE (a)-[x:$(r.type)]->(b)
SET x = r.properties
RETURN count(x) AS created;

CREATE (c:Change)
SET c = $change;
