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
    company: String
    photo: String
    device: String
    browser: String
    name: String
    givenName: String
    familyName: String
    middleName: String
    profile: String
    preferredUsername: String
    website: String
    gender: String
    birthdate: String
    zoneinfo: String
    locale: String
    address: String
    formatted: String
    streetAddress: String
    locality: String
    region: String
    postalCode: String
    country: String
    city: String
    province: String
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
    company: String
    browser: String
    device: String
    oauth: String
    tokenExpiredAt: String
    loginsCount: Int
    lastLogin: String
    lastIP: String
    blocked: Boolean
    name: String
    givenName: String
    familyName: String
    middleName: String
    profile: String
    preferredUsername: String
    website: String
    gender: String
    birthdate: String
    zoneinfo: String
    locale: String
    address: String
    formatted: String
    streetAddress: String
    locality: String
    region: String
    postalCode: String
    city: String
    province: String
    country: String
    externalId: String
  }
`;
