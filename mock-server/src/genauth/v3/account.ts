/** The v3 account management of the signed-in user: e-mail, phone and deleting the account. */
import type { Router } from 'express';

import type { Context } from '../../context';
import { requireCaller, type Caller } from '../model/session';
import type { Tenant } from '../model/tenancy';
import {
  bindEmailV3,
  bindPhoneV3,
  deleteAccountV3,
  verifyDeleteAccount,
  verifyUpdateEmail,
  verifyUpdatePhone,
  updateEmailV3,
  updatePhoneV3,
  type DeleteProof,
} from '../model/v3-account';
import { bodyOf, jsonBody, ok, v3 } from './envelope';
import { object, oneOf, optText, text } from './input';

type Body = Record<string, unknown>;
type Act = (body: Body, t: Tenant, caller: Caller) => unknown;

/** The proof of `verify-delete-account-request`, read from its payload. */
function deleteProof(body: Body): DeleteProof {
  const method = oneOf(body, 'verifyMethod', [
    'PHONE_PASSCODE',
    'EMAIL_PASSCODE',
    'PASSWORD',
  ] as const);
  if (method === 'PHONE_PASSCODE') {
    const p = object(body, 'phonePassCodePayload');
    return {
      method,
      phone: text(p, 'phoneNumber', 'phonePassCodePayload.phoneNumber'),
      passCode: text(p, 'passCode', 'phonePassCodePayload.passCode'),
    };
  }
  if (method === 'EMAIL_PASSCODE') {
    const p = object(body, 'emailPassCodePayload');
    return {
      method,
      email: text(p, 'email', 'emailPassCodePayload.email'),
      passCode: text(p, 'passCode', 'emailPassCodePayload.passCode'),
    };
  }
  const p = object(body, 'passwordPayload');
  return {
    method,
    password: text(p, 'password', 'passwordPayload.password'),
    type: oneOf(p, 'passwordEncryptType', ['none', 'rsa', 'sm2'] as const, 'none'),
  };
}

/** Each route after the caller is checked: reads its fields (2231 / 2510) and acts; `undefined` → no `data`. */
const ROUTES: Record<string, (ctx: Context) => Act> = {
  'bind-email': (ctx) => (b, t, c) =>
    bindEmailV3(ctx, t.pool, c.user, text(b, 'email'), text(b, 'passCode')),
  'verify-update-email-request': (ctx) => (b, t, c) => {
    oneOf(b, 'verifyMethod', ['EMAIL_PASSCODE'] as const);
    const p = object(b, 'emailPassCodePayload');
    const path = 'emailPassCodePayload';
    return verifyUpdateEmail(ctx, t.pool, c.user, {
      newEmail: text(p, 'newEmail', `${path}.newEmail`),
      newCode: text(p, 'newEmailPassCode', `${path}.newEmailPassCode`),
      oldEmail: optText(p, 'oldEmail', `${path}.oldEmail`),
      oldCode: optText(p, 'oldEmailPassCode', `${path}.oldEmailPassCode`),
    });
  },
  'update-email': (ctx) => (b, t, c) =>
    updateEmailV3(ctx, t.pool, c.user, text(b, 'updateEmailToken')),
  'bind-phone': (ctx) => (b, t, c) =>
    bindPhoneV3(ctx, t.pool, c.user, {
      phone: text(b, 'phoneNumber'),
      passCode: text(b, 'passCode'),
      countryCode: optText(b, 'phoneCountryCode'),
    }),
  'verify-update-phone-request': (ctx) => (b, t, c) => {
    oneOf(b, 'verifyMethod', ['PHONE_PASSCODE'] as const);
    const p = object(b, 'phonePassCodePayload');
    const path = 'phonePassCodePayload';
    return verifyUpdatePhone(ctx, t.pool, c.user, {
      newPhone: text(p, 'newPhoneNumber', `${path}.newPhoneNumber`),
      newCode: text(p, 'newPhonePassCode', `${path}.newPhonePassCode`),
      newCountryCode: optText(p, 'newPhoneCountryCode', `${path}.newPhoneCountryCode`),
      oldPhone: optText(p, 'oldPhoneNumber', `${path}.oldPhoneNumber`),
      oldCode: optText(p, 'oldPhonePassCode', `${path}.oldPhonePassCode`),
    });
  },
  'update-phone': (ctx) => (b, t, c) =>
    updatePhoneV3(ctx, t.pool, c.user, text(b, 'updatePhoneToken')),
  'verify-delete-account-request': (ctx) => (b, t, c) =>
    verifyDeleteAccount(ctx, t.pool, c.user, deleteProof(b)),
  'delete-account': (ctx) => (b, t, c) =>
    deleteAccountV3(ctx, t.pool, c.user, text(b, 'deleteAccountToken')),
};

/** `bind-email`, `verify-update-email-request`, `update-email`, the same for the phone, and deletion. */
export function accountRoutes(router: Router, ctx: Context): void {
  for (const [name, make] of Object.entries(ROUTES)) {
    const act = make(ctx);
    router.post(
      `/api/v3/${name}`,
      jsonBody(ctx),
      v3(ctx, async (req, res, tenant) => {
        const body = bodyOf(req);
        const t = tenant();
        const caller = await requireCaller(ctx, t);
        ok(res, act(body, t, caller) ?? undefined);
      }),
    );
  }
}
