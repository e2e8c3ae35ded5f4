// Every relationship of each entity, in both directions, with the entity at its other end
// ($types: the domain types, so that structural relationships such as MENTIONS never surface).
UNWIND $keys AS key
MATCH (n:Entity {key: key})-[r]-(other:Entity)
WHERE type(r) IN $types
RETURN key AS entityKey,
       r {.*, type: type(r), from: startNode(r).key, to: endNode(r).key} AS relationship,
       other {.*} AS properties
