/**
 * Introspection on or off. Off (for production), the schema is not described to strangers, and
 * validation errors stop suggesting field names ("Did you mean ...?"), which would describe it too:
 * Yoga's own plugin refuses introspection, GraphQL Armor's hides the suggestions.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';

export function introspectionPolicy(enabled: boolean): Plugin[] {
  return enabled ? [] : [useDisableIntrospection(), blockFieldSuggestionsPlugin({ mask: '' })];
}
