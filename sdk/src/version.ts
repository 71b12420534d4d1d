/** The SDK version (sent in `x-authing-sdk-version`). */
export const VERSION = '0.1.0';
