// The case graph's schema: one node per key per label, and a full-text index over what people
// search by (names and aliases). Every statement is idempotent, so `npm run seed` runs it each time.
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organisation_key IF NOT EXISTS FOR (n:Organisation) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT production_key IF NOT EXISTS FOR (n:Production) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT location_key IF NOT EXISTS FOR (n:Location) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT event_key IF NOT EXISTS FOR (n:Event) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE;
// The audit trail: one change per number. The write lock is one node: without the constraint, two
// first writes could each MERGE their own and run at once.
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (n:Change) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT write_lock_key IF NOT EXISTS FOR (n:WriteLock) REQUIRE n.key IS UNIQUE;
// Entity lists are read per kind in name order; analysts search names in Neo4j Browser with entity_names.
CREATE INDEX entity_kind_name IF NOT EXISTS FOR (n:Entity) ON (n.kind, n.name);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
// What the API's search reads: names and aliases normalised (case, accents, apostrophes folded; see
// src/domain/search.ts), each kept whole (keyword analyzer) so that a *wildcard* finds any substring.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchNames]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
// Events are read in timeline order.
CREATE INDEX event_timeline IF NOT EXISTS FOR (n:Entity) ON (n.timelineKey);
// Seeding waits until every index is online, so that the API's first reads use them.
CALL db.awaitIndexes(300);
