// Search: the entity_search_text index (schema.cypher) finds every entity whose normalised names
// and aliases, joined by "|", contain $text (normalised, so it holds no "|"; Neo4jStore.search
// answers nothing for a text that does); the tiers below rank them exactly as src/domain/search.ts
// does: 0 exact name, 1 exact alias, 2 prefix, 3 start of a word, 4 anywhere. Then name, key.
// The tiers are read from searchText alone, "name|alias|alias": the name is its first part, and a
// $text without "|" can only match within one part. Reading searchName and searchAliases and
// building a list per match instead cost Neo4j a third more on 1,111 matches (docs/PLANS.md).
MATCH (n:Entity)
WHERE n.searchText CONTAINS $text AND ($kinds IS NULL OR n.kind IN $kinds)
WITH n, n.searchText AS names
WITH n, CASE
  WHEN names = $text OR names STARTS WITH $text + '|' THEN 0
  WHEN names + '|' CONTAINS '|' + $text + '|' THEN 1
  WHEN names STARTS WITH $text OR names CONTAINS '|' + $text THEN 2
  WHEN names CONTAINS ' ' + $text THEN 3
  ELSE 4
END AS tier
// $properties, as a list (entityProperties, src/store/neo4j/mapping.ts): the search fields rank, they are not returned
RETURN tier,
       [p IN $properties | n[p]] AS entity
ORDER BY tier, n.name, n.key
LIMIT $limit
