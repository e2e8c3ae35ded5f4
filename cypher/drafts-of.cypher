// Each source's draft (what a reading of it suggests, as JSON text: src/domain/suggestions.ts);
// keys that name no draft are simply absent.
UNWIND $keys AS key
MATCH (d:Draft {sourceKey: key})
RETURN key, d.json AS json
