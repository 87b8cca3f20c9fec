// The strings <direct-book> may show before the guest's language has arrived (each language is a
// chunk: widget/i18n.ts): the loading state, the offline banner, and the error state with its retry.
import type { Locale } from '../../shared/locale.ts';

const en = {
  widgetLabel: 'Book your stay at {name}',
  loading: 'Loading',
  offline: 'You’re offline. Your choices are kept and we’ll carry on when you’re back online.',
  retry: 'Try again',
  errorNetwork: 'We couldn’t reach the booking service. Check your connection and try again.',
  errorNotFound: 'This property isn’t taking online bookings right now.',
  errorGeneric: 'Something went wrong on our side. Please try again.',
};

export type CoreKey = keyof typeof en;

export const core: Record<Locale, Record<CoreKey, string>> = {
  en,
  ko: {
    widgetLabel: '{name} 예약하기',
    loading: '불러오는 중',
    offline: '인터넷 연결이 끊겼습니다. 선택 내용은 유지되며, 연결되면 이어집니다.',
    retry: '다시 시도',
    errorNetwork: '예약 서비스에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도해 주세요.',
    errorNotFound: '이 숙소는 현재 온라인 예약을 받지 않습니다.',
    errorGeneric: '문제가 발생했습니다. 다시 시도해 주세요.',
  },
  id: {
    widgetLabel: 'Pesan kamar di {name}',
    loading: 'Memuat',
    offline: 'Anda sedang offline. Pilihan Anda tetap tersimpan dan bisa dilanjutkan saat kembali online.',
    retry: 'Coba lagi',
    errorNetwork: 'Layanan pemesanan tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.',
    errorNotFound: 'Properti ini sedang tidak menerima pemesanan online.',
    errorGeneric: 'Terjadi kesalahan. Silakan coba lagi.',
  },
};
