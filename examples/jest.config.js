/** Jest: each test file picks the kit's environment with its `@jest-environment` docblock. */
module.exports = {
  testMatch: ['<rootDir>/test/jest/**/*.test.js'],
};
