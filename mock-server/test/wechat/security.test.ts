import { createHash } from 'node:crypto';

import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { sessionSignature } from '../../src';
import { expectWechatError, wechatHarness } from './helpers';

describe('the security APIs', () => {
  const h = wechatHarness();
  const { mock } = h;
  const me = { appid: DEMO_APPID, openid: DEMO_OPENID };
  const signature = () => {
    mock.control.wechat.login(me);
    return sessionSignature(mock.control.wechat.session(me)!.sessionKey);
  };

  describe('/wxa/business/getuserencryptkey', () => {
    const keys = (query: Record<string, unknown>) =>
      h.http().get('/wxa/business/getuserencryptkey').query(query);

    it('lists the last three keys, newest first, each living 3600 s on the mock clock', async () => {
      const token = await h.accessToken();
      const q = {
        access_token: token,
        openid: DEMO_OPENID,
        signature: signature(),
        sig_method: 'hmac_sha256',
      };
      const first = await keys(q).expect(200);
      expect(first.body).toEqual({
        errcode: 0,
        errmsg: 'ok',
        key_info_list: [
          {
            encrypt_key: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
            version: 1,
            expire_in: 3600,
            iv: expect.stringMatching(/^[0-9a-f]{16}$/),
            create_time: mock.clock.nowSeconds(),
          },
        ],
      });
      mock.clock.advance(600_000);
      expect((await keys(q)).body.key_info_list[0]).toMatchObject({ version: 1, expire_in: 3000 });
      // The client sees the same latest key.
      const latest = mock.control.wechat.latestUserKey(me);
      expect(latest).toMatchObject({
        version: 1,
        encryptKey: first.body.key_info_list[0].encrypt_key,
      });
      expect(latest.expireTime).toBe(first.body.key_info_list[0].create_time + 3600);
      for (let i = 0; i < 3; i++) {
        mock.clock.advance(3600_000);
        mock.control.wechat.latestUserKey(me);
      }
      const q2 = {
        ...q,
        access_token: await h.accessToken(),
        signature: sessionSignature(mock.control.wechat.session(me)!.sessionKey),
      };
      const list = (await keys(q2)).body.key_info_list as { version: number; expire_in: number }[];
      expect(list.map((k) => k.version)).toEqual([4, 3, 2]);
      expect(list.map((k) => k.expire_in)).toEqual([3600, 0, 0]);
    });

    it('takes its parameters from a POST body too', async () => {
      const token = await h.accessToken();
      const res = await h
        .http()
        .post('/wxa/business/getuserencryptkey')
        .query({ access_token: token })
        .send({ openid: DEMO_OPENID, signature: signature(), sig_method: 'hmac_sha256' })
        .expect(200);
      expect(res.body.key_info_list).toHaveLength(1);
    });

    it('bad input: token, openid, sig_method, signature, stale key — the WeChat shape', async () => {
      const token = await h.accessToken();
      const sig = signature();
      const ok = {
        access_token: token,
        openid: DEMO_OPENID,
        signature: sig,
        sig_method: 'hmac_sha256',
      };
      expectWechatError(await keys({ ...ok, access_token: undefined }), 41001, mock);
      expectWechatError(await keys({ ...ok, access_token: 'bogus' }), 40001, mock);
      expectWechatError(await keys({ ...ok, openid: 'oNobody' }), 40003, mock);
      expectWechatError(await keys({ ...ok, openid: undefined }), 40003, mock);
      expectWechatError(await keys({ ...ok, sig_method: 'md5' }), 87008, mock);
      expectWechatError(await keys({ ...ok, signature: '0'.repeat(64) }), 87009, mock);
      expectWechatError(await keys({ ...ok, signature: undefined }), 87009, mock);
      // A new session key: the old signature is stale.
      mock.control.wechat.login({ ...me, sessionKey: 'AAAAAAAAAAAAAAAAAAAAAA==' });
      expectWechatError(await keys(ok), 87009, mock);
      const badBody = await h
        .http()
        .post('/wxa/business/getuserencryptkey')
        .query(ok)
        .set('content-type', 'application/json')
        .send('[1]');
      expectWechatError(badBody, 47001, mock);
      mock.control.faults.add({ route: 'wechat.getuserencryptkey', errcode: -1 });
      expectWechatError(await keys(ok), -1, mock);
    });
  });

  describe('POST /wxa/business/checkencryptedmsg', () => {
    const check = (token: string, body: unknown) =>
      h
        .http()
        .post('/wxa/business/checkencryptedmsg')
        .query({ access_token: token })
        .send(body as object);
    const hashOf = (data: string) => createHash('sha256').update(data).digest('hex');

    it('vouches for phone payloads the button handed out in the last three days', async () => {
      const { encryptedData } = mock.control.wechat.phoneNumber(me);
      const mintedAt = mock.clock.nowSeconds();
      mock.clock.advance(86_400_000);
      const token = await h.accessToken();
      const res = await check(token, { encrypted_msg_hash: hashOf(encryptedData) }).expect(200);
      expect(res.body).toEqual({ errcode: 0, errmsg: 'ok', vaild: true, create_time: mintedAt });
      const upper = await check(token, { encrypted_msg_hash: hashOf(encryptedData).toUpperCase() });
      expect(upper.body.vaild).toBe(true);

      const sibling = mock.store.fixtures.wechat.users.find(
        (u) => u.appid !== DEMO_APPID && u.phone,
      )!;
      const theirs = await check(await h.accessToken(sibling.appid), {
        encrypted_msg_hash: hashOf(encryptedData),
      });
      expect(theirs.body).toMatchObject({ errcode: 0, vaild: false });

      mock.clock.advance(2 * 86_400_000);
      const later = await h.accessToken();
      expectWechatError(await check(later, { encrypted_msg_hash: hashOf(encryptedData) }), 1, mock);
    });

    it('bad input: unknown hash, bad hash, body, token, method — the WeChat shape', async () => {
      const token = await h.accessToken();
      const res = await check(token, { encrypted_msg_hash: 'a'.repeat(64) });
      expectWechatError(res, 1, mock);
      expect(res.body.errmsg).toMatch(/^data not exit, rid: /);
      for (const body of [{}, { encrypted_msg_hash: 'xyz' }, { encrypted_msg_hash: 12 }]) {
        expectWechatError(await check(token, body), 40097, mock);
      }
      expectWechatError(await check(token, [1]), 47001, mock);
      const empty = await h
        .http()
        .post('/wxa/business/checkencryptedmsg')
        .query({ access_token: token });
      expectWechatError(empty, 44002, mock);
      expectWechatError(await check('bogus', { encrypted_msg_hash: 'a'.repeat(64) }), 40001, mock);
      const get = await h
        .http()
        .get('/wxa/business/checkencryptedmsg')
        .query({ access_token: token });
      expectWechatError(get, 43002, mock);
    });
  });

  describe('POST /wxa/getuserriskrank', () => {
    const rank = (token: string, body: unknown) =>
      h
        .http()
        .post('/wxa/getuserriskrank')
        .query({ access_token: token })
        .send(body as object);
    const ask = { appid: DEMO_APPID, openid: DEMO_OPENID, scene: 0, client_ip: '203.0.113.7' };

    it('ranks a user 0, a blocked user 4, with the request id under both spellings', async () => {
      const token = await h.accessToken();
      const res = await rank(token, { ...ask, mobile_no: '13800000000', is_test: true }).expect(
        200,
      );
      expect(res.body).toEqual({
        errcode: 0,
        errmsg: 'getuserriskrank succ',
        risk_rank: 0,
        unoin_id: expect.any(Number),
        union_id: res.body.unoin_id,
      });
      mock.control.wechat.upsertUser({ ...me, blocked: true });
      expect((await rank(token, { ...ask, scene: 1 })).body.risk_rank).toBe(4);
    });

    it('bad input: fields, appid, openid, token, method — the WeChat shape', async () => {
      const token = await h.accessToken();
      for (const bad of [
        { ...ask, scene: 7 },
        { ...ask, scene: '0' },
        { ...ask, client_ip: undefined },
        { ...ask, openid: undefined },
        { ...ask, is_test: 'yes' },
        { ...ask, mobile_no: 138 },
      ]) {
        expectWechatError(await rank(token, bad), 40097, mock);
      }
      expectWechatError(await rank(token, { ...ask, appid: 'wx0000000000000000' }), 40013, mock);
      expectWechatError(await rank(token, { ...ask, openid: 'oNobody' }), 40003, mock);
      expectWechatError(await rank('bogus', ask), 40001, mock);
      expectWechatError(await h.http().put('/wxa/getuserriskrank').send(ask), 43002, mock);
      mock.control.faults.add({
        route: 'wechat.getuserriskrank',
        errcode: 45011,
        appid: DEMO_APPID,
      });
      expectWechatError(await rank(token, ask), 45011, mock);
    });
  });
});
