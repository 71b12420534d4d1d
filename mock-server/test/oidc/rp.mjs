/**
 * A real relying party (openid-client) against the mock, run in its own Node process (the
 * library is ESM-only, which Jest's module system cannot load). Argument: JSON
 * `{url, issuer, rs: {id, secret}, hs: {id, secret}, user: {email, password}}`. Prints one JSON
 * report: each step's value, or the error it failed with.
 */
import { jwtVerify } from 'jose';
import * as oidc from 'openid-client';

const { url, issuer, rs, hs, user } = JSON.parse(process.argv[2] ?? '{}');
const mock = new URL(url);
const REDIRECT = 'http://127.0.0.1:9/cb';

/** Sends requests for the issuer's host to the mock, naming the app on discovery. */
const fetchFor = (appId) => (target, init) => {
  const u = new URL(target);
  if (u.origin === new URL(issuer).origin) {
    u.protocol = mock.protocol;
    u.host = mock.host;
  }
  const headers = new Headers(init.headers);
  if (u.pathname.endsWith('/.well-known/openid-configuration'))
    headers.set('x-authing-app-id', appId);
  return fetch(u, { ...init, headers });
};
const options = (appId) => ({
  execute: [oidc.allowInsecureRequests],
  [oidc.customFetch]: fetchFor(appId),
});

const report = {};
async function step(name, fn) {
  try {
    report[name] = { ok: true, value: await fn() };
  } catch (e) {
    report[name] = {
      ok: false,
      name: e?.name,
      code: e?.code,
      error: e?.error ?? e?.cause?.error,
      status: e?.status ?? e?.cause?.status,
      message: String(e?.message ?? e),
    };
  }
  return report[name].ok ? report[name].value : undefined;
}

/** Authorization code + PKCE: the authorization endpoint redirects at once (login_hint). */
async function codeFlow(config, scope) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const authUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: user.email,
  });
  const res = await fetch(authUrl, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`authorize answered ${res.status}`);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(location), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  return { tokens, claims: tokens.claims(), nonce };
}

const rsConfig = await step('discovery', async () =>
  oidc.discovery(
    new URL(issuer),
    rs.id,
    { client_secret: rs.secret },
    oidc.ClientSecretPost(rs.secret),
    options(rs.id),
  ),
);
if (rsConfig) {
  oidc.enableNonRepudiationChecks(rsConfig);
  report.metadata = rsConfig.serverMetadata();
  const scope = 'openid profile email phone offline_access';
  const flow = await step('codeFlow', async () => {
    const { tokens, claims, nonce } = await codeFlow(rsConfig, scope);
    return { tokens: { ...tokens }, claims, nonce };
  });
  if (flow) {
    const { tokens, claims } = flow;
    await step('userinfo', () => oidc.fetchUserInfo(rsConfig, tokens.access_token, claims.sub));
    const refreshed = await step('refresh', async () => ({
      ...(await oidc.refreshTokenGrant(rsConfig, tokens.refresh_token)),
    }));
    await step('refreshReused', () => oidc.refreshTokenGrant(rsConfig, tokens.refresh_token));
    if (refreshed) {
      await step('introspectActive', () =>
        oidc.tokenIntrospection(rsConfig, refreshed.access_token),
      );
      await step('revoke', async () => {
        await oidc.tokenRevocation(rsConfig, refreshed.access_token);
        return refreshed.access_token;
      });
      await step('userinfoRevoked', () =>
        oidc.fetchUserInfo(rsConfig, refreshed.access_token, claims.sub),
      );
      await step('introspectRevoked', () =>
        oidc.tokenIntrospection(rsConfig, refreshed.access_token),
      );
      await step('refreshAfterAccessRevoked', async () => ({
        ...(await oidc.refreshTokenGrant(rsConfig, refreshed.refresh_token)),
      }));
    }
  }
  await step('clientCredentials', async () => ({
    ...(await oidc.clientCredentialsGrant(rsConfig, { scope: 'read:things' })),
  }));
  await step('password', async () => {
    const t = await oidc.genericGrantRequest(rsConfig, 'password', {
      username: user.email,
      password: user.password,
      scope: 'openid email',
    });
    return { ...t, claims: t.claims() };
  });
  await step('passwordWrong', () =>
    oidc.genericGrantRequest(rsConfig, 'password', { username: user.email, password: 'nope' }),
  );
  const session = await step('endSession', async () => {
    const { tokens } = await codeFlow(rsConfig, scope);
    const endUrl = oidc.buildEndSessionUrl(rsConfig, {
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: 'http://127.0.0.1:9/bye',
      state: 'bye-state',
    });
    const res = await fetch(endUrl, { redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location'), tokens: { ...tokens } };
  });
  if (session) {
    await step('refreshAfterEndSession', () =>
      oidc.refreshTokenGrant(rsConfig, session.tokens.refresh_token),
    );
    await step('introspectAfterEndSession', () =>
      oidc.tokenIntrospection(rsConfig, session.tokens.access_token),
    );
  }
}

const hsConfig = await step('hsDiscovery', async () =>
  oidc.discovery(
    new URL(issuer),
    hs.id,
    { client_secret: hs.secret, id_token_signed_response_alg: 'HS256' },
    oidc.ClientSecretBasic(hs.secret),
    options(hs.id),
  ),
);
if (hsConfig) {
  await step('hsCodeFlow', async () => {
    const { tokens, claims } = await codeFlow(hsConfig, 'openid profile');
    const { payload, protectedHeader } = await jwtVerify(
      tokens.id_token,
      new TextEncoder().encode(hs.secret),
      { issuer, audience: hs.id, algorithms: ['HS256'] },
    );
    return {
      claims,
      verified: payload,
      alg: protectedHeader.alg,
      access_token: tokens.access_token,
    };
  });
}

process.stdout.write(JSON.stringify(report));
