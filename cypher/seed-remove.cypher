// Removes what the case files no longer contain (computed from seed-inventory.cypher).
UNWIND $staleLinkIds AS id
MATCH ()-[r]->() WHERE elementId(r) = id
DELETE r;

UNWIND $staleEntityKeys AS key
MATCH (n:Entity {key: key})
DETACH DELETE n;

UNWIND $staleDraftKeys AS key
MATCH (d:Draft {sourceKey: key})
DELETE d;

UNWIND $staleSourceKeys AS key
MATCH (n:Source {key: key})
DETACH DELETE n;
