// Loads the case files into Neo4j, statement by statement: MERGE by key, so that a second run
// changes nothing. Each statement unwinds one list parameter ($sources, $entities, $mentions,
// $relationships, $drafts), which src/store/neo4j/seed.ts may send in batches for very large loads.
// seed-inventory.cypher and seed-remove.cypher then take away what the case files no longer hold.
// An entity's mentions are both its MENTIONS relationships (for analysts and the mentionedIn filter)
// and lists on the node (mentionSources, mentionStarts, mentionEnds), which the API's reads return.

UNWIND $sources AS s
MERGE (n:Source {key: s.key})
SET n = s.properties;

UNWIND $drafts AS d
MERGE (x:Draft {sourceKey: d.sourceKey})
SET x.json = d.json;

UNWIND $entities AS e
MERGE (n:Entity {key: e.key})
SET n = e.properties
REMOVE n:Person:Organisation:Production:Location:Event
SET n:$(e.label);

UNWIND $mentions AS m
MATCH (s:Source {key: m.source})
MATCH (n:Entity {key: m.entity})
MERGE (s)-[r:MENTIONS]->(n)
SET r.starts = m.starts, r.ends = m.ends;

UNWIND $relationships AS r
MATCH (a:Entity {key: r.from})
MATCH (b:Entity {key: r.to})
MERGE (a)-[x:$(r.type) {key: r.key}]->(b)
SET x = r.properties;
