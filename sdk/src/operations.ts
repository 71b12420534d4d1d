import { keep, loggedInId, type Core } from './core';
import type { RegisterOptions, RegisterProfile, User, UserDefinedData } from './types';

type Extras = Pick<RegisterOptions, 'params' | 'customData' | 'context'>;

/** `params` / `context` exactly as authing-js-sdk encodes them (JSON strings or `null`). */
function extras(options: Extras): { params: string | null; context: string | null } {
  const { params, customData, context } = options;
  return {
    params: customData
      ? JSON.stringify(Object.keys(customData).map((key) => ({ key, value: customData[key] })))
      : params
        ? JSON.stringify(params)
        : null,
    context: context ? JSON.stringify(context) : null,
  };
}

/** A register mutation (`input` with the profile and the register options); stores the user. */
export async function register(
  core: Core,
  document: string,
  fields: Record<string, unknown>,
  profile: RegisterProfile | undefined,
  options: RegisterOptions = {},
): Promise<User> {
  const input = {
    ...fields,
    profile: profile ?? {},
    forceLogin: options.forceLogin ?? false,
    generateToken: options.generateToken ?? false,
    clientIp: options.clientIp,
    ...extras(options),
  };
  return keep(core, await core.transport.graphqlRoot<User>(document, { input }));
}

/** A login mutation (`input` with `clientIp`, `params`, `context`); stores the user. */
export async function login(
  core: Core,
  document: string,
  fields: Record<string, unknown>,
  options: Extras & { clientIp?: string },
): Promise<User> {
  const input = { ...fields, clientIp: options.clientIp, ...extras(options) };
  return keep(core, await core.transport.graphqlRoot<User>(document, { input }));
}

/** A user mutation or query; stores the answer when `store`. */
export async function userOp(
  core: Core,
  document: string,
  variables: object,
  store: boolean,
): Promise<User> {
  const user = await core.transport.graphqlRoot<User>(document, variables);
  return store ? keep(core, user) : user;
}

/** A UDV operation on the logged-in user (`targetType: USER`). */
export async function udvOp(
  core: Core,
  document: string,
  extra: object = {},
): Promise<UserDefinedData[]> {
  const variables = { targetType: 'USER', targetId: loggedInId(core), ...extra };
  const list = await core.transport.graphqlRoot<UserDefinedData[] | null>(document, variables);
  return list ?? [];
}
