/** `POST /api/v3/send-sms` and `POST /api/v3/send-email`: a code to the outbox, one a minute. */
import type { Router } from 'express';

import type { Context } from '../../context';
import { sendCode } from '../model/codes';
import type { PoolState } from '../model/types';
import { requireEmail, requirePhone } from '../model/validate';
import { V3Error } from './codes';
import { bodyOf, jsonBody, ok, v3 } from './envelope';
import { oneOf, text } from './input';

/** The SMS channels of the v3 API. */
export const SMS_CHANNELS = [
  'CHANNEL_LOGIN',
  'CHANNEL_REGISTER',
  'CHANNEL_RESET_PASSWORD',
  'CHANNEL_BIND_PHONE',
  'CHANNEL_UNBIND_PHONE',
  'CHANNEL_BIND_MFA',
  'CHANNEL_VERIFY_MFA',
  'CHANNEL_UNBIND_MFA',
  'CHANNEL_COMPLETE_PHONE',
  'CHANNEL_IDENTITY_VERIFICATION',
  'CHANNEL_DELETE_ACCOUNT',
] as const;

/** The e-mail channels of the v3 API. */
export const EMAIL_CHANNELS = [
  'CHANNEL_LOGIN',
  'CHANNEL_REGISTER',
  'CHANNEL_RESET_PASSWORD',
  'CHANNEL_VERIFY_EMAIL_LINK',
  'CHANNEL_UPDATE_EMAIL',
  'CHANNEL_BIND_EMAIL',
  'CHANNEL_UNBIND_EMAIL',
  'CHANNEL_VERIFY_MFA',
  'CHANNEL_UNLOCK_ACCOUNT',
  'CHANNEL_COMPLETE_EMAIL',
  'CHANNEL_DELETE_ACCOUNT',
] as const;

/** One send per target and channel in this window (mock clock). */
export const SEND_INTERVAL_MS = 60_000;

/** Refuses a second send to `to` on `scene` within {@link SEND_INTERVAL_MS} (429, nothing sent). */
function throttle(
  ctx: Context,
  pool: PoolState,
  channel: 'sms' | 'email',
  to: string,
  scene: string,
) {
  const since = ctx.clock.now() - SEND_INTERVAL_MS;
  const recent = ctx.store.genauth.messages.some(
    (m) =>
      m.poolId === pool.pool.id &&
      m.channel === channel &&
      m.to === to &&
      m.scene === scene &&
      m.sentAt > since,
  );
  if (recent) throw new V3Error(429, '您的请求已超过最大数量限制，请稍后重试');
}

/** Each send: its path, the outbox channel, the target's field and check, and its channels. */
const SENDS = [
  {
    path: '/api/v3/send-sms',
    channel: 'sms',
    field: 'phoneNumber',
    target: requirePhone,
    scenes: SMS_CHANNELS,
  },
  {
    path: '/api/v3/send-email',
    channel: 'email',
    field: 'email',
    target: requireEmail,
    scenes: EMAIL_CHANNELS,
  },
] as const;

/** The two sends; the pool comes from `x-authing-userpool-id` (or the app). */
export function messageRoutes(router: Router, ctx: Context): void {
  for (const { path, channel, field, target, scenes } of SENDS) {
    router.post(
      path,
      jsonBody(ctx),
      v3(ctx, (req, res, tenant) => {
        const body = bodyOf(req);
        const to = target(text(body, field));
        const scene = oneOf(body, 'channel', scenes);
        const pool = tenant().pool;
        throttle(ctx, pool, channel, to, scene);
        sendCode(ctx, pool, channel, to, scene);
        ok(res, undefined, '发送成功');
      }),
    );
  }
}
