// Entities by key (mentions are on the node); keys that name nothing are simply absent.
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN n {.*} AS properties
