// Every relationship (of the domain $types) touching any of these entities, either way, each once.
UNWIND $keys AS key
MATCH (:Entity {key: key})-[r]-(:Entity)
WHERE type(r) IN $types
WITH DISTINCT r
RETURN r {.*, type: type(r), from: startNode(r).key, to: endNode(r).key} AS relationship
ORDER BY r.key
