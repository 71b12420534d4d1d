/**
 * State import: the document `GET /__mock/v1/state` gives, read strictly and installed whole, so
 * the mock goes on exactly as the exported one would have (same ids, tokens, clock and random
 * stream position). Nothing changes unless the whole document is valid.
 */
import { createFixtures, type Fixtures, type WechatAppFixture } from '@genauth-wxapp/fixtures';

import type { Context } from '../context';
import { FAULT_ROUTES } from '../control/fault-routes';
import { ControlError, badField } from '../control/error';
import type * as GenauthStateModule from '../genauth/state';
import { importOidc, type OidcDocument } from '../genauth/model/oidc-state';
import { USER_FIELDS } from '../genauth/model/user-fields';
import type { GenauthImport } from '../genauth/state';
import { SeededRandom, type RandomPosition } from '../random';
import { STATE_VERSION } from '../store';
import { importSide } from './side';
import type { Fault } from '../wechat/fault-book';
import type { PhoneProduct } from '../wechat/phone-quota';
import { restoreWechat, userKey, type WechatImport, type WechatUser } from '../wechat/state';
import {
  arr,
  bool,
  count,
  dangling,
  list,
  num,
  numOrNull,
  obj,
  oneOf,
  pairs,
  record,
  str,
  strOrNull,
} from './check';

function positive(v: unknown, path: string): number {
  if (count(v, path) === 0) throw badField(path, 'a positive integer');
  return v as number;
}

function position(v: unknown, path: string): RandomPosition {
  const o = obj(v, path);
  const pool = str(o['pool'], `${path}.pool`);
  if (!/^(?:[0-9a-f]{2}){0,32}$/.test(pool))
    throw badField(`${path}.pool`, 'lowercase hex of at most 32 bytes');
  return { counter: count(o['counter'], `${path}.counter`), pool };
}

/** The profile fields of a WeChat user (the fixture's), so no later read meets a wrong type. */
function checkWechatProfile(u: Record<string, unknown>, p: string): void {
  strOrNull(u['unionid'], `${p}.unionid`);
  for (const field of ['nickName', 'avatarUrl', 'city', 'province', 'country'] as const)
    str(u[field], `${p}.${field}`);
  if (![0, 1, 2].includes(u['gender'] as number)) throw badField(`${p}.gender`, '0, 1 or 2');
  oneOf(u['language'], `${p}.language`, ['zh_CN', 'en', 'zh_TW'] as const);
  if (u['phone'] !== null) {
    const phone = obj(u['phone'], `${p}.phone`);
    str(phone['countryCode'], `${p}.phone.countryCode`);
    str(phone['purePhoneNumber'], `${p}.phone.purePhoneNumber`);
  }
  bool(u['blocked'], `${p}.blocked`);
  strOrNull(u['sessionKey'], `${p}.sessionKey`);
}

