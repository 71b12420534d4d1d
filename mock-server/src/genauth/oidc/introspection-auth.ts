import type { GenauthAppFixture, IntrospectionAuthMethod } from '@genauth-wxapp/fixtures';

import { oauthFail } from '../model/oidc-errors';
import type { ClientCredentials } from '../model/oidc-clients';

/** The methods an app's introspection accepts: its configured one, else either secret method. */
export function introspectionMethodsOf(app: GenauthAppFixture): IntrospectionAuthMethod[] {
  return app.introspectionAuthMethod
    ? [app.introspectionAuthMethod]
    : ['client_secret_post', 'client_secret_basic'];
}

/** The client authentication method a request used. */
export function methodOf(creds: ClientCredentials): IntrospectionAuthMethod {
  if (creds.basic) return 'client_secret_basic';
  return creds.postSecret === null ? 'none' : 'client_secret_post';
}

/**
 * Refuses an introspection whose client authenticated by a method its app does not accept
 * (`introspectionAuthMethod`), as GenAuth does: `invalid_client`.
 * @throws {OAuthError}
 */
export function checkIntrospectionMethod(app: GenauthAppFixture, creds: ClientCredentials): void {
  const used = methodOf(creds);
  const accepted = introspectionMethodsOf(app);
  if (accepted.includes(used)) return;
  if (used === 'none') throw oauthFail('invalid_client', 'client authentication is required');
  throw oauthFail(
    'invalid_client',
    `this client authenticates at introspection by ${accepted.join(' or ')}, not ${used}`,
  );
}
