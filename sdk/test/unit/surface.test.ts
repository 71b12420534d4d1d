import { AuthenticationClient, createNodeRuntime, isGenAuthError } from '../../src/node';

const PUBLIC = [
  'loginByCode loginByPhone getPhone updateAvatar getToken setToken setCurrentUser checkLoggedIn',
  'checkLoginStatus registerByEmail registerByUsername registerByPhoneCode loginByEmail',
  'loginByUsername loginByPhoneCode loginByPhonePassword loginBySubAccount loginByLdap loginByAd',
  'sendSmsCode sendEmail resetPasswordByPhoneCode resetPasswordByEmailCode checkPasswordStrength',
  'computedPasswordSecurityLevel getCurrentUser updateProfile updatePassword updatePhone',
  'updateEmail bindPhone unbindPhone bindEmail unbindEmail refreshToken logout linkAccount',
  'unLinkAccount listUdv setUdv removeUdv getUdfValue setUdfValue removeUdfValue listOrgs',
  'getSecurityLevel listApplications listAuthorizedResources getAccessTokenByCode',
  'getNewAccessTokenByRefreshToken revokeToken introspectToken getUserInfoByAccessToken',
  'buildAuthorizeUrl buildLogoutUrl validateTicketV1',
]
  .join(' ')
  .split(' ');

/** Every property name reachable on `value` and its prototype chain, up to Object.prototype. */
function reachable(value: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = value; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const key of Reflect.ownKeys(o)) names.add(String(key));
  }
  names.delete('constructor');
  return [...names].sort();
}

describe('the public surface', () => {
  it('has only the public API: no own state, one prototype, no internals', () => {
    const client = new AuthenticationClient({ appId: 'app', runtime: createNodeRuntime() });
    expect(Reflect.ownKeys(client)).toEqual([]);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(client))).toBe(Object.prototype);
    expect(reachable(client)).toEqual([...PUBLIC].sort());
  });

  it('ignores writes to options: later requests keep the host', async () => {
    const requests: string[] = [];
    const runtime = createNodeRuntime({
      fetch: async (url) => {
        requests.push(url);
        return { status: 200, text: async () => '{"code":200,"data":null}' };
      },
    });
    const client = new AuthenticationClient({ appId: 'app', host: 'http://good', runtime });
    (client as unknown as { options: { host: string } }).options = { host: 'http://evil' };
    await client.sendSmsCode('13800000000');
    expect(requests).toEqual(['http://good/api/v2/sms/send']);
  });

  it('fails loudly without a secure random source for passwords', async () => {
    const runtime = { ...createNodeRuntime(), randomBytes: undefined };
    const client = new AuthenticationClient({ appId: 'app', runtime });
    const error: unknown = await client.loginByEmail('a@b.c', 'pw').catch((e: unknown) => e);
    expect(isGenAuthError(error) && error.kind).toBe('unsupported');
  });
});
