// One change of the audit trail by its number.
MATCH (c:Change {seq: $seq})
RETURN c {.*} AS properties
