// For each key: the entity that has it as its key now (current), and the entity it was merged
// into, whose formerKeys hold it (survivor); null where there is none.
UNWIND $keys AS key
OPTIONAL MATCH (current:Entity {key: key})
OPTIONAL MATCH (merged:Entity) WHERE key IN merged.formerKeys
RETURN key, current.key AS current, min(merged.key) AS survivor
