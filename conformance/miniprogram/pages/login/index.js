/* global Component, getApp, wx */
const { runAction } = require('../../utils/action');
const { wxLogin, getUserProfile } = require('../../utils/wx');
const { privacyData, privacyMethods, watchPrivacy } = require('../../utils/privacy');

const auth = () => getApp().globalData.auth;
/**
 * Why a phone-number tap gave no number: 'denied' (iOS `fail user deny`, Android
 * `fail:user deny`), another failure (the quota, errno 1400001; privacy, errno 104 or 112)
 * thrown as is, or null on ok.
 */
function phoneFailure(detail) {
  const errMsg = (detail && detail.errMsg) || '';
  if (/:ok$/.test(errMsg)) return null;
  if (/deny/.test(errMsg)) return 'denied';
  throw detail;
}

/**
 * Login page: restores the login state on load, keeps a fresh `wx.login` code ready (so profile
 * and phone data, encrypted under the current session key, match the code sent with them), and
 * offers silent login, profile authorization and the phone-number buttons (fast verification,
 * real-time verification, and one coupled with the privacy agreement), with a privacy prompt.
 */
Component({
  data: {
    status: 'idle',
    action: '',
    loggedIn: false,
    userId: '',
    nickname: '',
    photo: '',
    userPhone: '',
    phone: '',
    loginStatusCode: '',
    errorCode: '',
    errorMessage: '',
    wechatErrcode: '',
    ...privacyData,
  },

  methods: {
    ...privacyMethods,

    onLoad() {
      return this.run('restore', async () => {
        const status = await auth().checkLoginStatus();
        this.setData({ loginStatusCode: String((status && status.code) || '') });
        if (!status || !status.status) return 'signed-out';
        const user = await auth().getCurrentUser();
        if (!user) return 'signed-out';
        this.showUser(user);
        return 'done';
      });
    },

    onShow() {
      watchPrivacy(this);
      return this.refreshCode();
    },

    /** Prefetches the code the next login sends (a new `wx.login` may rotate the session key). */
    refreshCode() {
      return wxLogin().then(
        (code) => {
          this.code = code;
        },
        () => {
          this.code = '';
        },
      );
    },

    /** The prefetched code (single use), or a fresh one. */
    takeCode() {
      const code = this.code;
      this.code = '';
      this.codeUsed = true;
      return code ? Promise.resolve(code) : wxLogin();
    },

    /** Runs one user action: busy → done / error / denied, then prefetches the next code. */
    run(action, work) {
      this.codeUsed = false;
      return runAction(this, action, work).then(() =>
        this.codeUsed ? this.refreshCode() : undefined,
      );
    },

    showUser(user) {
      this.setData({
        loggedIn: true,
        userId: user.id || '',
        nickname: user.nickname || '',
        photo: user.photo || '',
        userPhone: user.phone || '',
      });
    },

    silentLogin() {
      return this.run('silent', async () => {
        this.showUser(await auth().loginByCode(await wxLogin()));
      });
    },

    profileLogin(e) {
      const mode = e.currentTarget.dataset.mode;
      // getUserProfile must be the first call of the tap handler.
      const profile = getUserProfile('用于完善会员资料');
      return this.run('profile-' + mode, async () => {
        const res = await profile;
        const code = await this.takeCode();
        const options =
          mode === 'raw'
            ? { rawData: res.rawData }
            : { iv: res.iv, encryptedData: res.encryptedData };
        this.showUser(await auth().loginByCode(code, options));
      });
    },

    /**
     * Current flow (base library ≥ 2.21.2): the button's `code` is exchanged server-side. Also
     * the real-time button (`bindgetrealtimephonenumber`), whose code is exchanged the same way.
     */
    onPhoneLogin(e) {
      return this.run('phone', async () => {
        if (phoneFailure(e.detail)) return 'denied';
        const code = await this.takeCode();
        this.showUser(await auth().loginByPhone(code, { phoneCode: e.detail.code }));
      });
    },

    /** Legacy flow: `iv` + `encryptedData`, decrypted with the session key of the prefetched code. */
    onPhoneLoginLegacy(e) {
      return this.run('phone-legacy', async () => {
        if (phoneFailure(e.detail)) return 'denied';
        const code = await this.takeCode();
        this.showUser(await auth().loginByPhone(code, e.detail.iv, e.detail.encryptedData));
      });
    },

    onGetPhone(e) {
      return this.run('get-phone', async () => {
        if (phoneFailure(e.detail)) return 'denied';
        const code = await this.takeCode();
        const info = await auth().getPhone(code, e.detail.iv, e.detail.encryptedData);
        this.setData({ phone: (info && (info.purePhoneNumber || info.phoneNumber)) || '' });
      });
    },

    goProfile() {
      wx.navigateTo({ url: '/pages/profile/index' });
    },
  },
});
