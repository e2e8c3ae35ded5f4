// Loads the case files into Neo4j in one write transaction, statement by statement, so that the
// database ends up holding exactly what the case files say: MERGE by key makes a second run change
// nothing, and the last statements remove what the case files no longer contain.
// Parameters: $sources, $entities, $mentions, $relationships (see src/store/neo4j/seed.ts).

UNWIND $sources AS s
MERGE (n:Source {key: s.key})
SET n = s.properties;

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

MATCH (n:Entity) WHERE NOT n.key IN [e IN $entities | e.key]
DETACH DELETE n;

MATCH (n:Source) WHERE NOT n.key IN [s IN $sources | s.key]
DETACH DELETE n;

MATCH (s:Source)-[r:MENTIONS]->(n:Entity)
WHERE NOT s.key + ' ' + n.key IN [m IN $mentions | m.source + ' ' + m.entity]
DELETE r;

MATCH (a:Entity)-[x]->(b:Entity)
WHERE NOT a.key + ' ' + type(x) + ' ' + coalesce(x.key, '') + ' ' + b.key
       IN [r IN $relationships | r.from + ' ' + r.type + ' ' + r.key + ' ' + r.to]
DELETE x;
