// Every source, by key (what toSource in src/store/neo4j/mapping.ts reads).
MATCH (s:Source)
RETURN s {.key, .caseKey, .title, .publisher, .url, .published, .text} AS properties
ORDER BY s.key
