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
  // A booking deposit is 예약금; 보증금 would promise a refundable security deposit.
  ko: {
    none: '지금 예약하고 나중에 결제',
    full: '오늘 전액 결제',
    first_night: '첫 1박 요금을 예약금으로 결제',
    fixed: (amount) => `예약금 ${amount} 결제`,
    percentage: (percent) => `예약금 ${percent}% 결제`,
  },
  id: {
    none: 'Pesan sekarang, bayar nanti',
    full: 'Bayar hari ini',
    first_night: 'Diperlukan deposit satu malam',
    fixed: (amount) => `${amount} deposit diperlukan`,
    percentage: (percent) => `${percent}% deposit diperlukan`,
  },
};

/**
 * SPEC 2.16: a cancellation policy in words, from the guest's side. `when` says how long before
 * arrival a refund band applies: `from` whole days up to `to` (null: no upper bound).
 */
export interface CancellationMessages {
  nonRefundable: string;
  freeUntil: (date: string) => string;
  refund: (percent: number, when: string) => string;
  when: (from: number, to: number | null) => string;
}

export const cancellationMessages: Record<Locale, CancellationMessages> = {
  en: {
    nonRefundable: 'Non-refundable',
    freeUntil: (date) => `Free cancellation until ${date}`,
    refund: (percent, when) => `${percent}% refund if cancelled ${when}`,
    when: (from, to) =>
      to === null
        ? from === 0
          ? 'any time before arrival'
          : `${from} or more days before arrival`
        : from === to
          ? from === 0
            ? 'on the day of arrival'
            : `${from} day${from === 1 ? '' : 's'} before arrival`
          : `${from}–${to} days before arrival`,
  },
  ko: {
    nonRefundable: '환불 불가',
    freeUntil: (date) => `${date}까지 무료 취소`,
    refund: (percent, when) => `${when} 취소 시 ${percent}% 환불`,
    when: (from, to) => (to === null ? (from === 0 ? '도착 당일까지' : `도착 ${from}일 전까지`) : from === to ? (from === 0 ? '도착 당일' : `도착 ${from}일 전`) : `도착 ${from}~${to}일 전`),
  },
  id: {
    nonRefundable: 'Tidak dapat dikembalikan',
    freeUntil: (date) => `Pembatalan gratis hingga ${date}`,
    refund: (percent, when) => `Pengembalian dana ${percent}% jika dibatalkan ${when}`,
    when: (from, to) =>
      to === null
        ? from === 0
          ? 'kapan saja sebelum kedatangan'
          : `${from} hari atau lebih sebelum kedatangan`
        : from === to
          ? from === 0
            ? 'pada hari kedatangan'
            : `${from} hari sebelum kedatangan`
          : `${from}–${to} hari sebelum kedatangan`,
  },
};
