import { buildSchema, type GraphQLSchema } from 'graphql';

import { INPUTS_SDL } from './sdl-inputs';
import { OPERATIONS_SDL } from './sdl-operations';
import { TYPES_SDL } from './sdl-types';

/** The GenAuth v2 schema, built once. */
export const schema: GraphQLSchema = buildSchema(TYPES_SDL + INPUTS_SDL + OPERATIONS_SDL);
