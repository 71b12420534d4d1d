/* global Component, getApp, wx */
const { runAction } = require('../../utils/action');
const { privacyData, privacyMethods, watchPrivacy } = require('../../utils/privacy');

const auth = () => getApp().globalData.auth;

/**
 * Profile page: shows the signed-in user, updates the avatar (the chooseAvatar button or the
 * album) and the nickname (`<input type="nickname">`), and signs out; a privacy prompt answers
 * WeChat's consent requests for the avatar and the album.
 */
Component({
  data: {
    status: 'idle',
    action: '',
    loggedIn: false,
    userId: '',
    nickname: '',
    photo: '',
    errorCode: '',
    errorMessage: '',
    wechatErrcode: '',
    ...privacyData,
  },

  methods: {
    ...privacyMethods,

    onLoad() {
      return this.run('load', async () => {
        const user = await auth().getCurrentUser();
        if (!user) return 'signed-out';
        this.showUser(user);
      });
    },

    onShow() {
      watchPrivacy(this);
    },

    run(action, work) {
      return runAction(this, action, work);
    },

    showUser(user) {
      this.nicknameDraft = user.nickname || '';
      this.setData({
        loggedIn: true,
        userId: user.id || '',
        nickname: user.nickname || '',
        photo: user.photo || '',
      });
    },

    /**
     * `<button open-type="chooseAvatar">`: `e.detail.avatarUrl` is a temporary file to upload;
     * without it (privacy refused, errno 104 or 112) the failure is shown and nothing is sent.
     */
    onChooseAvatar(e) {
      return this.run('choose-avatar', async () => {
        if (!e.detail.avatarUrl) throw e.detail;
        this.showUser(await auth().updateAvatar(e.detail.avatarUrl));
      });
    },

    /** The album (`wx.chooseMedia` inside the SDK). */
    pickAvatar() {
      return this.run('pick-avatar', async () => {
        this.showUser(await auth().updateAvatar());
      });
    },

    onNicknameInput(e) {
      this.nicknameDraft = e.detail.value;
    },

    saveNickname() {
      return this.run('nickname', async () => {
        const nickname = (this.nicknameDraft || '').trim();
        if (!nickname) throw { code: 'input', message: '昵称不能为空' };
        this.showUser(await auth().updateProfile({ nickname }));
      });
    },

    logout() {
      return this.run('logout', async () => {
        await auth().logout();
        this.setData({ loggedIn: false, userId: '', nickname: '', photo: '' });
        wx.reLaunch({ url: '/pages/login/index' });
        return 'signed-out';
      });
    },
  },
});
