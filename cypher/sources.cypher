// Every source, by key.
MATCH (s:Source)
RETURN s {.*} AS properties
ORDER BY s.key
