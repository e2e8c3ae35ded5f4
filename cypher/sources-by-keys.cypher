// Sources by key; keys that name nothing are simply absent.
UNWIND $keys AS key
MATCH (s:Source {key: key})
RETURN s {.*} AS properties
