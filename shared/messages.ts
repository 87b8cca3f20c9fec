// SPEC 2.4: the deposit messages, word for word, in every shipped locale.
import type { Locale } from './locale.ts';

export interface DepositMessages {
  none: string;
  full: string;
  first_night: string;
  fixed: (amount: string) => string;
  percentage: (percent: string) => string;
}

export const depositMessages: Record<Locale, DepositMessages> = {
  en: {
    none: 'Book now, pay later',
    full: 'Pay today',
    first_night: 'One night deposit required',
    fixed: (amount) => `${amount} deposit required`,
    percentage: (percent) => `${percent}% deposit required`,
  },
  ko: {
    none: '지금 예약하고 나중에 결제',
    full: '오늘 전액 결제',
    first_night: '첫 1박 요금 보증금 필요',
    fixed: (amount) => `보증금 ${amount} 필요`,
    percentage: (percent) => `${percent}% 보증금 필요`,
  },
  id: {
    none: 'Pesan sekarang, bayar nanti',
    full: 'Bayar hari ini',
    first_night: 'Diperlukan deposit satu malam',
    fixed: (amount) => `${amount} deposit diperlukan`,
    percentage: (percent) => `${percent}% deposit diperlukan`,
  },
};
