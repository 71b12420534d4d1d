/* global wx */
/**
 * Demo mode for WeChat devtools. Codes from WeChat's real `wx.login` mean nothing to the local
 * mock, so with `config.mockWechat` on, `wx.login` and `wx.getUserProfile` are answered by the
 * mock's simulated WeChat client, through its typed control client (vendored into
 * `miniprogram_npm/` by `npm run demo`), as the test bridge does under Jest.
 * The phone buttons still deliver WeChat's own details, which the mock cannot decrypt: the phone
 * flows are demonstrated by the tests.
 */
const OPENID_KEY = '__mock_openid';

/** The slice of `fetch` the control client uses, over `wx.request`. */
function wxFetch(url, init) {
  return new Promise((resolve, reject) => {
    wx.request({
      url,
      method: init.method,
      header: init.headers || {},
      data: init.body,
      dataType: 'text',
      responseType: 'text',
      success: (res) =>
        resolve({
          ok: res.statusCode >= 200 && res.statusCode < 300,
          status: res.statusCode,
          text: () => Promise.resolve(String(res.data)),
        }),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

function installMockWechat(config) {
  const {
    createControlClient,
  } = require('../miniprogram_npm/@genauth-wxapp/mock-server-client/index.js');
  // A phone reaches the mock from another address: the mock then wants its admin token.
  const options = config.adminToken
    ? { fetch: wxFetch, token: config.adminToken }
    : { fetch: wxFetch };
  const wechat = createControlClient(config.host, options).wechat;
  const appid = config.wechatAppid;

  const login = () => {
    const openid = wx.getStorageSync(OPENID_KEY);
    return wechat.login(openid ? { appid, openid } : { appid }).then((res) => {
      wx.setStorageSync(OPENID_KEY, res.openid);
      return { code: res.code };
    });
  };

  const profile = () => {
    const ready = wx.getStorageSync(OPENID_KEY) ? Promise.resolve() : login();
    return ready.then(() => wechat.userInfo({ appid, openid: wx.getStorageSync(OPENID_KEY) }));
  };

  // WeChat's calling convention: callbacks when given, otherwise a Promise.
  const wrap = (api, run) => (options) => {
    const o = options || {};
    const result = run().then(
      (res) => Object.assign({ errMsg: api + ':ok' }, res),
      (error) => Promise.reject({ errMsg: api + ':fail ' + error.message }),
    );
    if (!o.success && !o.fail && !o.complete) return result;
    result.then(
      (res) => {
        if (o.success) o.success(res);
        if (o.complete) o.complete(res);
      },
      (err) => {
        if (o.fail) o.fail(err);
        if (o.complete) o.complete(err);
      },
    );
    return undefined;
  };

  // defineProperty: some base libraries make wx's members read-only to plain assignment.
  const replace = (name, fn) =>
    Object.defineProperty(wx, name, { value: fn, writable: true, configurable: true });
  replace('login', wrap('login', login));
  replace('getUserProfile', wrap('getUserProfile', profile));
}

module.exports = { installMockWechat };
