import type { AuthenticationClient } from '@genauth-wxapp/sdk';

import { maskPhone } from '../../utils/mask';

interface AccountData {
  state: 'loading' | 'signed-in' | 'signed-out';
  maskedPhone: string;
}

/** A page written in TypeScript: the signed-in user's masked phone number. */
Page<AccountData, WechatMiniprogram.Page.CustomOption>({
  data: { state: 'loading', maskedPhone: '' },

  async onLoad() {
    const { auth } = getApp<{ globalData: { auth: AuthenticationClient } }>().globalData;
    const user = await auth.getCurrentUser();
    this.setData(
      user ? { state: 'signed-in', maskedPhone: maskPhone(user.phone) } : { state: 'signed-out' },
    );
  },
});
