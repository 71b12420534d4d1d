import { profileSdl } from '../model/profile-fields';

/** SDL of the GenAuth v2 enums and object types (4.15.8 documents plus the 4.23.55 superset). */
export const TYPES_SDL = /* GraphQL */ `
  enum UserStatus {
    Suspended
    Resigned
    Activated
    Archived
  }
  enum EmailScene {
    RESET_PASSWORD
    VERIFY_EMAIL
    CHANGE_EMAIL
    MFA_VERIFY
  }
  enum UDFTargetType {
    NODE
    ORG
    USER
    USERPOOL
    ROLE
    PERMISSION
    APPLICATION
  }
  enum UDFDataType {
    STRING
    NUMBER
    DATETIME
    BOOLEAN
    OBJECT
  }

  type Identity {
    id: String
    openid: String
    userIdInIdp: String
    userId: String
    connectionId: String
    isSocial: Boolean
    provider: String
    type: String
    extIdpId: String
    userPoolId: String
  }

  type UserCustomData {
    key: String!
    value: String
    dataType: UDFDataType!
    label: String
  }

  type AuthorizedResource {
    code: String!
    type: String
    actions: [String!]
    apiIdentifier: String
  }

  type PaginatedAuthorizedResources {
    totalCount: Int!
    list: [AuthorizedResource!]!
  }

  type Role {
    id: String
    code: String!
    namespace: String
    arn: String
    description: String
    createdAt: String
    updatedAt: String
    parent: Role
  }

  type PaginatedRoles {
    totalCount: Int!
    list: [Role!]!
  }

  type User {
    id: String!
    arn: String!
    status: UserStatus
    userPoolId: String!
    username: String
    email: String
    emailVerified: Boolean
    phone: String
    phoneVerified: Boolean
    phoneCountryCode: String
    unionid: String
    openid: String
    identities: [Identity]
    nickname: String
    registerSource: [String!]
    photo: String
    password: String
    oauth: String
    token: String
    tokenExpiredAt: String
    loginsCount: Int
    lastLogin: String
    lastIP: String
    signedUp: String
    blocked: Boolean
    isDeleted: Boolean
${profileSdl((f) => f.inView)}
    createdAt: String
    updatedAt: String
    externalId: String
    customData: [UserCustomData]
    newlyCreated: Boolean
    expiredAt: String
    directManagement: Boolean
    authorizedResources(namespace: String, resourceType: String): PaginatedAuthorizedResources
    roles(namespace: String): PaginatedRoles
  }

  type JwtTokenStatusDetail {
    id: String
    userPoolId: String
    arn: String
  }

  type JwtTokenStatus {
    code: Int
    message: String
    status: Boolean
    exp: Int
    iat: Int
    data: JwtTokenStatusDetail
  }

  type RefreshToken {
    token: String
    iat: Int
    exp: Int
  }

  type CommonMessage {
    message: String
    code: Int
  }

  type CheckPasswordStrengthResult {
    valid: Boolean!
    message: String
  }

  type UserDefinedData {
    key: String!
    dataType: UDFDataType!
    value: String!
    label: String
  }
`;
