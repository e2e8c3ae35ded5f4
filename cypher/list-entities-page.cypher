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
       // what entityFromList (src/store/neo4j/mapping.ts) reads, as a list, and nothing derived
       [n IN page | [n.key, n.kind, n.name, n.aliases, n.summary, n.mentionSources, n.mentionStarts, n.mentionEnds,
                     n.occupations, n.organisationType, n.productionType, n.locationType, n.eventType, n.date, n.formerKeys]] AS page
