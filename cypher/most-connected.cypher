// The entities with the most relationships of the domain types (src/domain/kinds.ts, both
// directions; never MENTIONS), most first, ties by name, then key: the explorer's way into a large
// case. Each COUNT is a typed pattern from one node, which the planner answers from the node's
// degree (GetDegree) without reading any relationship; a relationship to itself counts once. The
// sort keeps only the top $limit rows as it goes (Top), so 100,000 entities never sort whole.
// neo4jStore.ts checks that this list names every domain type.
MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds
WITH n, COUNT { (n)-[:WORKED_ON|REPRESENTS|PARTICIPATED_IN|OCCURRED_AT|CONCERNS|FILMED_AT|LOCATED_IN|HAS_JURISDICTION|LED_TO]-() } AS degree
ORDER BY degree DESC, n.name, n.key
LIMIT $limit
// only what entityFromList (src/store/neo4j/mapping.ts) reads, as a list
RETURN degree,
       [n.key, n.kind, n.name, n.aliases, n.summary, n.mentionSources, n.mentionStarts, n.mentionEnds,
        n.occupations, n.organisationType, n.productionType, n.locationType, n.eventType, n.date, n.formerKeys] AS entity
