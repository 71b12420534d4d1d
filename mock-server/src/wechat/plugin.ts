import { createHash } from 'node:crypto';

import type { Context } from '../context';
import type { ExpiringMap } from '../expiring';
import { wechatError } from './errcodes';
import { RULES } from './rules';
import { faultThenToken } from './token-fault';
import { expiringSide } from '../state-io/side';

/** A `wx.pluginLogin` code: single use, 5 minutes, for one user of a host app and one plugin. */
export interface PluginCode {
  code: string;
  appid: string;
  openid: string;
  pluginAppid: string;
  issuedAt: number;
  usedAt: number | null;
}

const tableOf = expiringSide<PluginCode>('pluginCodes', (c) => c.issuedAt + RULES.codeTtlMs);

/** The open plugin codes of the current state. */
function codesOf(ctx: Context): ExpiringMap<string, PluginCode> {
  return tableOf(ctx.store.wechat, () => ctx.clock.now());
}

/** Records a new plugin code (the simulated client's `wx.pluginLogin`). */
export function mintPluginCode(
  ctx: Context,
  input: { appid: string; openid: string; pluginAppid: string },
): PluginCode {
  const record: PluginCode = {
    code: ctx.random.alnum(32),
    ...input,
    issuedAt: ctx.clock.now(),
    usedAt: null,
  };
  codesOf(ctx).set(record.code, record);
  return { ...record };
}

/** The user's openpid: stable and unique per (user, host app, plugin), 28 characters. */
export function openpidOf(appid: string, openid: string, pluginAppid: string): string {
  const digest = createHash('sha256').update(`${appid}\n${openid}\n${pluginAppid}`).digest();
  return `o${digest.toString('base64url').slice(0, 27)}`;
}

/**
 * `POST /wxa/getpluginopenpid?access_token {code}`, called with the plugin's access token: a
 * pending `wechat.getpluginopenpid` fault first, then the access token; 1001 for a missing or
 * non-string code, 1007 for a code WeChat does not hold (unknown, a `wx.login` code, expired or
 * used), 1005 for a code of another plugin.
 * @throws {WechatError}
 */
export function getPluginOpenpid(
  ctx: Context,
  rawToken: unknown,
  body: Record<string, unknown>,
): string {
  const token = faultThenToken(ctx, 'wechat.getpluginopenpid', rawToken);
  const { code } = body;
  if (typeof code !== 'string' || code === '') throw wechatError(1001);
  const record = codesOf(ctx).get(code);
  if (!record || record.usedAt !== null) throw wechatError(1007);
  if (record.pluginAppid !== token.appid) throw wechatError(1005);
  record.usedAt = ctx.clock.now();
  return openpidOf(record.appid, record.openid, record.pluginAppid);
}
