/* global App */
const config = require('./config');
const { AuthenticationClient } = require('@genauth-wxapp/sdk');

App({
  globalData: { auth: null },

  onLaunch() {
    this.globalData.auth = new AuthenticationClient({
      appId: config.appId,
      userPoolId: config.userPoolId,
      host: config.host,
    });
  },
});
