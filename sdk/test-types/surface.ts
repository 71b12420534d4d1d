// Type test (checked by `tsc -b`, never run): internals and loose fields do not compile.
import {
  AuthenticationClient,
  createWxRuntime,
  type GenAuthErrorCodes,
  type GenAuthErrorKind,
  type User,
} from '../src';

const client = new AuthenticationClient({ appId: 'app', runtime: createWxRuntime(wx) });

export function typos(user: User): unknown {
  // @ts-expect-error no such field: `User` has exact fields
  return user.nickanme;
}

export function internals(): void {
  // @ts-expect-error options are not part of the client
  client.options.host = 'http://evil';
  // @ts-expect-error nor is the transport
  void client.transport;
}

export const orgs: Promise<{ id: string; name: string }[][]> = client.listOrgs();

// Each kind's documented code.
export const quota: GenAuthErrorCodes['quota'] = 1400001;
export const privacy: GenAuthErrorCodes['privacy'][] = [104, 112];
// @ts-expect-error a timeout's code is 504
export const timeout: GenAuthErrorCodes['timeout'] = 500;
// @ts-expect-error no such kind
export const unknownKind: GenAuthErrorKind = 'oops';
