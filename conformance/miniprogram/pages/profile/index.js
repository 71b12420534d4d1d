/* global Component, getApp, wx */
const { describeError } = require('../../utils/errors');

const auth = () => getApp().globalData.auth;

/**
 * Profile page: shows the signed-in user, updates the avatar (the chooseAvatar button or the
 * album) and the nickname (`<input type="nickname">`), and signs out.
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
  },

  methods: {
    onLoad() {
      return this.run('load', async () => {
        const user = await auth().getCurrentUser();
        if (!user) return 'signed-out';
        this.showUser(user);
      });
    },

    run(action, work) {
      this.setData({ status: 'busy', action, errorCode: '', errorMessage: '', wechatErrcode: '' });
      return Promise.resolve()
        .then(work)
        .then(
          (status) => this.setData({ status: status || 'done' }),
          (error) => {
            const { code, message, errcode } = describeError(error);
            this.setData({
              status: 'error',
              errorCode: code,
              errorMessage: message,
              wechatErrcode: errcode,
            });
          },
        );
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

    /** `<button open-type="chooseAvatar">`: `e.detail.avatarUrl` is a temporary file to upload. */
    onChooseAvatar(e) {
      return this.run('choose-avatar', async () => {
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
