// How many entities of one kind (the totalCount of a list).
MATCH (n:Entity {kind: $kind})
RETURN count(n) AS count
