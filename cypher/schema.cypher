// The case graph's schema: one node per key per label, and a full-text index over what people
// search by (names and aliases). Every statement is idempotent, so `npm run seed` runs it each time.
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organisation_key IF NOT EXISTS FOR (n:Organisation) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT production_key IF NOT EXISTS FOR (n:Production) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT location_key IF NOT EXISTS FOR (n:Location) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT event_key IF NOT EXISTS FOR (n:Event) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE;
// A source's draft (what ingest suggests for it): one per source.
CREATE CONSTRAINT draft_source_key IF NOT EXISTS FOR (n:Draft) REQUIRE n.sourceKey IS UNIQUE;
// The audit trail: one change per number. The write lock is one node: without the constraint, two
// first writes could each MERGE their own and run at once.
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (n:Change) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT write_lock_key IF NOT EXISTS FOR (n:WriteLock) REQUIRE n.key IS UNIQUE;
// Entity lists are read per kind in name, then key order (list-entities.cypher): this index holds
// them in that order, so a page reads its own entries and nothing is sorted. It replaces the
// (kind, name) index of earlier versions. Analysts search names in Neo4j Browser with entity_names.
DROP INDEX entity_kind_name IF EXISTS;
CREATE INDEX entity_kind_name_key IF NOT EXISTS FOR (n:Entity) ON (n.kind, n.name, n.key);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
// What the API's search reads (search.cypher): names and aliases normalised (case, accents,
// apostrophes folded; see src/domain/search.ts), joined by "|", which normalised text never holds,
// in a text index, whose trigrams find any substring without reading every name. It replaces the
// full-text index of earlier versions, whose *wildcard* query read every term of the index.
DROP INDEX entity_search IF EXISTS;
CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.searchText);
// a graph seeded by an earlier version gets its searchText here (seed.ts writes it for new ones)
MATCH (n:Entity) WHERE n.searchText IS NULL AND n.searchName IS NOT NULL
SET n.searchText = reduce(text = n.searchName, alias IN coalesce(n.searchAliases, []) | text + '|' + alias),
    n.searchNames = null;
// Events are read in timeline order, or its exact reverse (list-events.cypher): this index holds
// them in that order both ways. It replaces the :Entity(timelineKey) index of earlier versions.
DROP INDEX event_timeline IF EXISTS;
CREATE INDEX event_timeline_key IF NOT EXISTS FOR (n:Event) ON (n.timelineKey, n.key);
// A period filter finds its events by date: every event of a period begins less than a year before
// its end (partial dates are a year, a month or a day), so an event overlapping [from, to] begins in
// [from - 1 year, to]; the index then gives each one's last day without reading the node.
CREATE INDEX event_dates IF NOT EXISTS FOR (n:Event) ON (n.dateEarliest, n.dateLatest);
// Relationships by key (relationships-by-keys.cypher): an index per domain type, since Neo4j
// indexes relationships per type. Keys are unique across types.
CREATE INDEX worked_on_key IF NOT EXISTS FOR ()-[r:WORKED_ON]-() ON (r.key);
CREATE INDEX represents_key IF NOT EXISTS FOR ()-[r:REPRESENTS]-() ON (r.key);
CREATE INDEX participated_in_key IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.key);
CREATE INDEX occurred_at_key IF NOT EXISTS FOR ()-[r:OCCURRED_AT]-() ON (r.key);
CREATE INDEX concerns_key IF NOT EXISTS FOR ()-[r:CONCERNS]-() ON (r.key);
CREATE INDEX filmed_at_key IF NOT EXISTS FOR ()-[r:FILMED_AT]-() ON (r.key);
CREATE INDEX located_in_key IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.key);
CREATE INDEX has_jurisdiction_key IF NOT EXISTS FOR ()-[r:HAS_JURISDICTION]-() ON (r.key);
CREATE INDEX led_to_key IF NOT EXISTS FOR ()-[r:LED_TO]-() ON (r.key);
// Seeding waits until every index is online, so that the API's first reads use them.
CALL db.awaitIndexes(300);
