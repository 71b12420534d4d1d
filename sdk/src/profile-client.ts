import { CredentialsClient } from './credentials-client';
import * as doc from './documents';
import { GenAuthError } from './errors';
import type {
  ApplicationList,
  AuthorizedResource,
  CommonMessage,
  RefreshTokenResult,
  SecurityLevel,
  UpdateUserInput,
  User,
  UserDefinedData,
} from './types';
import { convertUdv, udvToKeyValue } from './udv';

/** Profile, bindings, token refresh, logout and user-defined data of the logged-in user. */
export class ProfileClient extends CredentialsClient {
  private async userOp(document: string, root: string, variables: object, keep: boolean) {
    const user = await this.transport.graphqlRoot<User>(document, variables, root);
    return keep ? this.keep(user) : user;
  }

  /** Updates the logged-in user's profile (`password` is ignored; use `updatePassword`). */
  async updateProfile(updates: UpdateUserInput): Promise<User> {
    const id = this.checkLoggedIn();
    const input: UpdateUserInput = { ...updates };
    delete input.password;
    return this.userOp(doc.UPDATE_USER, 'updateUser', { id, input }, true);
  }

  /** Changes the password (`oldPassword` is required when one is set). Stores nothing. */
  async updatePassword(newPassword: string, oldPassword?: string): Promise<User> {
    const variables = {
      newPassword: newPassword ? await this.encrypt(newPassword) : newPassword,
      oldPassword: oldPassword ? await this.encrypt(oldPassword) : oldPassword,
    };
    return this.userOp(doc.UPDATE_PASSWORD, 'updatePassword', variables, false);
  }

  /** Changes the phone with its SMS code (and the old phone's code when required). */
  updatePhone(
    phone: string,
    phoneCode: string,
    oldPhone?: string,
    oldPhoneCode?: string,
  ): Promise<User> {
    const variables = { phone, phoneCode, oldPhone, oldPhoneCode };
    return this.userOp(doc.UPDATE_PHONE, 'updatePhone', variables, false);
  }

  /** Changes the email with its code (and the old email's code when required). */
  updateEmail(
    email: string,
    emailCode: string,
    oldEmail?: string,
    oldEmailCode?: string,
  ): Promise<User> {
    const variables = { email, emailCode, oldEmail, oldEmailCode };
    return this.userOp(doc.UPDATE_EMAIL, 'updateEmail', variables, false);
  }

  /** Binds a phone to the logged-in user. */
  bindPhone(phone: string, phoneCode: string): Promise<User> {
    return this.userOp(doc.BIND_PHONE, 'bindPhone', { phone, phoneCode }, true);
  }

  /** Unbinds the logged-in user's phone. */
  unbindPhone(): Promise<User> {
    return this.userOp(doc.UNBIND_PHONE, 'unbindPhone', {}, true);
  }

  /** Binds an email to the logged-in user. */
  bindEmail(email: string, emailCode: string): Promise<User> {
    return this.userOp(doc.BIND_EMAIL, 'bindEmail', { email, emailCode }, true);
  }

  /** Unbinds the logged-in user's email. */
  unbindEmail(): Promise<User> {
    return this.userOp(doc.UNBIND_EMAIL, 'unbindEmail', {}, true);
  }

  /** The logged-in user from the server (stored), or `null` on any error (`onError` still fires). */
  async getCurrentUser(): Promise<User | null> {
    try {
      return await this.userOp(doc.USER_QUERY, 'user', {}, true);
    } catch {
      return null;
    }
  }

  /** Refreshes the token (stores the new one). */
  async refreshToken(): Promise<RefreshTokenResult> {
    const result = await this.transport.graphqlRoot<RefreshTokenResult>(
      doc.REFRESH_TOKEN,
      {},
      'refreshToken',
    );
    this.session.setToken(result.token);
    return result;
  }

  /** Logs out on the server; the local login state is cleared only when the server agrees. */
  async logout(): Promise<void> {
    await this.transport.rest('GET', `/api/v2/logout?app_id=${this.options.appId}`);
    this.session.clear();
  }

