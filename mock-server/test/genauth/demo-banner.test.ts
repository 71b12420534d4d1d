import { createFixtures } from '@genauth-wxapp/fixtures';

import { demoBanner } from '../../src/genauth/demo';

describe('demo banner', () => {
  it('prints the pool, the app, every demo account with its password, directory accounts and the outbox', () => {
    const f = createFixtures();
    const text = demoBanner(f, 'http://127.0.0.1:3000').join('\n');
    const g = f.genauth;
    expect(text).toContain(`userPoolId ${g.pools[0]!.id}`);
    expect(text).toContain(`appId ${g.apps[0]!.id}`);
    for (const a of g.accounts.filter((x) => x.poolId === g.pools[0]!.id))
      expect(text).toContain(a.password!);
    for (const d of g.directory) expect(text).toContain(`${d.username}  password ${d.password}`);
    expect(text).toContain('GET http://127.0.0.1:3000/__mock/v1/messages?to=<phone|email>');
    expect(text).toContain(`extIdpConnidentifier ${g.apps[0]!.connection!.identifier}`);
  });
});
