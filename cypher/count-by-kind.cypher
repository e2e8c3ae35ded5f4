// How many entities of each kind, from the count store of each kind's label (no node is read);
// every entity has the label of its kind (seed.cypher, write-commit.cypher).
UNWIND [['PERSON', COUNT { (:Person) }], ['ORGANISATION', COUNT { (:Organisation) }],
        ['PRODUCTION', COUNT { (:Production) }], ['LOCATION', COUNT { (:Location) }],
        ['EVENT', COUNT { (:Event) }]] AS count
RETURN count[0] AS kind, count[1] AS count
