/**
 * Where the demo finds GenAuth. These are the mock's defaults (`npm start` at the repository
 * root prints them): host 127.0.0.1:3000, the seeded demo user pool and its mini-program app,
 * whose WeChat appid is the official demo appid. `mockWechat` answers wx.login from the mock in
 * devtools (see utils/dev-wechat.js); `adminToken` is the mock's `--admin-token`, needed when a
 * phone (another address) runs the demo. Tests overwrite all of it.
 */
module.exports = {
  host: 'http://127.0.0.1:3000',
  userPoolId: 'd2a062e2bc8ea99aeafec12a',
  appId: 'ca9fa55070e1a4fffe1ffeae',
  wechatAppid: 'wx4f4bc4dec97d474b',
  timeout: 10000,
  mockWechat: true,
  adminToken: '',
};
