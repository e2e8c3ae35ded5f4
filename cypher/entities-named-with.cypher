// Entities whose normalised name or an alias has one of $words as a whole word: where ingest looks
// for what a new text may name. Each word is a CONTAINS seek of the entity_search_text index
// (schema.cypher); the whole-word test then drops "hutchinson" for "hutchins".
UNWIND $words AS word
MATCH (n:Entity)
WHERE n.searchText CONTAINS word
WITH DISTINCT n
WHERE any(name IN [n.searchName] + coalesce(n.searchAliases, []) WHERE any(w IN split(name, ' ') WHERE w IN $words))
RETURN [n.key, n.kind, n.name, n.aliases, n.summary, n.mentionSources, n.mentionStarts, n.mentionEnds,
        n.occupations, n.organisationType, n.productionType, n.locationType, n.eventType, n.date, n.formerKeys] AS entity
ORDER BY n.key
LIMIT $limit
