// One page of all the events, in timeline order or its exact reverse, and how many there are:
// what list-events.cypher answers when no filter is set and a page is asked, without reading the
// other events. The event_timeline_key index (schema.cypher) gives the page's entries in order,
// forwards or backwards ($offset + $limit of them are read); the count store gives the count.
CALL {
  WITH $descending AS descending
  WITH descending WHERE NOT descending
  CALL {
    MATCH (n:Event)
    WHERE n.timelineKey IS NOT NULL AND n.key IS NOT NULL
    WITH n ORDER BY n.timelineKey, n.key SKIP $offset LIMIT $limit
    RETURN collect(n) AS page
  }
  RETURN page
  UNION ALL
  WITH $descending AS descending
  WITH descending WHERE descending
  CALL {
    MATCH (n:Event)
    WHERE n.timelineKey IS NOT NULL AND n.key IS NOT NULL
    WITH n ORDER BY n.timelineKey DESC, n.key DESC SKIP $offset LIMIT $limit
    RETURN collect(n) AS page
  }
  RETURN page
}
// $properties of each, as a list (entityProperties, src/store/neo4j/mapping.ts: what the caller reads, never
// anything derived such as search fields, dates or timelineKey)
RETURN COUNT { (:Event) } AS totalCount,
       [n IN page | [p IN $properties | n[p]]] AS page
