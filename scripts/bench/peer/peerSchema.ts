/**
 * The peer of issue 11: the Neo4j GraphQL Library (@neo4j/graphql 7) over this project's graph,
 * unchanged. Each kind is a node type on its labels (`:Person:Entity`, ...); each relationship
 * type is a field per direction, typed by the kinds the domain allows at its far end
 * (src/domain/kinds.ts), the `Entity` interface where several may stand there. `Claim` holds what a
 * relationship carries: its key, its role and its evidence, as seed.cypher stores them.
 * Writes and subscriptions are left out: the benchmark only reads.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  extend schema @mutation(operations: []) @subscription(events: [])

  interface Entity {
    key: String!
    name: String!
    kind: String!
    aliases: [String!]
    summary: String
  }

  type Claim @relationshipProperties {
    key: String!
    role: String
    evidenceSources: [String!]
    evidenceStarts: [Int!]
    evidenceEnds: [Int!]
    evidenceModalities: [String!]
    evidenceAssertedBy: [String!]
  }

  type Person implements Entity @node(labels: ["Person", "Entity"]) {
    key: String!
    name: String!
    kind: String!
    aliases: [String!]
    summary: String
    occupations: [String!]
    workedOn: [Production!]! @relationship(type: "WORKED_ON", direction: OUT, properties: "Claim")
    participatedIn: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Claim")
    represents: [Entity!]! @relationship(type: "REPRESENTS", direction: OUT, properties: "Claim")
    representedBy: [Entity!]! @relationship(type: "REPRESENTS", direction: IN, properties: "Claim")
    concernedBy: [Event!]! @relationship(type: "CONCERNS", direction: IN, properties: "Claim")
  }

  type Organisation implements Entity @node(labels: ["Organisation", "Entity"]) {
    key: String!
    name: String!
    kind: String!
    aliases: [String!]
    summary: String
    organisationType: String
    represents: [Entity!]! @relationship(type: "REPRESENTS", direction: OUT, properties: "Claim")
    representedBy: [Entity!]! @relationship(type: "REPRESENTS", direction: IN, properties: "Claim")
    participatedIn: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Claim")
    concernedBy: [Event!]! @relationship(type: "CONCERNS", direction: IN, properties: "Claim")
    jurisdiction: [Location!]! @relationship(type: "HAS_JURISDICTION", direction: OUT, properties: "Claim")
    locatedIn: [Location!]! @relationship(type: "LOCATED_IN", direction: OUT, properties: "Claim")
  }

  type Production implements Entity @node(labels: ["Production", "Entity"]) {
    key: String!
    name: String!
    kind: String!
    aliases: [String!]
    summary: String
    productionType: String
    credits: [Person!]! @relationship(type: "WORKED_ON", direction: IN, properties: "Claim")
    concernedBy: [Event!]! @relationship(type: "CONCERNS", direction: IN, properties: "Claim")
    filmedAt: [Location!]! @relationship(type: "FILMED_AT", direction: OUT, properties: "Claim")
  }

  type Location implements Entity @node(labels: ["Location", "Entity"]) {
    key: String!
    name: String!
    kind: String!
    aliases: [String!]
    summary: String
    locationType: String
    locatedIn: [Location!]! @relationship(type: "LOCATED_IN", direction: OUT, properties: "Claim")
    contains: [Entity!]! @relationship(type: "LOCATED_IN", direction: IN, properties: "Claim")
    events: [Event!]! @relationship(type: "OCCURRED_AT", direction: IN, properties: "Claim")
    filmedHere: [Production!]! @relationship(type: "FILMED_AT", direction: IN, properties: "Claim")
    jurisdictionOf: [Organisation!]! @relationship(type: "HAS_JURISDICTION", direction: IN, properties: "Claim")
  }

  type Event implements Entity @node(labels: ["Event", "Entity"]) {
    key: String!
    name: String!
    kind: String!
    aliases: [String!]
    summary: String
    eventType: String
    participants: [Entity!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Claim")
    occurredAt: [Location!]! @relationship(type: "OCCURRED_AT", direction: OUT, properties: "Claim")
    concerns: [Entity!]! @relationship(type: "CONCERNS", direction: OUT, properties: "Claim")
    ledTo: [Event!]! @relationship(type: "LED_TO", direction: OUT, properties: "Claim")
    causes: [Event!]! @relationship(type: "LED_TO", direction: IN, properties: "Claim")
  }
`;
