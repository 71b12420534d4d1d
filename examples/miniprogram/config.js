/**
 * Where the app finds GenAuth. In tests the kit points these at its mock; in WeChat devtools
 * they point at `npx genauth-mock` on this machine.
 */
module.exports = {
  host: 'http://127.0.0.1:3000',
  userPoolId: '',
  appId: '',
};
