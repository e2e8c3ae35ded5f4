// One page of the entities of a kind whose name contains $nameContains, by name then key, and how
// many match in all: list-entities.cypher when a name filter is set. The entity_search_text index
// (schema.cypher) finds the candidates of every kind, where list-entities.cypher reads every entity
// of the kind: 596 db hits instead of 9,041 for "son 12" among 4,500 people (docs/PLANS.md). A
// string that most names of every kind hold reads the whole index, up to twice what the other reads.
// searchText holds the aliases too, so searchName then keeps the names. $nameContains is normalised
// as src/domain/search.ts does; other null filters are off.
MATCH (n:Entity)
WHERE n.searchText CONTAINS $nameContains AND n.searchName CONTAINS $nameContains
  AND n.kind = $kind AND n.name IS NOT NULL AND n.key IS NOT NULL
  AND ($keys IS NULL OR n.key IN $keys)
  AND ($mentionedIn IS NULL OR $mentionedIn IN n.mentionSources)
WITH n ORDER BY n.name, n.key
WITH collect(n) AS matching
// $properties of each, as a list (entityProperties, src/store/neo4j/mapping.ts: what the caller reads, never
// anything derived such as search fields, dates or timelineKey)
RETURN size(matching) AS totalCount,
       [n IN matching[$offset..($offset + $limit)] |
        [p IN $properties | n[p]]] AS page
