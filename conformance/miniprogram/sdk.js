/**
 * The one place the demo gets its SDK from. In WeChat devtools this is the npm package built by
 * "Tools → Build npm". Tests may replace `AuthenticationClient` (e.g. with the official
 * authing-wxapp-sdk) before app.js runs, so the same pages run against either SDK.
 */
module.exports = {
  AuthenticationClient: require('@genauth-wxapp/sdk').AuthenticationClient,
};