  /** Links a social account (`secondaryUserToken`) to a primary account. */
  async linkAccount(options: {
    primaryUserToken: string;
    secondaryUserToken: string;
  }): Promise<CommonMessage> {
    const { primaryUserToken, secondaryUserToken } = options;
    await this.transport.rest('POST', '/api/v2/users/link', {
      primaryUserToken,
      secondaryUserToken,
    });
    return { code: 200, message: '绑定成功' };
  }

  /** Unlinks a social provider from the primary account. */
  async unLinkAccount(options: {
    primaryUserToken: string;
    provider: string;
  }): Promise<CommonMessage> {
    const { primaryUserToken, provider } = options;
    await this.transport.rest('POST', '/api/v2/users/unlink', { primaryUserToken, provider });
    return { code: 200, message: '解绑成功' };
  }

  private async udvOp(document: string, root: string, extra: object = {}) {
    const variables = { targetType: 'USER', targetId: this.checkLoggedIn(), ...extra };
    const list = await this.transport.graphqlRoot<UserDefinedData[] | null>(
      document,
      variables,
      root,
    );
    return list ?? [];
  }

  /** The logged-in user's user-defined data, values decoded by type. */
  async listUdv(): Promise<UserDefinedData[]> {
    return convertUdv(await this.udvOp(doc.UDV_QUERY, 'udv'));
  }

  /** Sets one user-defined value (sent JSON-encoded). */
  async setUdv(key: string, value: unknown): Promise<UserDefinedData[]> {
    const list = await this.udvOp(doc.SET_UDV, 'setUdv', { key, value: JSON.stringify(value) });
    return convertUdv(list);
  }

  /** Removes one user-defined value. */
  async removeUdv(key: string): Promise<UserDefinedData[]> {
    return convertUdv(await this.udvOp(doc.REMOVE_UDV, 'removeUdv', { key }));
  }

  /** The user-defined data as `{key: value}`. */
  async getUdfValue(): Promise<Record<string, unknown>> {
    return udvToKeyValue(await this.udvOp(doc.UDV_QUERY, 'udv'));
  }

  /** Sets several user-defined values at once. */
  async setUdfValue(data: Record<string, unknown>): Promise<void> {
    const keys = Object.keys(data);
    if (keys.length === 0) {
      throw new GenAuthError({
        kind: 'invalid-argument',
        code: 400,
        message: 'empty udf value list',
      });
    }
    const udvList = keys.map((key) => ({ key, value: JSON.stringify(data[key]) }));
    await this.udvOp(doc.SET_UDV_BATCH, 'setUdvBatch', { udvList });
  }

  /** Removes one user-defined value. */
  async removeUdfValue(key: string): Promise<void> {
    await this.udvOp(doc.REMOVE_UDV, 'removeUdv', { key });
  }

  /** The organisations the user belongs to (server data as is). */
  listOrgs(): Promise<unknown> {
    return this.transport.rest('GET', '/api/v2/users/me/orgs');
  }

  /** The account's security score. */
  getSecurityLevel(): Promise<SecurityLevel> {
    return this.transport.rest('GET', '/api/v2/users/me/security-level');
  }

  /** The applications the user may access. */
  listApplications(params: { page?: number; limit?: number } = {}): Promise<ApplicationList> {
    const { page = 1, limit = 10 } = params;
    return this.transport.rest(
      'GET',
      `/api/v2/users/me/applications/allowed?page=${page}&limit=${limit}`,
    );
  }

  /** Resources the user is authorised for in a permission namespace. */
  async listAuthorizedResources(
    namespace: string,
    options: { resourceType?: string } = {},
  ): Promise<{ list: AuthorizedResource[]; totalCount: number }> {
    const id = this.checkLoggedIn();
    const data = await this.transport.graphql<{
      user: { authorizedResources: { list: AuthorizedResource[]; totalCount: number } } | null;
    }>(doc.LIST_AUTHORIZED_RESOURCES, { id, namespace, resourceType: options.resourceType });
    if (!data.user) throw this.transport.serverError(2004, '用户不存在', null);
    const { list, totalCount } = data.user.authorizedResources;
    const cleaned = list.map((resource) => {
      const copy: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(resource)) if (value) copy[key] = value;
      return copy as unknown as AuthorizedResource;
    });
    return { list: cleaned, totalCount };
  }
}
