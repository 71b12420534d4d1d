import type { ResolvedOptions } from '../options';
import { isLoopbackName, normalizeHostName } from './guard-rules';

/** Whether a bind address (`--host`) only accepts connections from this machine. */
export function isLoopbackBind(host: string): boolean {
  const name = normalizeHostName(host);
  return name !== undefined && isLoopbackName(name);
}

/**
 * The banner's warning for a bind other machines can reach (none for a loopback one): the APIs
 * answer them, the control surface only with the admin token. Never prints the token.
 */
export function exposureWarning(options: Pick<ResolvedOptions, 'host' | 'adminToken'>): string[] {
  if (isLoopbackBind(options.host)) return [];
  return [
    `Warning: bound to ${options.host}: other machines reach the WeChat and GenAuth APIs.`,
    ...(options.adminToken === undefined
      ? [
          '  The control surface /__mock/v1 (app secrets, demo passwords, the clock) answers',
          '  loopback clients only; start the mock with --admin-token to allow other addresses.',
        ]
      : [
          '  The control surface /__mock/v1 (app secrets, demo passwords, the clock) answers other',
          '  addresses only with "Authorization: Bearer <admin token>"; loopback clients need none.',
        ]),
  ];
}
