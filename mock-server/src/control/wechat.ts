import { Router } from 'express';

import type { Context } from '../context';
import { login, phoneNumber, requireUser, userInfo } from '../wechat/client';
import { currentSession, expireSession } from '../wechat/sessions';
import { upsertUser } from '../wechat/users';
import { badField, controlErrors } from './errors';
import { bodyOf, controlJson, optionalInt, optionalString, requiredString } from './fields';

/** Canonical base64 of 16 bytes: what a WeChat session_key is. */
const SESSION_KEY = /^[A-Za-z0-9+/]{21}[AQgw]==$/;

function sessionKeyField(value: string | undefined): string | undefined {
  if (value !== undefined && !SESSION_KEY.test(value)) {
    throw badField('sessionKey', 'base64 of 16 bytes (24 characters)');
  }
  return value;
}

/**
 * The simulated WeChat client (`/__mock/v1/wechat/…`):
 * - `POST /login {appid, openid?, sessionKey?, count?}` → `{code, openid}` — `wx.login`;
 * - `POST /user-info {appid, openid}` → `{userInfo, rawData, signature, encryptedData, iv}`;
 * - `POST /phone-number {appid, openid}` → `{errMsg, code, encryptedData, iv}`;
 * - `POST /users {appid, openid?, nickName?, avatarUrl?, phone?, unionid?, blocked?, …}`;
 * - `GET /sessions?appid&openid` and `POST /sessions/expire {appid, openid}`.
 */
export function wechatControl(ctx: Context): Router {
  const router = Router();
  const json = controlJson(ctx);

  router.post('/login', json, (req, res) => {
    const body = bodyOf(req);
    const appid = requiredString(body, 'appid');
    const openid = optionalString(body, 'openid');
    const sessionKey = sessionKeyField(optionalString(body, 'sessionKey'));
    const count = optionalInt(body, 'count', 1, 1000);
    const result = login(ctx, { appid, openid, sessionKey, count });
    res.json(count === undefined ? { code: result.code, openid: result.openid } : result);
  });

  router.post('/user-info', json, (req, res) => {
    const body = bodyOf(req);
    res.json(userInfo(ctx, requiredString(body, 'appid'), requiredString(body, 'openid')));
  });

  router.post('/phone-number', json, (req, res) => {
    const body = bodyOf(req);
    res.json(phoneNumber(ctx, requiredString(body, 'appid'), requiredString(body, 'openid')));
  });

  router.post('/users', json, (req, res) => {
    const { user, created } = upsertUser(ctx, bodyOf(req));
    res.status(created ? 201 : 200).json({ user, created });
  });

  router.get('/sessions', (req, res) => {
    const query = req.query as Record<string, unknown>;
    const user = requireUser(ctx, requiredString(query, 'appid'), requiredString(query, 'openid'));
    res.json({ session: currentSession(ctx, user) ?? null });
  });

  router.post('/sessions/expire', json, (req, res) => {
    const body = bodyOf(req);
    const user = requireUser(ctx, requiredString(body, 'appid'), requiredString(body, 'openid'));
    res.json({ expired: expireSession(ctx, user) });
  });

  router.use(controlErrors);
  return router;
}
