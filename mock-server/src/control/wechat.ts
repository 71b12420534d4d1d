import { Router, type RequestHandler } from 'express';

import { bodyOf, optionalBoolean, optionalInt, optionalString, requiredString } from './fields';
import { bulkJson } from './bulk-body';
import { pageQuery } from './pages';
import type {
  ControlApi,
  PaymentInput,
  SetQuotaInput,
  UpsertUserInput,
  WechatBulkInput,
  WechatUserRef,
} from './types';
import { LIMITS } from './values';

/** `{appid, openid}` of a body or query. */
function userRef(fields: Record<string, unknown>): WechatUserRef {
  return { appid: requiredString(fields, 'appid'), openid: requiredString(fields, 'openid') };
}

/**
 * The simulated WeChat client (`/__mock/v1/wechat/…`), over {@link ControlApi}:
 * - `POST /login {appid, openid?, sessionKey?, count?}` → `{code, openid}` (+ `codes` with `count`);
 * - `POST /user-info {appid, openid}` → `{userInfo, rawData, signature, encryptedData, iv}`;
 * - `POST /phone-number {appid, openid}` → `{errMsg, code, encryptedData, iv}` (409 `no_quota`);
 *   with `realtime` (boolean) → the detail of that button: `{errMsg, code[, encryptedData, iv]}`,
 *   or `{errMsg, errno: 1400001}` once the quota is used up;
 * - `POST /quota {appid, fastVerify?, realtime?}` and `GET /quota?appid` → the phone-number quota;
 * - `POST /plugin-login {appid, openid, pluginAppid}` → `{code}` (`wx.pluginLogin`);
 * - `POST /payments {appid, openid, transactionId?, mchId?, outTradeNo?}` → 201 the payment;
 * - `POST /user-key {appid, openid}` → `{encryptKey, iv, version, expireTime}` (getLatestUserKey);
 * - `POST /users {appid, openid?, nickName?, avatarUrl?, phone?, unionid?, blocked?, …}`;
 * - `POST /users/bulk {appid, count | users, returnIds?}` → 201 `{appid, created, firstOpenid, …}`;
 * - `GET /users?appid&cursor&limit` → `{users, nextCursor}`;
 * - `GET /sessions?appid&openid` and `POST /sessions/expire {appid, openid}`.
 */
export function wechatControl(api: ControlApi, json: RequestHandler): Router {
  const router = Router();

  router.post('/login', json, (req, res) => {
    const body = bodyOf(req);
    const appid = requiredString(body, 'appid');
    const openid = optionalString(body, 'openid');
    const sessionKey = optionalString(body, 'sessionKey');
    const count = optionalInt(body, 'count', ...LIMITS.loginCount);
    const result = api.wechat.login({
      appid,
      ...(openid === undefined ? {} : { openid }),
      ...(sessionKey === undefined ? {} : { sessionKey }),
      ...(count === undefined ? {} : { count }),
    });
    res.json(count === undefined ? { code: result.code, openid: result.openid } : result);
  });

  router.post('/user-info', json, (req, res) => {
    res.json(api.wechat.userInfo(userRef(bodyOf(req))));
  });

  router.post('/phone-number', json, (req, res) => {
    const body = bodyOf(req);
    const ref = userRef(body);
    const realtime = optionalBoolean(body, 'realtime');
    res.json(
      realtime === undefined
        ? api.wechat.phoneNumber(ref)
        : api.wechat.phoneNumber({ ...ref, realtime }),
    );
  });

  router.post('/quota', json, (req, res) => {
    res.json(api.wechat.setQuota(bodyOf(req) as unknown as SetQuotaInput));
  });

  router.post('/plugin-login', json, (req, res) => {
    const body = bodyOf(req);
    res.json(
      api.wechat.pluginLogin({
        ...userRef(body),
        pluginAppid: requiredString(body, 'pluginAppid'),
      }),
    );
  });

  router.post('/payments', json, (req, res) => {
    const body = bodyOf(req);
    const ids = ['transactionId', 'mchId', 'outTradeNo'] as const;
    const input: PaymentInput = { ...userRef(body) };
    for (const id of ids) {
      const value = optionalString(body, id);
      if (value !== undefined) input[id] = value;
    }
    res.status(201).json(api.wechat.pay(input));
  });

  router.post('/user-key', json, (req, res) => {
    res.json(api.wechat.latestUserKey(userRef(bodyOf(req))));
  });

  router.get('/quota', (req, res) => {
    res.json(
      api.wechat.quota({ appid: (req.query as Record<string, unknown>)['appid'] as string }),
    );
  });

  router.post('/users', json, (req, res) => {
    // The profile fields are checked as a whole by the API, before anything changes.
    const result = api.wechat.upsertUser(bodyOf(req) as unknown as UpsertUserInput);
    res.status(result.created ? 201 : 200).json(result);
  });

  router.post('/users/bulk', bulkJson, (req, res) => {
    // Every field of every user is checked by the API, before anyone is created.
    res.status(201).json(api.wechat.bulkCreateUsers(bodyOf(req) as unknown as WechatBulkInput));
  });

  router.get('/users', (req, res) => {
    const query = req.query as Record<string, unknown>;
    res.json(api.wechat.listUsers({ appid: query['appid'] as string, ...pageQuery(query) }));
  });

  router.get('/sessions', (req, res) => {
    res.json({ session: api.wechat.session(userRef(req.query as Record<string, unknown>)) });
  });

  router.post('/sessions/expire', json, (req, res) => {
    res.json({ expired: api.wechat.expireSession(userRef(bodyOf(req))) });
  });

  return router;
}
