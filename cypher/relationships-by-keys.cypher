// Relationships by key; keys that name nothing are simply absent.
UNWIND $keys AS key
MATCH (:Entity)-[r {key: key}]->(:Entity)
WHERE type(r) IN $types
RETURN r {.*, type: type(r), from: startNode(r).key, to: endNode(r).key} AS relationship
