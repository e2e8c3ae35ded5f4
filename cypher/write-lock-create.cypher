// The graph's write lock, made by the first write to a database that has none (see write-lock.cypher;
// the uniqueness constraint on WriteLock.key keeps two first writes from making one each).
MERGE (l:WriteLock {key: 'graph'})
SET l.seq = coalesce(l.seq, 0) + 1
RETURN l.seq AS seq
