import type { MockServerOptions } from '../options';
import {
  ADMIN_TOKEN_RULE,
  ALLOWED_HOST_RULE,
  ALLOWED_ORIGIN_RULE,
  isAdminToken,
  normalizeHostName,
  normalizeOrigin,
} from './guard-rules';

/** The environment variable that carries the admin token (kept out of `ps`). */
export const ADMIN_TOKEN_ENV = 'GENAUTH_MOCK_ADMIN_TOKEN';

/** The CLI flags of the control guard, as `parseArgs` returns them. */
export interface GuardFlags {
  'admin-token'?: string;
  'allowed-host'?: string[];
  'allowed-origin'?: string[];
}

/** The guard's options from its flags. */
export type GuardOptions = Pick<
  MockServerOptions,
  'adminToken' | 'allowedHosts' | 'allowedOrigins'
>;

/**
 * The guard options of `--admin-token` (else a non-empty {@link ADMIN_TOKEN_ENV}),
 * `--allowed-host` and `--allowed-origin`, or a usage error naming the flag or variable. An error
 * never quotes the token.
 */
export function guardOptions(
  flags: GuardFlags,
  env: Record<string, string | undefined>,
): { options: GuardOptions } | { error: string } {
  const fromEnv = env[ADMIN_TOKEN_ENV] === '' ? undefined : env[ADMIN_TOKEN_ENV];
  const adminToken = flags['admin-token'] ?? fromEnv;
  if (adminToken !== undefined && !isAdminToken(adminToken)) {
    const source = flags['admin-token'] !== undefined ? '--admin-token' : ADMIN_TOKEN_ENV;
    return { error: `${source} must be ${ADMIN_TOKEN_RULE}` };
  }
  const hosts = flags['allowed-host'] ?? [];
  const badHost = hosts.find((h) => normalizeHostName(h) === undefined);
  if (badHost !== undefined) {
    return { error: `--allowed-host must be ${ALLOWED_HOST_RULE}, got "${badHost}"` };
  }
  const origins = flags['allowed-origin'] ?? [];
  const badOrigin = origins.find((o) => normalizeOrigin(o) === undefined);
  if (badOrigin !== undefined) {
    return { error: `--allowed-origin must be ${ALLOWED_ORIGIN_RULE}, got "${badOrigin}"` };
  }
  return {
    options: {
      ...(adminToken !== undefined && { adminToken }),
      ...(hosts.length > 0 && { allowedHosts: hosts }),
      ...(origins.length > 0 && { allowedOrigins: origins }),
    },
  };
}
