/**
 * A structural check of an OpenAPI 3.1 document, as a JSON Schema (2020-12): the root, path
 * items, operations, parameters, bodies, responses and components, each closed to the fields
 * OpenAPI 3.1 defines for it, so a misspelt or misplaced field fails. Schemas themselves are
 * checked apart, by compiling each with Ajv in strict mode.
 */

const ref = { type: 'object', required: ['$ref'], properties: { $ref: { type: 'string' } } };
const text = { type: 'string', minLength: 1 };
const schema = { type: ['object', 'boolean'] };
const extensions = { '^x-': {} };

const closed = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
  patternProperties: extensions,
  additionalProperties: false,
});

const mediaTypes = {
  type: 'object',
  minProperties: 1,
  propertyNames: { pattern: '^[a-z]+/[a-z0-9.+*-]+$' },
  additionalProperties: closed({ schema, examples: { type: 'object' } }),
};

const parameter = closed(
  {
    name: text,
    in: { enum: ['query', 'path', 'header', 'cookie'] },
    description: { type: 'string' },
    required: { type: 'boolean' },
    deprecated: { type: 'boolean' },
    schema,
  },
  ['name', 'in', 'schema'],
);

const header = closed({ description: { type: 'string' }, required: { type: 'boolean' }, schema }, [
  'schema',
]);

const response = closed(
  {
    description: { type: 'string' },
    headers: { type: 'object', additionalProperties: { oneOf: [header, ref] } },
    content: mediaTypes,
  },
  ['description'],
);

const operation = closed(
  {
    operationId: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*$' },
    summary: text,
    description: { type: 'string' },
    tags: { type: 'array', items: text, uniqueItems: true },
    parameters: { type: 'array', items: { oneOf: [parameter, ref] } },
    requestBody: closed(
      { description: { type: 'string' }, required: { type: 'boolean' }, content: mediaTypes },
      ['content'],
    ),
    responses: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^([1-5][0-9X]{2}|default)$' },
      additionalProperties: { oneOf: [response, ref] },
    },
    security: { type: 'array', items: { type: 'object' } },
    deprecated: { type: 'boolean' },
  },
  ['operationId', 'summary', 'responses'],
);

/** The check, for `new Ajv2020().compile`. */
export const OPENAPI_31_STRUCTURE = closed(
  {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
    info: closed(
      { title: text, version: text, description: { type: 'string' }, summary: { type: 'string' } },
      ['title', 'version'],
    ),
    jsonSchemaDialect: { type: 'string' },
    servers: {
      type: 'array',
      items: closed({ url: text, description: { type: 'string' } }, ['url']),
    },
    security: { type: 'array', items: { type: 'object' } },
    tags: {
      type: 'array',
      items: closed({ name: text, description: { type: 'string' } }, ['name']),
    },
    paths: {
      type: 'object',
      propertyNames: { pattern: '^/' },
      additionalProperties: closed({
        summary: { type: 'string' },
        description: { type: 'string' },
        get: operation,
        put: operation,
        post: operation,
        delete: operation,
        patch: operation,
        options: operation,
        head: operation,
        parameters: { type: 'array', items: { oneOf: [parameter, ref] } },
      }),
    },
    components: closed({
      schemas: { type: 'object', additionalProperties: schema },
      responses: { type: 'object', additionalProperties: response },
      securitySchemes: {
        type: 'object',
        additionalProperties: closed(
          {
            type: { enum: ['http', 'apiKey', 'oauth2', 'openIdConnect', 'mutualTLS'] },
            scheme: text,
            bearerFormat: { type: 'string' },
            description: { type: 'string' },
          },
          ['type'],
        ),
      },
    }),
  },
  ['openapi', 'info', 'paths'],
);
