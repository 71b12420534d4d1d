import type {
  AuthorizedResourceFixture,
  DirectoryAccountFixture,
  GenauthAppFixture,
  GenauthPoolFixture,
  OrgFixture,
  UdfFixture,
} from '@genauth-wxapp/fixtures';

import type { UserTable } from './user-table';

export type { IdentityRecord, UserRecord } from './user-record';

/** Everything one user pool holds. */
export interface PoolState {
  pool: GenauthPoolFixture;
  apps: Map<string, GenauthAppFixture>;
  /** Users by id; indexes every looked-up field (see {@link UserTable}). */
  users: UserTable;
  udfs: Map<string, UdfFixture>;
  orgs: OrgFixture[];
  resources: AuthorizedResourceFixture[];
  directory: DirectoryAccountFixture[];
}

/** An SMS or e-mail the mock "sent", readable through `GET /__mock/v1/messages`. */
export interface MessageRecord {
  seq: number;
  poolId: string;
  channel: 'sms' | 'email';
  to: string;
  scene: string;
  code: string;
  sentAt: number;
  expiresAt: number;
  used: boolean;
}

/** An uploaded file, served back at its URL. */
export interface UploadRecord {
  key: string;
  mimetype: string;
  bytes: Buffer;
  originalName: string;
}
