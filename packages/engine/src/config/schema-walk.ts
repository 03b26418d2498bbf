/**
 * @module Walks the integration JSON Schema alongside a document: for every node the schema describes, which
 * (sub)schema applies there. Discriminated unions are narrowed to the variant the node's `type:` names. The
 * semantic pass finds expressions (`x-jsonata`), templates (`x-template`) and allowed keys this way rather than
 * through hand-kept lists, so a new field in the schema is checked without touching the loader.
 */
import { childPointer } from './json-pointer.js';
import { isPlainObject } from './plain-object.js';

export type JsonSchema = Record<string, unknown>;

export interface SchemaVisit {
  pointer: string;
  value: unknown;
  schema: JsonSchema;
}

const patterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(source, 'u');
    patterns.set(source, re);
  }
  return re;
}

/** The variants of a discriminated union, by the value of their tag (`type`). */
export function unionVariants(schema: JsonSchema): Map<string, JsonSchema> | undefined {
  const discriminator = schema['discriminator'];
  const oneOf = schema['oneOf'];
  if (!isPlainObject(discriminator) || !Array.isArray(oneOf)) return undefined;
  const tag = String(discriminator['propertyName']);
  const variants = new Map<string, JsonSchema>();
  for (const variant of oneOf) {
    const properties = isPlainObject(variant) ? variant['properties'] : undefined;
    const tagSchema = isPlainObject(properties) ? properties[tag] : undefined;
    if (isPlainObject(tagSchema) && typeof tagSchema['const'] === 'string') {
      variants.set(tagSchema['const'], variant as JsonSchema);
    }
  }
  return variants;
}

function fitsType(type: unknown, value: unknown): boolean {
  switch (type) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

/**
 * The schema that applies to `value`: a union narrowed by its tag (the union itself when the tag is unknown); a
 * plain `anyOf` narrowed to the first branch whose type fits the value.
 */
export function narrow(schema: JsonSchema, value: unknown): JsonSchema {
  const anyOf = schema['anyOf'];
  if (Array.isArray(anyOf)) {
    const branch = anyOf.find((b) => isPlainObject(b) && fitsType(b['type'], value));
    if (isPlainObject(branch)) return narrow(branch, value);
  }
  const variants = unionVariants(schema);
  if (!variants || !isPlainObject(value)) return schema;
  const discriminator = schema['discriminator'] as JsonSchema;
  const tag = value[String(discriminator['propertyName'])];
  return (typeof tag === 'string' && variants.get(tag)) || schema;
}

/** The keys a (narrowed) object schema names explicitly. */
export function allowedKeys(schema: JsonSchema): string[] {
  const properties = schema['properties'];
  return isPlainObject(properties) ? Object.keys(properties) : [];
}

/** The name patterns of a map whose keys are names (`resources`, `connection`, `pagination`). */
export function namePatterns(schema: JsonSchema): string[] {
  const patternProperties = schema['patternProperties'];
  return isPlainObject(patternProperties) ? Object.keys(patternProperties) : [];
}

function childSchema(schema: JsonSchema, key: string): JsonSchema | undefined {
  const properties = schema['properties'];
  if (isPlainObject(properties) && Object.hasOwn(properties, key)) return properties[key] as JsonSchema;
  const patternProperties = schema['patternProperties'];
  if (isPlainObject(patternProperties)) {
    for (const [source, sub] of Object.entries(patternProperties)) {
      if (pattern(source).test(key)) return sub as JsonSchema;
    }
  }
  const additional = schema['additionalProperties'];
  return isPlainObject(additional) ? additional : undefined;
}

/**
 * Every node of `value` the schema has something to say about, parents before children. Nodes the schema does
 * not describe (unknown keys) are not visited; the walk is bounded by the schema's depth, so aliased cycles in
 * the document cannot make it loop.
 */
export function walkSchema(root: JsonSchema, value: unknown): SchemaVisit[] {
  const visits: SchemaVisit[] = [];
  const visit = (schema: JsonSchema, node: unknown, pointer: string) => {
    const narrowed = narrow(schema, node);
    visits.push({ pointer, value: node, schema: narrowed });
    if (Array.isArray(node)) {
      const items = narrowed['items'];
      if (isPlainObject(items)) {
        node.forEach((item, index) => {
          visit(items, item, childPointer(pointer, index));
        });
      }
    } else if (isPlainObject(node)) {
      for (const [key, child] of Object.entries(node)) {
        const sub = childSchema(narrowed, key);
        if (sub) visit(sub, child, childPointer(pointer, key));
      }
    }
  };
  visit(root, value, '');
  return visits;
}
