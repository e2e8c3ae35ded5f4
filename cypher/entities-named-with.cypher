// Entities whose normalised name or an alias has one of $words as a whole word: where ingest looks
// for what a new text may name. Each word is a CONTAINS seek of the entity_search_text index
// (schema.cypher); the whole-word test then drops "hutchinson" for "hutchins".
UNWIND $words AS word
MATCH (n:Entity)
WHERE n.searchText CONTAINS word
WITH DISTINCT n
WHERE any(name IN [n.searchName] + coalesce(n.searchAliases, []) WHERE any(w IN split(name, ' ') WHERE w IN $words))
RETURN n {.key, .kind, .name, .aliases, .summary, .mentionSources, .mentionStarts, .mentionEnds, .occupations,
          .organisationType, .productionType, .locationType, .eventType, .date, .formerKeys} AS properties
ORDER BY n.key
LIMIT $limit
