// Events in timeline order (timelineKey, see src/domain/timeline.ts) or its exact reverse, one page
// of them ($limit null: all), and how many match. A period filter keeps events whose dates overlap
// [$from, $to]; undated events never do. "Involving" means took part in, or is what it concerns.
// The events are first found from the most selective filter set (the entity involved, the
// production), then every filter is checked, and the matches are sorted: the count needs all of
// them anyway. Neo4jStore sends the other filters elsewhere: none at all to list-events-page.cypher
// (a page is read alone), a period and types alone to list-events-period.cypher (by the dates'
// index); here such a request is still answered right, from every event.
WITH CASE
       WHEN $involving IS NOT NULL THEN 'involving'
       WHEN $production IS NOT NULL THEN 'production'
       ELSE 'all'
     END AS start
// Each branch runs only when its guard holds (the guard comes first, on its own).
CALL {
  WITH start
  WITH start WHERE start = 'involving'
  CALL {
    MATCH (:Entity {key: $involving})-[:PARTICIPATED_IN]->(n:Event)
    RETURN n
    UNION
    MATCH (n:Event)-[:CONCERNS]->(:Entity {key: $involving})
    RETURN n
  }
  RETURN n
  UNION ALL
  WITH start
  WITH start WHERE start = 'production'
  CALL {
    MATCH (n:Event)-[:CONCERNS]->(:Production {key: $production})
    RETURN n
  }
  RETURN n
  UNION ALL
  WITH start
  WITH start WHERE start = 'all'
  CALL {
    MATCH (n:Event)
    RETURN n
  }
  RETURN n
}
WITH start, n
// an event without a type answers "" for eventType (event.ts): the filter matches what the API shows
WHERE ($eventTypes IS NULL OR coalesce(n.eventType, '') IN $eventTypes)
  AND ($from IS NULL OR n.dateLatest >= date($from))
  AND ($to IS NULL OR n.dateEarliest <= date($to))
  // (the events found from the entity involved, or from the production, are known to match it)
  AND ($involving IS NULL OR start = 'involving'
       OR EXISTS { (:Entity {key: $involving})-[:PARTICIPATED_IN]->(n) }
       OR EXISTS { (n)-[:CONCERNS]->(:Entity {key: $involving}) })
  AND ($production IS NULL OR start = 'production'
       OR EXISTS { (n)-[:CONCERNS]->(:Production {key: $production}) })
WITH n ORDER BY n.timelineKey, n.key
WITH collect(n) AS ascending
WITH CASE WHEN $descending THEN reverse(ascending) ELSE ascending END AS matching
// $properties of each, as a list (entityProperties, src/store/neo4j/mapping.ts: what the caller reads, never
// anything derived such as search fields, dates or timelineKey)
RETURN size(matching) AS totalCount,
       [n IN matching[$offset..coalesce($offset + $limit, size(matching))] |
        [p IN $properties | n[p]]] AS page
