/** A WeChat Pay payment of a user, which getpaidunionid accepts for 5 minutes. */
export interface Payment {
  appid: string;
  openid: string;
  transactionId: string;
  mchId: string;
  outTradeNo: string;
  /** Epoch milliseconds. */
  paidAt: number;
}
