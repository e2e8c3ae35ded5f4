// For each entity, the keys of the entities linked to it (either way) by relationships of $types:
// all a breadth-first step needs, without reading the entities themselves.
UNWIND $keys AS key
MATCH (:Entity {key: key})-[r]-(m:Entity)
WHERE type(r) IN $types
RETURN key AS entityKey, collect(DISTINCT m.key) AS neighbours