function checkWechat(v: unknown): WechatImport {
  const w = obj(v, 'wechat');
  const apps = list(w['apps'], 'wechat.apps', (x, p) => {
    const a = obj(x, p);
    str(a['appid'], `${p}.appid`);
    str(a['secret'], `${p}.secret`);
    str(a['name'], `${p}.name`);
    strOrNull(a['openPlatformId'], `${p}.openPlatformId`);
    return a as unknown as WechatAppFixture;
  });
  const appIds = new Set(apps.map((a) => a.appid));
  const app = (x: unknown, p: string): string => {
    const id = str(x, p);
    if (!appIds.has(id)) dangling(p, 'an appid of wechat.apps');
    return id;
  };
  const users = list(w['users'], 'wechat.users', (x, p) => {
    const u = obj(x, p);
    app(u['appid'], `${p}.appid`);
    str(u['openid'], `${p}.openid`);
    checkWechatProfile(u, p);
    return u as unknown as WechatUser;
  });
  const userKeys = new Set(users.map((u) => userKey(u.appid, u.openid)));
  const user = (o: Record<string, unknown>, p: string): void => {
    const appid = app(o['appid'], `${p}.appid`);
    const openid = str(o['openid'], `${p}.openid`);
    if (!userKeys.has(userKey(appid, openid))) dangling(`${p}.openid`, 'a user of wechat.users');
  };
  const code = (x: unknown, p: string) => {
    const c = obj(x, p);
    user(c, p);
    return {
      code: str(c['code'], `${p}.code`),
      appid: c['appid'] as string,
      openid: c['openid'] as string,
      issuedAt: num(c['issuedAt'], `${p}.issuedAt`),
      usedAt: numOrNull(c['usedAt'], `${p}.usedAt`),
    };
  };
  const fb = obj(w['faultBook'], 'wechat.faultBook');
  return {
    apps,
    users,
    sessions: list(w['sessions'], 'wechat.sessions', (x, p) => {
      const s = obj(x, p);
      user(s, p);
      return {
        appid: s['appid'] as string,
        openid: s['openid'] as string,
        sessionKey: str(s['sessionKey'], `${p}.sessionKey`),
        createdAt: num(s['createdAt'], `${p}.createdAt`),
        expiresAt: num(s['expiresAt'], `${p}.expiresAt`),
      };
    }),
    codes: list(w['codes'], 'wechat.codes', code),
    phoneCodes: list(w['phoneCodes'], 'wechat.phoneCodes', code),
    accessTokens: list(w['accessTokens'], 'wechat.accessTokens', (x, p) => {
      const t = obj(x, p);
      return {
        token: str(t['token'], `${p}.token`),
        appid: app(t['appid'], `${p}.appid`),
        family: oneOf(t['family'], `${p}.family`, ['token', 'stable'] as const),
        issuedAt: num(t['issuedAt'], `${p}.issuedAt`),
        expiresAt: num(t['expiresAt'], `${p}.expiresAt`),
        revokedAt: numOrNull(t['revokedAt'], `${p}.revokedAt`),
      };
    }),
    stableQuota: record(w['stableQuota'], 'wechat.stableQuota', (x, p) => {
      const q = obj(x, p);
      return {
        day: num(q['day'], `${p}.day`),
        forced: count(q['forced'], `${p}.forced`),
        lastForcedAt: numOrNull(q['lastForcedAt'], `${p}.lastForcedAt`),
      };
    }),
    latestToken: record(w['latestToken'], 'wechat.latestToken', str),
    loginRate: pairs(w['loginRate'], 'wechat.loginRate', (x, p) => {
      const r = obj(x, p);
      return { minute: num(r['minute'], `${p}.minute`), count: count(r['count'], `${p}.count`) };
    }),
    rids: position(w['rids'], 'wechat.rids'),
    faultBook: {
      nextId: count(fb['nextId'], 'wechat.faultBook.nextId'),
      pending: list(fb['pending'], 'wechat.faultBook.pending', (x, p): Fault => {
        const f = obj(x, p);
        return {
          id: count(f['id'], `${p}.id`),
          route: oneOf(f['route'], `${p}.route`, Object.keys(FAULT_ROUTES)),
          errcode: num(f['errcode'], `${p}.errcode`),
          remaining: positive(f['remaining'], `${p}.remaining`),
          appid: strOrNull(f['appid'], `${p}.appid`),
          delayMs: num(f['delayMs'], `${p}.delayMs`),
        };
      }),
    },
  };
}

