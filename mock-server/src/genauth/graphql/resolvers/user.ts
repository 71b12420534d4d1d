import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';

import { authorizedResources } from '../../model/users';
import type { GraphqlContext } from '../context';

/** `User.authorizedResources(namespace, resourceType)`: the grants of the user in its pool. */
const userAuthorizedResources: GraphQLFieldResolver<
  { id: string; userPoolId: string },
  GraphqlContext,
  { namespace?: string | null; resourceType?: string | null }
> = (user, args, g) => {
  const pool = g.ctx.store.genauth.pools.get(user.userPoolId);
  return pool ? authorizedResources(pool, user.id, args) : { totalCount: 0, list: [] };
};

/**
 * Attaches the resolvers of fields that take arguments on types (the root fields resolve through
 * the root value): `User.authorizedResources`. Returns the schema.
 */
export function withTypeResolvers(schema: GraphQLSchema): GraphQLSchema {
  const user = schema.getType('User');
  const field = isObjectType(user) ? user.getFields()['authorizedResources'] : undefined;
  if (!field) throw new Error('the schema has no User.authorizedResources');
  field.resolve = userAuthorizedResources as GraphQLFieldResolver<unknown, unknown>;
  return schema;
}
