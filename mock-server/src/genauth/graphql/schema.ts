import { buildSchema, type GraphQLSchema } from 'graphql';

import { withTypeResolvers } from './resolvers/user';
import { INPUTS_SDL } from './sdl-inputs';
import { OPERATIONS_SDL } from './sdl-operations';
import { TYPES_SDL } from './sdl-types';

/** The GenAuth v2 schema, built once, with the resolvers of its type fields attached. */
export const schema: GraphQLSchema = withTypeResolvers(
  buildSchema(TYPES_SDL + INPUTS_SDL + OPERATIONS_SDL),
);
