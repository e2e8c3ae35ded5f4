// The last statement of a write that recorded no change (or of a dump, which takes the lock only
// to read a consistent graph): gives back the change number write-lock.cypher counted.
MATCH (l:WriteLock {key: 'graph'})
SET l.seq = l.seq - 1
