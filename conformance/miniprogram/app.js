/* global App, wx */
const config = require('./config');
const sdk = require('./sdk');
const { installMockWechat } = require('./utils/dev-wechat');

App({
  globalData: { auth: null },

  onLaunch() {
    if (config.mockWechat) installMockWechat(config);
    this.globalData.auth = new sdk.AuthenticationClient({
      appId: config.appId,
      userPoolId: config.userPoolId,
      host: config.host,
      timeout: config.timeout,
      // Every server-side failure is shown to the user once, then thrown to the page.
      onError(code, message) {
        wx.showModal({
          title: '请求失败',
          content: message + '（' + code + '）',
          showCancel: false,
        });
      },
    });
  },

  onError(error) {
    wx.showModal({ title: '程序错误', content: String(error), showCancel: false });
  },
});
