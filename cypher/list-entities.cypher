// One page of the entities of a kind, by name then key (the order both stores share), and how
// many match in all. $nameContains is normalised as src/domain/search.ts does; null filters are off.
// The entity_kind_name_key index (schema.cypher) holds each kind's entities in exactly that order,
// so one pass over the kind's entries, nothing sorted, keeps the matches for both the count and
// the page. (Without any filter, list-entities-page.cypher reads only the page.)
MATCH (n:Entity)
WHERE n.kind = $kind AND n.name IS NOT NULL AND n.key IS NOT NULL
  AND ($keys IS NULL OR n.key IN $keys)
  AND ($nameContains IS NULL OR n.searchName CONTAINS $nameContains)
  AND ($mentionedIn IS NULL OR $mentionedIn IN n.mentionSources)
WITH n ORDER BY n.kind, n.name, n.key
WITH collect(n) AS matching
// $properties of each, as a list (entityProperties, src/store/neo4j/mapping.ts: what the caller reads, never
// anything derived such as search fields, dates or timelineKey)
RETURN size(matching) AS totalCount,
       [n IN matching[$offset..($offset + $limit)] |
        [p IN $properties | n[p]]] AS page
