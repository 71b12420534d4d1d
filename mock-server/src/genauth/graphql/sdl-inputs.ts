import { profileSdl } from '../model/profile-fields';

/** SDL of the GenAuth v2 input types (4.15.8 documents plus the 4.23.55 superset). */
export const INPUTS_SDL = /* GraphQL */ `
  input UserDefinedDataInput {
    key: String!
    value: String
  }

  input RegisterProfileUdf {
    key: String!
    value: String
  }

  input RegisterProfile {
    ip: String
    oauth: String
    username: String
    nickname: String
    photo: String
${profileSdl((f) => f.settable)}
    udf: [RegisterProfileUdf!]
  }

  input RegisterByEmailInput {
    email: String!
    password: String!
    profile: RegisterProfile
    forceLogin: Boolean
    generateToken: Boolean
    clientIp: String
    params: String
    context: String
  }

  input RegisterByUsernameInput {
    username: String!
    password: String!
    profile: RegisterProfile
    forceLogin: Boolean
    generateToken: Boolean
    clientIp: String
    params: String
    context: String
  }

  input RegisterByPhoneCodeInput {
    phone: String!
    code: String!
    phoneCountryCode: String
    password: String
    profile: RegisterProfile
    forceLogin: Boolean
    generateToken: Boolean
    clientIp: String
    params: String
    context: String
  }

  input LoginByEmailInput {
    email: String!
    password: String!
    captchaCode: String
    autoRegister: Boolean
    clientIp: String
    params: String
    context: String
  }

  input LoginByUsernameInput {
    username: String!
    password: String!
    captchaCode: String
    autoRegister: Boolean
    clientIp: String
    params: String
    context: String
  }

  input LoginByPhoneCodeInput {
    phone: String!
    code: String!
    phoneCountryCode: String
    autoRegister: Boolean
    clientIp: String
    params: String
    context: String
  }

  input LoginByPhonePasswordInput {
    phone: String!
    password: String!
    captchaCode: String
    autoRegister: Boolean
    clientIp: String
    params: String
    context: String
  }

  input UpdateUserInput {
    email: String
    unionid: String
    openid: String
    emailVerified: Boolean
    phone: String
    phoneVerified: Boolean
    phoneCountryCode: String
    username: String
    nickname: String
    password: String
    photo: String
    oauth: String
    tokenExpiredAt: String
    loginsCount: Int
    lastLogin: String
    lastIP: String
    blocked: Boolean
${profileSdl((f) => f.settable)}
    externalId: String
  }
`;
