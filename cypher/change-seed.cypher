// Seeding loads the audit trail of the case folders (changes.jsonl) with the graph: the changes
// given, by number, and no others; the write lock's count continues from the last of them.
UNWIND $changes AS c
MERGE (n:Change {seq: c.seq})
SET n = c;

MATCH (n:Change)
WHERE NOT n.seq IN $changeSeqs
DELETE n;

MERGE (l:WriteLock {key: 'graph'})
SET l.seq = $lastSeq;
