/* global Page, getApp, wx */
const auth = () => getApp().globalData.auth;

/** Silent login with wx.login, and phone login with the getPhoneNumber button. */
Page({
  data: { status: 'idle', loggedIn: false, phone: '', error: '' },

  async onLoad() {
    const status = await auth().checkLoginStatus();
    this.setData({ loggedIn: Boolean(status && status.status) });
  },

  async run(work) {
    this.setData({ status: 'busy', error: '' });
    try {
      this.setData({ status: (await work()) || 'done' });
    } catch (error) {
      this.setData({ status: 'error', error: error.message });
    }
  },

  silentLogin() {
    return this.run(async () => {
      const { code } = await wx.login();
      const user = await auth().loginByCode(code);
      this.setData({ loggedIn: true, phone: user.phone || '' });
    });
  },

  onPhone(e) {
    return this.run(async () => {
      if (e.detail.errMsg !== 'getPhoneNumber:ok') return 'denied';
      const { code } = await wx.login();
      const user = await auth().loginByPhone(code, { phoneCode: e.detail.code });
      this.setData({ loggedIn: true, phone: user.phone || '' });
      return 'done';
    });
  },
});
