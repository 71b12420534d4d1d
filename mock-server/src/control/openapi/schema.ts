/**
 * JSON Schema (2020-12, the dialect of OpenAPI 3.1) as plain data, and the few builders the
 * control surface's document is written with. Pure: no state, no Express.
 */

/** A JSON Schema object. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** `#/components/schemas/<name>`. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** A string, non-empty unless `minLength` says otherwise. */
export const str = (extra: Record<string, unknown> = {}): JsonSchema => ({
  type: 'string',
  minLength: 1,
  ...extra,
});

/** Any string, the empty one included. */
export const anyStr: JsonSchema = { type: 'string' };

/** An integer within `[min, max]` (either bound optional). */
export const int = (min?: number, max?: number): JsonSchema => ({
  type: 'integer',
  ...(min === undefined ? {} : { minimum: min }),
  ...(max === undefined ? {} : { maximum: max }),
});

/** A boolean. */
export const bool: JsonSchema = { type: 'boolean' };

/** Exactly `value`. */
export const constant = (value: unknown): JsonSchema => ({ const: value });

/** One of `values`. */
export const oneOfValues = (values: readonly unknown[]): JsonSchema => ({ enum: [...values] });

/** `schema` or null. */
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

/** An array of `items`, optionally bounded. */
export const arrayOf = (items: JsonSchema, minItems?: number, maxItems?: number): JsonSchema => ({
  type: 'array',
  items,
  ...(minItems === undefined ? {} : { minItems }),
  ...(maxItems === undefined ? {} : { maxItems }),
});

/** An object whose values are all `values` (a map keyed by strings). */
export const mapOf = (values: JsonSchema): JsonSchema => ({
  type: 'object',
  additionalProperties: values,
});

/** Any JSON object. */
export const anyObject: JsonSchema = { type: 'object' };

/** A list of `[key, value]` pairs, as the state document keeps its tables. */
export const pairsOf = (value: JsonSchema): JsonSchema =>
  arrayOf({ type: 'array', prefixItems: [anyStr, value], minItems: 2, maxItems: 2 });

/**
 * An object of exactly `properties` (no others): every one required but those in `optional`.
 * The shape of every fixed answer, so a field added or dropped fails the test that checks it.
 */
export function object(
  properties: Record<string, JsonSchema>,
  optional: readonly string[] = [],
): JsonSchema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((p) => !optional.includes(p)),
    additionalProperties: false,
  };
}

/**
 * A request body that names its fields but, like most routes, ignores any others: only
 * `required` must be there.
 */
export function fields(
  properties: Record<string, JsonSchema>,
  required: readonly string[] = [],
): JsonSchema {
  return { type: 'object', properties, required: [...required] };
}

/** A request body that refuses any field but `properties`; only `required` must be there. */
export function closed(
  properties: Record<string, JsonSchema>,
  required: readonly string[] = [],
): JsonSchema {
  return { ...fields(properties, required), additionalProperties: false };
}

/** `schema` with a description. */
export const described = (description: string, schema: JsonSchema): JsonSchema => ({
  ...schema,
  description,
});
