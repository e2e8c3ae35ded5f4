/**
 * The five entity object types, named before they are built, so that modules can refer to one
 * another (a Person's credits name a Production, whose credits name a Person).
 */
import type { Entity } from '../../domain/model.js';
import { builder } from '../builder.js';

export const PersonRef = builder.objectRef<Entity>('Person');
export const OrganisationRef = builder.objectRef<Entity>('Organisation');
export const ProductionRef = builder.objectRef<Entity>('Production');
export const LocationRef = builder.objectRef<Entity>('Location');
export const EventRef = builder.objectRef<Entity>('Event');
