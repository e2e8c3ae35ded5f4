// Events in timeline order (timelineKey, see src/domain/timeline.ts) or its exact reverse, one page
// of them ($limit null: all), and how many match. A period filter keeps events whose dates overlap
// [$from, $to]; undated events never do. "Involving" means took part in, or is what it concerns.
// The events are first found from the most selective filter set (the entity involved, the
// production, the period's dates), then every filter is checked, and the matches are sorted: the
// count needs all of them anyway. (Without any filter, list-events-page.cypher reads only a page.)
WITH CASE
       WHEN $involving IS NOT NULL THEN 'involving'
       WHEN $production IS NOT NULL THEN 'production'
       WHEN $from IS NOT NULL OR $to IS NOT NULL THEN 'period'
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
  // By the event_dates index. A partial date's period lies within one calendar year (src/domain/
  // partialDate.ts), so an event that ends on or after $from begins on or after 1 January of its year.
  WITH start
  WITH start WHERE start = 'period'
  CALL {
    MATCH (n:Event)
    WHERE n.dateEarliest >= CASE WHEN $from IS NULL THEN date('-999999999-01-01')
                                 ELSE date.truncate('year', date($from)) END
      AND n.dateEarliest <= coalesce(date($to), date('+999999999-12-31'))
      AND n.dateLatest >= coalesce(date($from), date('-999999999-01-01'))
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
