/** SDL of the root operations every 4.x AuthenticationClient sends to `/graphql/v2`. */
export const OPERATIONS_SDL = /* GraphQL */ `
  type Query {
    user(id: String): User
    checkLoginStatus(token: String): JwtTokenStatus
    checkPasswordStrength(password: String!): CheckPasswordStrengthResult
    udv(targetType: UDFTargetType!, targetId: String!): [UserDefinedData!]
    isUserExists(email: String, phone: String, username: String, externalId: String): Boolean
  }

  type Mutation {
    registerByEmail(input: RegisterByEmailInput!): User
    registerByUsername(input: RegisterByUsernameInput!): User
    registerByPhoneCode(input: RegisterByPhoneCodeInput!): User
    loginByEmail(input: LoginByEmailInput!): User
    loginByUsername(input: LoginByUsernameInput!): User
    loginByPhoneCode(input: LoginByPhoneCodeInput!): User
    loginByPhonePassword(input: LoginByPhonePasswordInput!): User
    loginBySubAccount(
      account: String!
      password: String!
      captchaCode: String
      clientIp: String
    ): User
    sendEmail(email: String!, scene: EmailScene!): CommonMessage
    resetPassword(
      phone: String
      email: String
      code: String!
      newPassword: String!
      phoneCountryCode: String
    ): CommonMessage
    updateUser(id: String, input: UpdateUserInput!, emailToken: String, phoneToken: String): User
    updatePassword(newPassword: String!, oldPassword: String): User
    updatePhone(
      phone: String!
      phoneCode: String!
      oldPhone: String
      oldPhoneCode: String
      phoneCountryCode: String
      oldPhoneCountryCode: String
    ): User
    updateEmail(email: String!, emailCode: String!, oldEmail: String, oldEmailCode: String): User
    refreshToken(id: String): RefreshToken
    bindPhone(phone: String!, phoneCode: String!, phoneCountryCode: String): User
    unbindPhone: User
    bindEmail(email: String!, emailCode: String!): User
    unbindEmail: User
    setUdv(
      targetType: UDFTargetType!
      targetId: String!
      key: String!
      value: String!
    ): [UserDefinedData!]
    removeUdv(targetType: UDFTargetType!, targetId: String!, key: String!): [UserDefinedData!]
    setUdvBatch(
      targetType: UDFTargetType!
      targetId: String!
      udvList: [UserDefinedDataInput!]
    ): [UserDefinedData!]
  }
`;
