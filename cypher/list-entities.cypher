// One page of the entities of a kind, by name then key (the order both stores share), and how
// many match in all. $nameContains is normalised as src/domain/search.ts does; null filters are off.
MATCH (n:Entity {kind: $kind})
WHERE ($keys IS NULL OR n.key IN $keys)
  AND ($nameContains IS NULL OR n.searchName CONTAINS $nameContains)
  AND ($mentionedIn IS NULL OR EXISTS { (:Source {key: $mentionedIn})-[:MENTIONS]->(n) })
WITH n ORDER BY n.name, n.key
WITH collect(n) AS matching
RETURN size(matching) AS totalCount,
       [n IN matching[$offset..($offset + $limit)] | n {.*}] AS page
