import type { Request, Router } from 'express';

import type { Context } from '../../context';
import { fail } from '../errors';
import { genauthFault, type GenauthFaultRoute } from '../model/faults';
import { signIn } from '../model/session';
import {
  applyWechatProfile,
  connectionOf,
  decryptWechat,
  encryptedPair,
  exchangeLoginCode,
  phoneInfoOfCode,
  userForSession,
} from '../model/wechat';
import { optionalString, requireString } from '../model/validate';
import type { Tenant } from '../model/tenancy';
import { clientIp } from '../request';
import { bodyOf, jsonBody, ok, rest } from './envelope';

const BASE = '/connections/social/wechat-miniprogram';

/** The rawData profile JSON (an object), or null; malformed → 2510 before any code is spent. */
function rawProfile(body: Record<string, unknown>): Record<string, unknown> | null {
  const raw = optionalString(body['rawData'], 'rawData');
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw fail(2510, { field: 'rawData' });
}

/** The phone of `iv + encryptedData` or of the phone-button `phoneCode`; neither → 2231. */
function phoneSource(
  body: Record<string, unknown>,
):
  | { pair: { iv: string; encryptedData: string }; phoneCode: null }
  | { pair: null; phoneCode: string } {
  const pair = encryptedPair(body);
  const phoneCode = optionalString(body['phoneCode'], 'phoneCode');
  if (pair) return { pair, phoneCode: null };
  if (!phoneCode) throw fail(2231, { field: 'iv+encryptedData|phoneCode' });
  return { pair: null, phoneCode };
}

/** Takes a pending fault of `route` for the calling app (see `genauth/model/faults.ts`). */
const faulted = (ctx: Context, route: GenauthFaultRoute, tenant: () => Tenant) =>
  genauthFault(ctx, route, () => tenant().app?.id);

/** The login prologue shared by `auth` and `auth-by-phone`: body, tenant, connection, required `code`. */
function loginRequest(req: Request, tenant: () => Tenant) {
  const body = bodyOf(req);
  const t = tenant();
  return { body, t, conn: connectionOf(t), code: requireString(body['code'], 'code') };
}

/**
 * The WeChat mini-program connection: `auth` (loginByCode), `auth-by-phone` (loginByPhone) and
 * `getphone`. Codes are exchanged through the WeChat mock's jscode2session with the
 * connection's appid and secret, so WeChat failures surface as GenAuth 2500 / 2501 errors
 * carrying the WeChat errcode in `data`.
 */
export function wechatRoutes(router: Router, ctx: Context): void {
  router.post(
    `${BASE}/auth`,
    jsonBody(ctx),
    rest(ctx, async (req, res, tenant) => {
      await faulted(ctx, 'genauth.loginByCode', tenant);
      const { body, t, conn, code } = loginRequest(req, tenant);
      const pair = encryptedPair(body);
      const raw = rawProfile(body);
      const session = await exchangeLoginCode(ctx, conn, code);
      const profile = pair ? decryptWechat(conn, session, pair) : raw;
      const { user, created } = userForSession(ctx, t, conn, session, null);
      if (profile) applyWechatProfile(ctx, user, profile);
      ok(res, await signIn(ctx, t, user, clientIp(req), created));
    }),
  );

  router.post(
    `${BASE}/auth-by-phone`,
    jsonBody(ctx),
    rest(ctx, async (req, res, tenant) => {
      await faulted(ctx, 'genauth.loginByPhone', tenant);
      const { body, t, conn, code } = loginRequest(req, tenant);
      const { pair, phoneCode } = phoneSource(body);
      // A phone code needs no session: exchanged first, so a bad one leaves the login code unspent.
      const coded = phoneCode === null ? null : await phoneInfoOfCode(ctx, conn, phoneCode);
      const session = await exchangeLoginCode(ctx, conn, code);
      const phone = pair
        ? String(decryptWechat(conn, session, pair)['purePhoneNumber'] ?? '')
        : (coded?.purePhoneNumber ?? '');
      if (!phone)
        throw fail(2501, { errcode: -41003, errmsg: 'no purePhoneNumber in the decrypted data' });
      const { user, created } = userForSession(ctx, t, conn, session, phone);
      ok(res, await signIn(ctx, t, user, clientIp(req), created));
    }),
  );

  router.post(
    `${BASE}/getphone`,
    jsonBody(ctx),
    rest(ctx, async (req, res, tenant) => {
      await faulted(ctx, 'genauth.getPhone', tenant);
      const body = bodyOf(req);
      const conn = connectionOf(tenant());
      const { pair, phoneCode } = phoneSource(body);
      const code = pair
        ? requireString(body['code'], 'code')
        : optionalString(body['code'], 'code');
      // As in auth-by-phone: the phone code first, so a bad one leaves the login code unspent.
      const info = phoneCode === null ? null : await phoneInfoOfCode(ctx, conn, phoneCode);
      const session = code ? await exchangeLoginCode(ctx, conn, code) : null;
      const d = pair && session ? decryptWechat(conn, session, pair) : null;
      const phone = {
        countryCode: String(info?.countryCode ?? d?.['countryCode'] ?? ''),
        phoneNumber: String(info?.phoneNumber ?? d?.['phoneNumber'] ?? ''),
        purePhoneNumber: String(info?.purePhoneNumber ?? d?.['purePhoneNumber'] ?? ''),
      };
      ok(res, { ...phone, openid: session?.openid ?? null, unionid: session?.unionid ?? null });
    }),
  );
}
