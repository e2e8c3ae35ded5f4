// The changes after $seq that touched any of $keys, oldest first (what a later change built on).
MATCH (c:Change)
WHERE c.seq > $seq AND any(key IN c.entityKeys WHERE key IN $keys)
RETURN c {.*} AS properties
ORDER BY c.seq
