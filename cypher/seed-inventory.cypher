// What the database holds now, by identity, so that seeding can remove what the case files no
// longer contain: entities and sources by key; links (mentions, relationships) by their ends, type
// and key, with the element id to delete them by.
MATCH (n:Entity) RETURN 'entity' AS what, n.key AS identity, null AS id
UNION ALL
MATCH (n:Source) RETURN 'source' AS what, n.key AS identity, null AS id
UNION ALL
MATCH (d:Draft) RETURN 'draft' AS what, d.sourceKey AS identity, null AS id
UNION ALL
MATCH (s:Source)-[r:MENTIONS]->(n:Entity) RETURN 'link' AS what, 'MENTIONS ' + s.key + ' ' + n.key AS identity, elementId(r) AS id
UNION ALL
MATCH (a:Entity)-[x]->(b:Entity)
RETURN 'link' AS what, type(x) + ' ' + a.key + ' ' + coalesce(x.key, '') + ' ' + b.key AS identity, elementId(x) AS id
