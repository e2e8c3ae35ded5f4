// One page of all the entities of a kind, by name then key, and how many there are: what
// list-entities.cypher answers when no filter is set, without reading the rest of the kind. The
// entity_kind_name_key index (schema.cypher) gives the page's entries in order ($offset + $limit
// of them are read), and the count store of the kind's label gives the count.
MATCH (n:Entity)
WHERE n.kind = $kind AND n.name IS NOT NULL AND n.key IS NOT NULL
WITH n ORDER BY n.kind, n.name, n.key SKIP $offset LIMIT $limit
WITH collect(n) AS page
RETURN CASE $kind
         WHEN 'PERSON' THEN COUNT { (:Person) }
         WHEN 'ORGANISATION' THEN COUNT { (:Organisation) }
         WHEN 'PRODUCTION' THEN COUNT { (:Production) }
         WHEN 'LOCATION' THEN COUNT { (:Location) }
         WHEN 'EVENT' THEN COUNT { (:Event) }
         ELSE 0
       END AS totalCount,
       // $properties of each, as a list (entityProperties, src/store/neo4j/mapping.ts), nothing derived
       [n IN page | [p IN $properties | n[p]]] AS page
