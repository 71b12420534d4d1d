import { createPrivateKey, createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';

import type { GenauthAppFixture } from '@genauth-wxapp/fixtures';
import type * as Jose from 'jose';

import { TOKEN_KEY_ID, TOKEN_PRIVATE_KEY } from '../keys';
import { jose } from './jose';

let rsKeys: { priv: KeyObject; pub: KeyObject } | undefined;
const rs = () => {
  if (!rsKeys) {
    const priv = createPrivateKey(TOKEN_PRIVATE_KEY);
    rsKeys = { priv, pub: createPublicKey(priv) };
  }
  return rsKeys;
};

/** What signs a JWT: the bundled RSA key (RS256) or a shared secret (HS256). */
export type Signer = { alg: 'RS256' } | { alg: 'HS256'; secret: string };

/**
 * The signer of an app's id_tokens: the bundled key for RS256 apps, else the app secret (OIDC
 * Core §10.1: HS256 id_tokens are keyed with the client secret).
 */
export const idTokenSigner = (app: GenauthAppFixture): Signer =>
  app.tokenAlgorithm === 'RS256' ? { alg: 'RS256' } : { alg: 'HS256', secret: app.secret };

/** Signs `claims` as a compact JWS (`kid` in the header of RS256 tokens). */
export async function signJwt(claims: Jose.JWTPayload, signer: Signer): Promise<string> {
  const jwt = new (jose().SignJWT)(claims);
  if (signer.alg === 'RS256') {
    return jwt.setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: TOKEN_KEY_ID }).sign(rs().priv);
  }
  return jwt
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(createSecretKey(Buffer.from(signer.secret, 'utf8')));
}

/**
 * The payload of `token` when its signature verifies with `signer` and its `iss` is `issuer`;
 * `now` (epoch ms) checks `exp` unless it is `null`. Anything wrong → `null`.
 */
export async function verifyJwt(
  token: string,
  signer: Signer,
  issuer: string,
  now: number | null,
): Promise<Jose.JWTPayload | null> {
  const key =
    signer.alg === 'RS256' ? rs().pub : createSecretKey(Buffer.from(signer.secret, 'utf8'));
  try {
    if (now !== null) {
      const { payload } = await jose().jwtVerify(token, key, {
        algorithms: [signer.alg],
        issuer,
        currentDate: new Date(now),
      });
      return payload;
    }
    await jose().compactVerify(token, key, { algorithms: [signer.alg] });
    const payload = jose().decodeJwt(token);
    return payload.iss === issuer ? payload : null;
  } catch {
    return null;
  }
}

/** The claims of a JWT read without verifying it, or `null` when it is not one. */
export function peekJwt(token: string): Jose.JWTPayload | null {
  try {
    return jose().decodeJwt(token);
  } catch {
    return null;
  }
}
