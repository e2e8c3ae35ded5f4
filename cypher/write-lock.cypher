// The first statement of every write: takes the graph's one write lock (held until the transaction
// ends, so writes run one at a time) and counts the change this write will record. A write that
// fails rolls back, the count with it, so change numbers stay gapless. MATCH then SET takes the
// lock exclusive at once: MERGE would first take it shared, and two writes each upgrading their
// shared lock deadlock. (No lock node yet: write-lock-create.cypher makes it, once.)
MATCH (l:WriteLock {key: 'graph'})
SET l.seq = coalesce(l.seq, 0) + 1
RETURN l.seq AS seq
