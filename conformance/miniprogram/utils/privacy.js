/* global wx */
/**
 * The page's own privacy prompt (WeChat's privacy guide rules, base library ≥ 2.32.3). When a
 * privacy API or button (phone number, avatar, album…) is used before the user agreed to the
 * guide, WeChat holds the call and calls the `wx.onNeedPrivacyAuthorization` listener; the page
 * shows its prompt and the user's answer resolves the call: agree goes on, disagree fails it with
 * errno 104. The listener is app-wide, so each page points it at itself when it shows.
 */

/** The id of the prompt's `<button open-type="agreePrivacyAuthorization">`. */
const AGREE_BUTTON = 'privacy-agree';

/** A failure the page can do nothing about (the prompt still works without the guide's name). */
function ignore() {
  // nothing to show
}

/** The prompt's fields of a page's `data`. */
const privacyData = { privacyPrompt: false, privacyReferrer: '', privacyContractName: '' };

/** Points the listener at `page` and reads the guide's name (no-op on older base libraries). */
function watchPrivacy(page) {
  if (typeof wx.onNeedPrivacyAuthorization !== 'function') return;
  wx.onNeedPrivacyAuthorization((resolve, eventInfo) => {
    page.privacyResolves = (page.privacyResolves || []).concat(resolve);
    page.setData({ privacyPrompt: true, privacyReferrer: (eventInfo && eventInfo.referrer) || '' });
  });
  wx.getPrivacySetting({
    success: (res) => page.setData({ privacyContractName: res.privacyContractName || '' }),
    fail: ignore,
  });
}

/** Hides the prompt and answers every call waiting on it. */
function answer(page, res) {
  const waiting = page.privacyResolves || [];
  page.privacyResolves = [];
  page.setData({ privacyPrompt: false });
  waiting.forEach((resolve) => resolve(res));
}

/** The handlers of the prompt's buttons, mixed into the page's methods. */
const privacyMethods = {
  openPrivacyContract() {
    wx.openPrivacyContract({ fail: ignore });
  },
  /** `bindagreeprivacyauthorization`: WeChat has recorded the consent; the held calls go on. */
  onPrivacyAgree() {
    answer(this, { event: 'agree', buttonId: AGREE_BUTTON });
  },
  onPrivacyDisagree() {
    answer(this, { event: 'disagree' });
  },
};

module.exports = { privacyData, privacyMethods, watchPrivacy };
