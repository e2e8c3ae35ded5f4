// Every relationship (of the domain $types) touching any of these entities, either way, each once.
UNWIND $keys AS key
MATCH (:Entity {key: key})-[r]-(:Entity)
WHERE type(r) IN $types
WITH DISTINCT r
RETURN [r.key, r.role, r.evidenceSources, r.evidenceStarts, r.evidenceEnds, r.evidenceModalities, r.evidenceAssertedBy,
        type(r), startNode(r).key, endNode(r).key] AS relationship
ORDER BY r.key