function checkGenauth(v: unknown, fixtures: Fixtures): GenauthImport & { oidc: OidcDocument } {
  const g = obj(v, 'genauth');
  const poolIds = new Set(fixtures.genauth.pools.map((p) => p.id));
  const users = new Map<string, Set<string>>();
  const pools = list(g['pools'], 'genauth.pools', (x, p) => {
    const pool = obj(x, p);
    const id = str(pool['id'], `${p}.id`);
    if (!poolIds.has(id)) dangling(`${p}.id`, `a pool of the fixtures of seed`);
    if (users.has(id)) throw new ControlError(400, 'invalid_field', `"${p}.id" is a duplicate`);
    const ids = new Set<string>();
    users.set(id, ids);
    return {
      id,
      users: list(pool['users'], `${p}.users`, (y, q) => {
        const u = obj(y, q);
        for (const k of USER_FIELDS)
          if (!(k in u)) throw new ControlError(400, 'invalid_field', `"${q}.${k}" is missing`);
        const uid = str(u['id'], `${q}.id`);
        if (ids.has(uid)) throw new ControlError(400, 'invalid_field', `"${q}.id" is a duplicate`);
        ids.add(uid);
        if (str(u['poolId'], `${q}.poolId`) !== id) dangling(`${q}.poolId`, 'the id of its pool');
        strOrNull(u['passwordHash'], `${q}.passwordHash`);
        bool(u['blocked'], `${q}.blocked`);
        count(u['loginsCount'], `${q}.loginsCount`);
        arr(u['registerSource'], `${q}.registerSource`);
        arr(u['identities'], `${q}.identities`);
        obj(u['profile'], `${q}.profile`);
        obj(u['udv'], `${q}.udv`);
        return u;
      }),
      udfs: list(pool['udfs'], `${p}.udfs`, (y, q) => {
        str(obj(y, q)['key'], `${q}.key`);
        return y;
      }),
      orgs: arr(pool['orgs'], `${p}.orgs`),
    };
  });
  for (const id of poolIds)
    if (!users.has(id)) dangling('genauth.pools', `pool "${id}" of the fixtures in`);
  const pool = (x: unknown, p: string): string => {
    const id = str(x, p);
    if (!users.has(id)) dangling(p, 'a pool id');
    return id;
  };
  const userOf = (poolId: string, x: unknown, p: string): string => {
    const id = str(x, p);
    if (!users.get(poolId)?.has(id)) dangling(p, `a user of pool "${poolId}"`);
    return id;
  };
  const grant = (x: unknown, p: string) => {
    const r = obj(x, p);
    const poolId = pool(r['poolId'], `${p}.poolId`);
    str(r['appId'], `${p}.appId`);
    if (r['userId'] !== null) userOf(poolId, r['userId'], `${p}.userId`);
    num(r['expiresAt'], `${p}.expiresAt`);
    return r;
  };
  const o = obj(g['oidc'], 'genauth.oidc');
  const sessions = pairs(o['sessions'], 'genauth.oidc.sessions', (x, p) => {
    const s = grant(x, p);
    list(s['accessTokens'], `${p}.accessTokens`, str);
    list(s['refreshTokens'], `${p}.refreshTokens`, str);
    return s;
  });
  return {
    pools,
    messages: list(g['messages'], 'genauth.messages', (x, p) => {
      const m = obj(x, p);
      return {
        seq: count(m['seq'], `${p}.seq`),
        poolId: pool(m['poolId'], `${p}.poolId`),
        channel: oneOf(m['channel'], `${p}.channel`, ['sms', 'email'] as const),
        to: str(m['to'], `${p}.to`),
        scene: str(m['scene'], `${p}.scene`),
        code: str(m['code'], `${p}.code`),
        sentAt: num(m['sentAt'], `${p}.sentAt`),
        expiresAt: num(m['expiresAt'], `${p}.expiresAt`),
        used: bool(m['used'], `${p}.used`),
      };
    }),
    revoked: list(g['revoked'], 'genauth.revoked', str),
    messageSeq: count(g['messageSeq'], 'genauth.messageSeq'),
    fixedCodes: record(g['fixedCodes'], 'genauth.fixedCodes', str),
    uploadFiles: list(g['uploadFiles'], 'genauth.uploadFiles', (x, p) => {
      const u = obj(x, p);
      return {
        key: str(u['key'], `${p}.key`),
        mimetype: str(u['mimetype'], `${p}.mimetype`),
        originalName: str(u['originalName'], `${p}.originalName`),
        data: str(u['data'], `${p}.data`),
      };
    }),
    oidc: {
      codes: pairs(o['codes'], 'genauth.oidc.codes', grant),
      refreshTokens: pairs(o['refreshTokens'], 'genauth.oidc.refreshTokens', grant),
      accessTokens: pairs(o['accessTokens'], 'genauth.oidc.accessTokens', grant),
      sessions,
    } as unknown as OidcDocument,
  };
}

/**
 * Loads the modules that register side tables, before an import installs them (literal
 * `require`s, so a bundler sees them).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const SIDE_MODULES: readonly (() => unknown)[] = [
  () => require('../wechat/phone-quota'),
  () => require('../wechat/encrypt-keys'),
  () => require('../wechat/payments'),
  () => require('../wechat/plugin'),
  () => require('../wechat/encrypted-msgs'),
  () => require('../genauth/cas/tickets'),
  () => require('../genauth/model/v3-pending'),
  () => require('../genauth/v3/request-id'),
];
/* eslint-enable @typescript-eslint/no-require-imports */

/** `[key, record]` pairs whose records are objects with the given number fields. */
const records =
  (...numbers: string[]) =>
  (v: unknown, path: string): [string, unknown][] =>
    pairs(v, path, (x, p) => {
      const o = obj(x, p);
      for (const n of numbers) num(o[n], `${p}.${n}`);
      return o;
    });

