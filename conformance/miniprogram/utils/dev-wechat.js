/* global wx */
/**
 * Demo mode for WeChat devtools. Codes from WeChat's real `wx.login` mean nothing to the local
 * mock, so with `config.mockWechat` on, `wx.login` and `wx.getUserProfile` are answered by the
 * mock's simulated WeChat client (`/__mock/v1/wechat/*`), as the test bridge does under Jest.
 * The phone buttons still deliver WeChat's own details, which the mock cannot decrypt: the phone
 * flows are demonstrated by the tests.
 */
const OPENID_KEY = '__mock_openid';

function installMockWechat(config) {
  const post = (path, data) =>
    new Promise((resolve, reject) => {
      wx.request({
        url: config.host + '/__mock/v1/wechat' + path,
        method: 'POST',
        data,
        success: (res) =>
          res.statusCode < 300 ? resolve(res.data) : reject(new Error(JSON.stringify(res.data))),
        fail: (err) => reject(new Error(err.errMsg)),
      });
    });

  const login = () => {
    const openid = wx.getStorageSync(OPENID_KEY);
    const body = openid ? { appid: config.wechatAppid, openid } : { appid: config.wechatAppid };
    return post('/login', body).then((res) => {
      wx.setStorageSync(OPENID_KEY, res.openid);
      return { code: res.code };
    });
  };

  const profile = () => {
    const openid = wx.getStorageSync(OPENID_KEY);
    const ready = openid ? Promise.resolve() : login();
    return ready.then(() =>
      post('/user-info', { appid: config.wechatAppid, openid: wx.getStorageSync(OPENID_KEY) }),
    );
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
