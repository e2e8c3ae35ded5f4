// One page of the audit trail, newest first, and how many changes match in all; only the changes
// that touched $entityKey when it is not null.
MATCH (c:Change)
WHERE $entityKey IS NULL OR $entityKey IN c.entityKeys
WITH c ORDER BY c.seq DESC
WITH collect(c) AS matching
RETURN size(matching) AS totalCount,
       [c IN matching[$offset..($offset + $limit)] | c {.*}] AS page