/** `[appid, quotas]` pairs: each product's trial, paid and used calls, as counts. */
function phoneQuotas(v: unknown, path: string): [string, unknown][] {
  return pairs(v, path, (x, p) => {
    const quotas = obj(x, p);
    for (const product of ['fastVerify', 'realtime'] satisfies PhoneProduct[]) {
      const q = obj(quotas[product], `${p}.${product}`);
      for (const n of ['trial', 'paid', 'used'] as const) count(q[n], `${p}.${product}.${n}`);
    }
    return quotas;
  });
}

/** The side tables of the document, checked: `wechat.tables.*` and `genauth.tables.*`. */
function checkTables(root: Record<string, unknown>): {
  wechat: Record<string, unknown>;
  genauth: Record<string, unknown>;
} {
  const w = obj(obj(root['wechat'], 'wechat')['tables'], 'wechat.tables');
  const g = obj(obj(root['genauth'], 'genauth')['tables'], 'genauth.tables');
  const payments = obj(w['payments'], 'wechat.tables.payments');
  return {
    wechat: {
      phoneQuota: phoneQuotas(w['phoneQuota'], 'wechat.tables.phoneQuota'),
      encryptKeys: pairs(w['encryptKeys'], 'wechat.tables.encryptKeys', (x, p) =>
        list(x, p, (k, q) => {
          const key = obj(k, q);
          num(key['version'], `${q}.version`);
          num(key['createTime'], `${q}.createTime`);
          return key;
        }),
      ),
      payments: {
        byTransaction: records('paidAt')(
          payments['byTransaction'],
          'wechat.tables.payments.byTransaction',
        ),
        byOrder: records('paidAt')(payments['byOrder'], 'wechat.tables.payments.byOrder'),
      },
      pluginCodes: records('issuedAt')(w['pluginCodes'], 'wechat.tables.pluginCodes'),
      encryptedMsgs: records('createdAt')(w['encryptedMsgs'], 'wechat.tables.encryptedMsgs'),
    },
    genauth: {
      casTickets: records('expiresAt')(g['casTickets'], 'genauth.tables.casTickets'),
      v3Pending: records('expiresAt')(g['v3Pending'], 'genauth.tables.v3Pending'),
      v3RequestSeq: count(g['v3RequestSeq'], 'genauth.tables.v3RequestSeq'),
    },
  };
}

/**
 * Replaces the whole state of `ctx` with `doc` (an export of this or another mock): fixtures of
 * its seed, WeChat and GenAuth state, the clock at its `now`, the random streams at their
 * positions. Throws a 400 {@link ControlError} naming the bad field, with nothing changed.
 */
export function importState(ctx: Context, doc: unknown): void {
  const root = obj(doc, '(document)');
  if (root['version'] !== STATE_VERSION)
    throw new ControlError(
      400,
      'invalid_field',
      `"version" must be ${STATE_VERSION} (this mock reads state documents of version ${STATE_VERSION}), got ${JSON.stringify(root['version']) ?? 'none'}`,
    );
  const seed = str(root['seed'], 'seed');
  const now = num(root['now'], 'now');
  const random = position(root['random'], 'random');
  const fixtures = seed === ctx.store.fixtures.seed ? ctx.store.fixtures : createFixtures(seed);
  const wechatDoc = checkWechat(root['wechat']);
  const genauthDoc = checkGenauth(root['genauth'], fixtures);
  const tables = checkTables(root);
  // Entries are re-inserted on the imported clock, so none expires on the way in.
  const before = ctx.clock.now();
  ctx.clock.set(now);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { restoreGenauth } = require('../genauth/state') as typeof GenauthStateModule;
    const clockNow = () => ctx.clock.now();
    const genauth = restoreGenauth(genauthDoc, fixtures, ctx.clock);
    importOidc(genauth, genauthDoc.oidc, clockNow);
    const wechat = restoreWechat(wechatDoc, seed, ctx.clock);
    for (const load of SIDE_MODULES) load();
    for (const [name, data] of Object.entries(tables.wechat))
      importSide(name, wechat, data, clockNow);
    for (const [name, data] of Object.entries(tables.genauth))
      importSide(name, genauth, data, clockNow);
    ctx.store.replace({
      fixtures,
      wechat,
      genauth,
      random: SeededRandom.at(seed, random),
    });
  } catch (err) {
    ctx.clock.set(before);
    throw err;
  }
}
