// For each entity, the keys of the entities linked to it (either way) by relationships of $types:
// all a breadth-first step needs, without reading the entities themselves. Each neighbour's key is
// read once, however many relationships lead to it. (Relationships of the domain types only ever
// join two entities, seed.cypher and write-commit.cypher make sure of it, so the far end's label
// is not checked.) Every neighbour is needed: the caller keeps the nearest, then the smallest keys.
UNWIND $keys AS key
MATCH (:Entity {key: key})-[r]-(m)
WHERE type(r) IN $types
WITH DISTINCT key, m
RETURN key AS entityKey, collect(m.key) AS neighbours
