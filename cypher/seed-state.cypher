// What a database holds before seeding: whether it holds a graph at all, and the last change
// recorded in it (editors' writes), so that seeding never silently discards writes not yet dumped.
OPTIONAL MATCH (s:Source)
WITH count(s) AS sources
OPTIONAL MATCH (c:Change)
RETURN sources, coalesce(max(c.seq), 0) AS lastChange
