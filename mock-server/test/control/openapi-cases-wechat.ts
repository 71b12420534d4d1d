/** Valid and bad requests of The simulated WeChat client's routes (`/wechat/…`): see `openapi-cases.ts`. */
import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import {
  appListingBad,
  me,
  noApp,
  nobody,
  phonelessUser,
  readsNothing,
  unknownAppOrUser,
  unknownAppQuery,
  userBodyCases,
  type RouteCases,
} from './openapi-case-kit';

/** Keyed as in `CONTROL_ROUTES`. */
export const WECHAT_CASES: Record<string, RouteCases> = {
  'POST /wechat/login': {
    valid: [
      { name: 'a new user', body: { appid: DEMO_APPID }, status: 200 },
      { name: 'three codes', body: { ...me, count: 3 }, status: 200 },
    ],
    bad: [
      { name: 'count 0', body: { ...me, count: 0 }, status: 400, error: 'invalid_field' },
      { name: 'no appid', body: {}, status: 400, error: 'invalid_field' },
      ...unknownAppOrUser('body'),
    ],
  },
  'POST /wechat/user-info': userBodyCases('no openid', { appid: DEMO_APPID }),
  'POST /wechat/phone-number': {
    valid: [
      { name: 'fast-verify', body: me, status: 200 },
      { name: 'real-time', body: { ...me, realtime: true }, status: 200 },
      async (env) => {
        await env.control('POST', '/wechat/quota', {
          appid: DEMO_APPID,
          fastVerify: { used: 1000 },
        });
        return { name: 'no quota', body: { ...me, realtime: false }, status: 200 };
      },
    ],
    bad: [
      { name: 'realtime "x"', body: { ...me, realtime: 'x' }, status: 400, error: 'invalid_field' },
      ...unknownAppOrUser('body'),
      async (env) => ({
        name: 'a user without a phone',
        body: { appid: DEMO_APPID, openid: await phonelessUser(env) },
        status: 409,
        error: 'no_phone',
      }),
      async (env) => {
        await env.control('POST', '/wechat/quota', {
          appid: DEMO_APPID,
          fastVerify: { used: 1000 },
        });
        return { name: 'no quota left', body: me, status: 409, error: 'no_quota' };
      },
    ],
  },
  'POST /wechat/quota': {
    valid: [
      { name: 'a change', body: { appid: DEMO_APPID, fastVerify: { used: 1 } }, status: 200 },
    ],
    bad: [
      {
        name: 'an unknown field',
        body: { appid: DEMO_APPID, fastVerify: { spent: 1 } },
        status: 400,
        error: 'invalid_field',
      },
      { name: 'an unknown app', body: noApp, status: 404, error: 'unknown_app' },
    ],
  },
  'GET /wechat/quota': {
    valid: [{ name: 'the demo app', query: { appid: DEMO_APPID }, status: 200 }],
    bad: [{ name: 'no appid', status: 400, error: 'invalid_field' }, unknownAppQuery],
  },
  'POST /wechat/plugin-login': {
    valid: [{ name: 'a plugin code', body: { ...me, pluginAppid: DEMO_APPID }, status: 200 }],
    bad: [
      {
        name: 'an unknown user',
        body: { ...nobody, pluginAppid: DEMO_APPID },
        status: 404,
        error: 'unknown_user',
      },
      { name: 'no pluginAppid', body: me, status: 400, error: 'invalid_field' },
      {
        name: 'an unknown plugin',
        body: { ...me, pluginAppid: noApp.appid },
        status: 404,
        error: 'unknown_app',
      },
    ],
  },
  'POST /wechat/payments': {
    valid: [
      { name: 'minted ids', body: me, status: 201 },
      {
        name: 'given ids',
        body: { ...me, transactionId: 'tx-1', mchId: 'm', outTradeNo: 'o' },
        status: 201,
      },
    ],
    bad: [
      { name: 'an empty mchId', body: { ...me, mchId: '' }, status: 400, error: 'invalid_field' },
      ...unknownAppOrUser('body'),
    ],
  },
  'POST /wechat/user-key': userBodyCases('openid 1', { ...me, openid: 1 }),
  'POST /wechat/users': {
    valid: [
      { name: 'a new user', body: { appid: DEMO_APPID, nickName: 'N' }, status: 201 },
      { name: 'an update', body: { ...me, city: 'Hangzhou' }, status: 200 },
    ],
    bad: [
      { name: 'gender 5', body: { ...me, gender: 5 }, status: 400, error: 'invalid_field' },
      { name: 'an unknown app', body: noApp, status: 404, error: 'unknown_app' },
    ],
  },
  'POST /wechat/users/bulk': {
    valid: [
      { name: 'by count', body: { appid: DEMO_APPID, count: 2, returnIds: true }, status: 201 },
      {
        name: 'by spec',
        body: { appid: DEMO_APPID, users: [{ nickName: 'A', phone: '13800138000' }] },
        status: 201,
      },
    ],
    bad: [
      {
        name: 'neither count nor users',
        body: { appid: DEMO_APPID },
        status: 400,
        error: 'invalid_field',
      },
      {
        name: 'an unknown app',
        body: { appid: noApp.appid, count: 1 },
        status: 404,
        error: 'unknown_app',
      },
      {
        name: 'a taken openid',
        body: { appid: DEMO_APPID, users: [{ openid: DEMO_OPENID }] },
        status: 409,
        error: 'user_exists',
      },
    ],
  },
  'GET /wechat/users': {
    valid: [{ name: 'a page', query: { appid: DEMO_APPID, limit: '2' }, status: 200 }],
    bad: [
      ...appListingBad('0'),
      async (env) => {
        const all = (await env.control('GET', `/wechat/users?appid=${DEMO_APPID}&limit=1000`)) as {
          users: unknown[];
        };
        await env.control('POST', '/wechat/users/bulk', { appid: DEMO_APPID, count: 2 });
        const page = (await env.control(
          'GET',
          `/wechat/users?appid=${DEMO_APPID}&limit=${all.users.length + 1}`,
        )) as { nextCursor: string };
        await env.control('POST', '/reset', {});
        return {
          name: 'a cursor after a user that is gone',
          query: { appid: DEMO_APPID, cursor: page.nextCursor },
          status: 410,
          error: 'stale_cursor',
        };
      },
    ],
  },
  'GET /wechat/sessions': {
    valid: [
      { name: 'no live session', query: me, status: 200 },
      async (env) => {
        await env.control('POST', '/wechat/login', me);
        return { name: 'a live session', query: me, status: 200 };
      },
    ],
    bad: [
      { name: 'no openid', query: { appid: DEMO_APPID }, status: 400, error: 'invalid_field' },
      ...unknownAppOrUser('query'),
    ],
  },
  'POST /wechat/sessions/expire': userBodyCases('no appid', { openid: DEMO_OPENID }),
  'GET /wechat/sessions/live': {
    valid: [
      async (env) => {
        await env.control('POST', '/wechat/login', me);
        return { name: 'one live', query: { appid: DEMO_APPID, limit: '10' }, status: 200 };
      },
    ],
    bad: appListingBad('0'),
  },
  'GET /wechat/apps': readsNothing('every app', { appid: 'x' }),
  'GET /wechat/codes': {
    valid: [
      async (env) => {
        await env.control('POST', '/wechat/login', { ...me, count: 2 });
        return { name: 'two pending', query: { appid: DEMO_APPID }, status: 200 };
      },
    ],
    bad: [{ name: 'no appid', status: 400, error: 'invalid_field' }, ...appListingBad('x')],
  },
};
