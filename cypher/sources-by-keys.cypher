// Sources by key; keys that name nothing are simply absent (what toSource in src/store/neo4j/mapping.ts reads).
UNWIND $keys AS key
MATCH (s:Source {key: key})
RETURN s {.key, .caseKey, .title, .publisher, .url, .published, .text} AS properties
