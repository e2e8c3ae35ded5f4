// The events of a period, in timeline order or its exact reverse, one page of them ($limit null:
// all), and how many match: what list-events.cypher answers when the only filters are the period
// and the event types (the timeline), as one index read with no branches. The event_dates index
// (schema.cypher) finds them: a partial date's period lies within one calendar year (src/domain/
// partialDate.ts), so an event that ends on or after $from begins on or after 1 January of its year.
// As a guarded branch of list-events.cypher it cost Neo4j a third more on a year of 600 events
// (docs/PLANS.md).
MATCH (n:Event)
WHERE n.dateEarliest >= CASE WHEN $from IS NULL THEN date('-999999999-01-01')
                             ELSE date.truncate('year', date($from)) END
  AND n.dateEarliest <= coalesce(date($to), date('+999999999-12-31'))
  AND n.dateLatest >= coalesce(date($from), date('-999999999-01-01'))
  // an event without a type answers "" for eventType (event.ts): the filter matches what the API shows
  AND ($eventTypes IS NULL OR coalesce(n.eventType, '') IN $eventTypes)
WITH n ORDER BY n.timelineKey, n.key
WITH collect(n) AS ascending
WITH CASE WHEN $descending THEN reverse(ascending) ELSE ascending END AS matching
// $properties of each, as a list (entityProperties, src/store/neo4j/mapping.ts)
RETURN size(matching) AS totalCount,
       [n IN matching[$offset..coalesce($offset + $limit, size(matching))] |
        [p IN $properties | n[p]]] AS page
