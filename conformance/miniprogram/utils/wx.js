/* global wx */
/** `wx.login` as a promise (its own Promise style is not guaranteed on every base library). */
function wxLogin() {
  return new Promise((resolve, reject) => {
    wx.login({ success: (res) => resolve(res.code), fail: reject });
  });
}

/** `wx.getUserProfile`; must be called directly from a tap handler. */
function getUserProfile(desc) {
  return new Promise((resolve, reject) => {
    wx.getUserProfile({ desc, success: resolve, fail: reject });
  });
}

module.exports = { wxLogin, getUserProfile };
