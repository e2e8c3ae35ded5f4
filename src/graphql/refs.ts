/**
 * Every object and interface type of the schema, named before any is built. Type modules import
 * their neighbours from here, never from one another, so that a Person's credits can name a
 * Production whose credits name a Person without a circle of imports.
 */
import type { Change } from '../domain/changes.js';
import type { Entity, Evidence, Relationship, Source } from '../domain/model.js';
import { builder } from './builder.js';

export const EntityRef = builder.interfaceRef<Entity>('Entity');
export const PersonRef = builder.objectRef<Entity>('Person');
export const OrganisationRef = builder.objectRef<Entity>('Organisation');
export const ProductionRef = builder.objectRef<Entity>('Production');
export const LocationRef = builder.objectRef<Entity>('Location');
export const EventRef = builder.objectRef<Entity>('Event');

export const RelationshipRef = builder.objectRef<Relationship>('Relationship');
/** A WORKED_ON relationship, read as a person's work on a production. */
export const CreditRef = builder.objectRef<Relationship>('Credit');
/** A PARTICIPATED_IN relationship, read as an entity's part in an event. */
export const ParticipationRef = builder.objectRef<Relationship>('Participation');
export const EvidenceRef = builder.objectRef<Evidence>('Evidence');
export const SourceRef = builder.objectRef<Source>('Source');
/** One entry of the audit trail: a write, who made it, when, why, and what it touched. */
export const ChangeRef = builder.objectRef<Change>('Change');
