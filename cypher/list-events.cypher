// Events in timeline order (timelineKey, see src/domain/timeline.ts) or its exact reverse, one page
// of them ($limit null: all), and how many match. A period filter keeps events whose dates overlap
// [$from, $to]; undated events never do. "Involving" means took part in, or is what it concerns.
MATCH (n:Entity {kind: 'EVENT'})
WHERE ($eventTypes IS NULL OR n.eventType IN $eventTypes)
  AND ($from IS NULL OR n.dateLatest >= date($from))
  AND ($to IS NULL OR n.dateEarliest <= date($to))
  AND ($involving IS NULL
       OR EXISTS { (:Entity {key: $involving})-[:PARTICIPATED_IN]->(n) }
       OR EXISTS { (n)-[:CONCERNS]->(:Entity {key: $involving}) })
  AND ($production IS NULL OR EXISTS { (n)-[:CONCERNS]->(:Production {key: $production}) })
WITH n ORDER BY n.timelineKey, n.key
WITH collect(n) AS ascending
WITH CASE WHEN $descending THEN reverse(ascending) ELSE ascending END AS matching
RETURN size(matching) AS totalCount,
       [n IN matching[$offset..coalesce($offset + $limit, size(matching))] | n {.*}] AS page
