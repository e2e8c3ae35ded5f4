// Search: the entity_search_text index (schema.cypher) finds every entity whose normalised names
// and aliases, joined by "|", contain $text (normalised, so it holds no "|"); the tiers below rank
// them exactly as src/domain/search.ts does: 0 exact name, 1 exact alias, 2 prefix, 3 start of a
// word, 4 anywhere. Then name, key.
MATCH (n:Entity)
WHERE n.searchText CONTAINS $text AND ($kinds IS NULL OR n.kind IN $kinds)
WITH n, [n.searchName] + coalesce(n.searchAliases, []) AS names
WITH n, CASE
  WHEN n.searchName = $text THEN 0
  WHEN $text IN coalesce(n.searchAliases, []) THEN 1
  WHEN any(s IN names WHERE s STARTS WITH $text) THEN 2
  WHEN any(s IN names WHERE s CONTAINS ' ' + $text) THEN 3
  WHEN any(s IN names WHERE s CONTAINS $text) THEN 4
END AS tier
WHERE tier IS NOT NULL
// $properties, as a list (entityProperties, src/store/neo4j/mapping.ts): the search fields rank, they are not returned
RETURN tier,
       [p IN $properties | n[p]] AS entity
ORDER BY tier, n.name, n.key
LIMIT $limit
