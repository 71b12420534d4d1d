/** `POST /api/v3/signin-by-mobile` (the WeChat mini-program connections) and `POST /api/v3/signin`. */
import type { Router } from 'express';

import type { Context } from '../../context';
import { fail } from '../errors';
import { genauthFault } from '../model/faults';
import type { Tenant } from '../model/tenancy';
import { appConnection } from '../model/v3-connection';
import {
  signInByPassCode,
  signInByPassword,
  signInByWechatCode,
  signInByWechatCodeAndPhone,
  signInByWechatPhone,
  type PasswordEncryptType,
  type SigninOptions,
} from '../model/v3-signin';
import { clientIp } from '../request';
import { bodyOf, jsonBody, ok, v3 } from './envelope';
import { object, oneOf, optObject, optText, text } from './input';

const MOBILE_CONNECTIONS = [
  'wechat_mini_program_code',
  'wechat_mini_program_code_and_phone',
  'wechat_mini_program_phone',
] as const;

const ENCRYPT_TYPES = ['none', 'rsa', 'sm2'] as const;

/** The `options` the mock honours: `scope` (and the client IP of the request). */
function signinOptions(body: Record<string, unknown>, ip: string | null): SigninOptions {
  const options = optObject(body, 'options');
  return { scope: optText(options, 'scope', 'options.scope'), clientIp: ip };
}

/** The optional `{iv, encryptedData}` of a payload ('' counts as absent, as the SDK sends it). */
function pairOf(payload: Record<string, unknown>, path: string) {
  const iv = optText(payload, 'iv', `${path}.iv`);
  const encryptedData = optText(payload, 'encryptedData', `${path}.encryptedData`);
  if (!iv && !encryptedData) return null;
  return {
    iv: text(payload, 'iv', `${path}.iv`),
    encryptedData: text(payload, 'encryptedData', `${path}.encryptedData`),
  };
}

/** The tenant of a sign-in, which must name its app (tokens are issued to it): else 2231. */
function signinTenant(tenant: () => Tenant): Tenant {
  const t = tenant();
  if (!t.app) throw fail(2231, { field: 'x-authing-app-id' }, '请求头 x-authing-app-id 缺失');
  return t;
}

/** The app id a fault may be scoped to (none when the tenant does not resolve). */
const appOf = (tenant: () => Tenant) => () => tenant().app?.id;

/** Sign-in of the v3 API: every payload is checked before a code is spent. */
export function signinRoutes(router: Router, ctx: Context): void {
  router.post(
    '/api/v3/signin-by-mobile',
    jsonBody(ctx),
    v3(ctx, async (req, res, tenant) => {
      const body = bodyOf(req);
      const connection = oneOf(body, 'connection', MOBILE_CONNECTIONS);
      const opts = signinOptions(body, clientIp(req));
      const t = signinTenant(tenant);
      const conn = appConnection(t, body['extIdpConnidentifier']);
      if (connection === 'wechat_mini_program_code') {
        const p = object(body, 'wechatMiniProgramCodePayload');
        const payload = {
          code: text(p, 'code', 'wechatMiniProgramCodePayload.code'),
          pair: pairOf(p, 'wechatMiniProgramCodePayload'),
        };
        await genauthFault(ctx, 'genauth.loginByCode', appOf(tenant));
        ok(res, await signInByWechatCode(ctx, t, conn, payload, opts));
      } else if (connection === 'wechat_mini_program_code_and_phone') {
        const path = 'wechatMiniProgramCodeAndPhonePayload';
        const p = object(body, path);
        const login = object(p, 'wxLoginInfo', `${path}.wxLoginInfo`);
        const phone = object(p, 'wxPhoneInfo', `${path}.wxPhoneInfo`);
        const payload = {
          code: text(login, 'code', `${path}.wxLoginInfo.code`),
          phoneCode: text(phone, 'code', `${path}.wxPhoneInfo.code`),
        };
        await genauthFault(ctx, 'genauth.loginByPhone', appOf(tenant));
        ok(res, await signInByWechatCodeAndPhone(ctx, t, conn, payload, opts));
      } else {
        // The SDK puts this connection's payload under wechatMiniProgramCodePayload.
        const path =
          body['wechatMiniProgramPhonePayload'] === undefined
            ? 'wechatMiniProgramCodePayload'
            : 'wechatMiniProgramPhonePayload';
        const p = object(body, path);
        const code = text(p, 'code', `${path}.code`);
        const pair = {
          iv: text(p, 'iv', `${path}.iv`),
          encryptedData: text(p, 'encryptedData', `${path}.encryptedData`),
        };
        await genauthFault(ctx, 'genauth.loginByPhone', appOf(tenant));
        ok(res, await signInByWechatPhone(ctx, t, conn, { code, pair }, opts));
      }
    }),
  );

  router.post(
    '/api/v3/signin',
    jsonBody(ctx),
    v3(ctx, async (req, res, tenant) => {
      const body = bodyOf(req);
      const connection = oneOf(body, 'connection', ['PASSWORD', 'PASSCODE'] as const);
      const opts = signinOptions(body, clientIp(req));
      const options = optObject(body, 'options');
      const t = signinTenant(tenant);
      if (connection === 'PASSWORD') {
        const p = object(body, 'passwordPayload');
        const password = text(p, 'password', 'passwordPayload.password');
        const field = (['account', 'email', 'username', 'phone'] as const).find(
          (f) => p[f] !== undefined && p[f] !== null && p[f] !== '',
        );
        if (!field) text(p, 'account', 'passwordPayload.account|email|username|phone');
        const by = {
          field: field as string,
          value: text(p, field as string, `passwordPayload.${field}`),
        };
        const type: PasswordEncryptType = oneOf(
          options,
          'passwordEncryptType',
          ENCRYPT_TYPES,
          'none',
        );
        await genauthFault(ctx, 'genauth.loginByUsername', appOf(tenant));
        ok(res, await signInByPassword(ctx, t, by, password, type, opts));
      } else {
        const p = object(body, 'passCodePayload');
        const passCode = text(p, 'passCode', 'passCodePayload.passCode');
        const phone = optText(p, 'phone', 'passCodePayload.phone');
        const to = phone
          ? { channel: 'sms' as const, value: phone }
          : { channel: 'email' as const, value: text(p, 'email', 'passCodePayload.phone|email') };
        await genauthFault(ctx, 'genauth.loginByPhoneCode', appOf(tenant));
        ok(res, await signInByPassCode(ctx, t, to, passCode, opts));
      }
    }),
  );
}
