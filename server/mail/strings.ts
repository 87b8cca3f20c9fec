// SPEC 2.10: every e-mail string, in every shipped locale. Amounts and dates arrive formatted.
import { withParticle } from '../../shared/korean.ts';
import type { Locale } from '../../shared/locale.ts';
import { addressName } from '../../shared/person-name.ts';
import type { Guest } from '../../shared/schemas/stay.ts';
import type { RecordPayment } from '../../shared/schemas/recorded-payment.ts';

export interface MailStrings {
  // Shared labels
  reference: string;
  property: string;
  checkIn: string;
  checkOut: string;
  nights: string;
  /** "2 nights", "2박": the stay's length as the reader counts nights. */
  nightCount: (nights: number) => string;
  guest: string;
  email: string;
  phone: string;
  room: (n: number) => string;
  rate: string;
  guestsLabel: string;
  guests: (adults: number, children: number) => string;
  roomPrice: string;
  roomTotal: string;
  /** SPEC 2.13: the title over the booking's fee and tax lines, and an inclusive tax's label. */
  taxesAndFees: string;
  included: (name: string) => string;
  total: string;
  balance: string;
  depositTerms: string;
  depositTermsShown: string;
  /** SPEC 2.16: the title over each rate's cancellation policy. */
  cancellationTerms: string;
  questions: (property: string) => string;

  // Guest confirmation
  confirmedSubject: (property: string, reference: string) => string;
  /** Korean greets by the full name, family name first ("김민지 님"); the others by the given name. */
  greeting: (guest: Pick<Guest, 'firstName' | 'lastName'>) => string;
  confirmedIntro: (property: string) => string;
  chargedNow: string;
  propertyWillCharge: (amount: string) => string;
  nothingDueNow: string;
  farewell: string;
  /** SPEC 2.16: the link to the guest's manage page. */
  manageBooking: string;
  /** SPEC 2.11: the property's profile in the confirmation. */
  address: string;
  checkInFrom: string;
  checkOutUntil: string;
  directions: string;
  /** SPEC 2.16: a sentence of its own when nothing paid comes back on cancelling. */
  nonRefundable: string;
  // Receipt for a payment the owner recorded (SPEC 2.23)
  receiptSubject: (property: string, reference: string) => string;
  receiptIntro: (property: string, amount: string) => string;
  amountReceived: string;
  paymentMethod: string;
  methodName: (method: RecordPayment['method']) => string;
  paidSoFar: string;
  /** SPEC 2.23: owner e-mails link to the booking in the console. */
  openInConsole: string;

  // Owner notification
  newBookingSubject: (reference: string, guest: string) => string;
  newBookingIntro: (property: string) => string;
  guestLanguage: string;
  languageName: (locale: Locale) => string;
  ownerStripeCharged: (amount: string) => string;
  ownerStripeNothingCharged: string;
  ownerManualCharge: (amount: string, card: string) => string;
  ownerManualNothingDue: string;

  // Cancellation
  cancelledSubject: (property: string, reference: string) => string;
  cancelledIntro: (property: string) => string;
  refunded: string;
  refundTiming: string;
  noRefund: string;
  nothingWasPaid: string;
  ownerCancelledSubject: (reference: string, guest: string) => string;
  ownerCancelledIntro: string;
  refundedToGuest: string;
  /** Manual mode (SPEC 2.16): the refund is the property's to make by hand. */
  refundByProperty: (amount: string) => string;
  refundOwedToGuest: string;
  /** SPEC 2.16: Stripe could not be reached when the guest cancelled; the server retries the refund. */
  refundPendingToGuest: string;
  /** SPEC 2.16: Stripe refused the refund of a guest's cancellation; the owner makes it. */
  refundRefusedToGuest: string;

  // Imported calendar conflicts (SPEC 2.19)
  conflictSubject: (calendar: string, nights: number) => string;
  conflictIntro: (calendar: string, roomType: string) => string;
  conflictAction: string;
  conflictNight: (date: string) => string;
  conflictBooking: (summary: string, bookingId: string | null) => string;

  // A webhook endpoint disabled after failing for days (SPEC 2.18)
  webhookDisabledSubject: string;
  webhookDisabledIntro: (url: string, since: string) => string;
  webhookDisabledAction: string;

  // Balance collection (SPEC 2.17)
  balanceFailedSubject: (property: string, reference: string) => string;
  balanceDeclined: (property: string, amount: string) => string;
  balanceNeedsAuthentication: (property: string, amount: string) => string;
  payBalance: string;
  ownerBalanceFailedSubject: (reference: string, guest: string) => string;
  ownerBalanceFailed: (amount: string, reason: string) => string;
  /** SPEC 2.16: a guest's refund that Stripe did not take in three days of trying. */
  ownerRefundFailedSubject: (reference: string, guest: string) => string;
  ownerRefundFailed: (amount: string) => string;
  ownerBalanceReminderSubject: (reference: string, guest: string) => string;
  ownerBalanceReminder: (amount: string, card: string) => string;
  ownerBalanceNoCard: (amount: string) => string;
}

const en: MailStrings = {
  reference: 'Booking reference',
  property: 'Property',
  checkIn: 'Check-in',
  checkOut: 'Check-out',
  nights: 'Nights',
  nightCount: (nights) => String(nights),
  guest: 'Guest',
  email: 'E-mail',
  phone: 'Phone',
  room: (n) => `Room ${n}`,
  rate: 'Rate',
  guestsLabel: 'Guests',
  guests: (adults, children) => [adults === 1 ? '1 adult' : `${adults} adults`].concat(children === 0 ? [] : [children === 1 ? '1 child' : `${children} children`]).join(', '),
  roomPrice: 'Room price',
  roomTotal: 'Room total',
  taxesAndFees: 'Taxes and fees',
  included: (name) => `${name} (incl.)`,
  total: 'Total',
  balance: 'Balance due later',
  depositTerms: 'Deposit terms',
  depositTermsShown: 'Deposit terms shown to the guest',
  cancellationTerms: 'Cancellation policy',
  questions: (property) => `Questions? Reply to this e-mail to reach ${property}.`,

  confirmedSubject: (property, reference) => `Your booking at ${property} is confirmed (${reference})`,
  greeting: ({ firstName }) => `Dear ${firstName},`,
  confirmedIntro: (property) => `Thank you for booking with ${property}. Your booking is confirmed.`,
  chargedNow: 'Charged now',
  propertyWillCharge: (amount) => `The property will charge ${amount} to your card.`,
  nothingDueNow: 'Nothing is due now.',
  farewell: 'We look forward to welcoming you.',
  manageBooking: 'See your booking, pay the balance or cancel',
  address: 'Address',
  checkInFrom: 'Check-in from',
  checkOutUntil: 'Check-out until',
  directions: 'Getting here',
  nonRefundable: 'This booking is non-refundable: if you cancel, nothing you paid is returned.',
  receiptSubject: (property, reference) => `Payment received: ${reference} at ${property}`,
  receiptIntro: (property, amount) => `${property} has received your payment of ${amount}. Thank you.`,
  amountReceived: 'Amount received',
  paymentMethod: 'Paid by',
  methodName: (method) => ({ cash: 'Cash', card: 'Card', bank_transfer: 'Bank transfer', other: 'Other' })[method],
  paidSoFar: 'Paid so far',
  openInConsole: 'Open this booking in your console',

  newBookingSubject: (reference, guest) => `New booking ${reference} from ${guest}`,
  newBookingIntro: (property) => `A guest has booked ${property}.`,
  guestLanguage: 'Guest language',
  languageName: (locale) => ({ en: 'English', ko: 'Korean', id: 'Indonesian' })[locale],
  ownerStripeCharged: (amount) => `Deposit of ${amount} charged through Stripe.`,
  ownerStripeNothingCharged: 'No deposit charged; the guest’s card is saved in Stripe.',
  ownerManualCharge: (amount, card) => `Charge the deposit of ${amount} to the guest’s card (${card}).`,
  ownerManualNothingDue: 'No deposit is due; the guest’s card is on file.',

  cancelledSubject: (property, reference) => `Your booking at ${property} is cancelled (${reference})`,
  cancelledIntro: (property) => `Your booking at ${property} has been cancelled.`,
  refunded: 'Refunded',
  refundTiming: 'Refunds usually take 5–10 business days to appear on your statement.',
  noRefund: 'No refund was issued with this cancellation.',
  nothingWasPaid: 'No payment was taken for this booking.',
  ownerCancelledSubject: (reference, guest) => `Booking ${reference} from ${guest} cancelled`,
  ownerCancelledIntro: 'This booking has been cancelled and its rooms are available again.',
  refundedToGuest: 'Refunded to the guest',
  refundByProperty: (amount) => `The property will refund ${amount} to you.`,
  refundOwedToGuest: 'To refund to the guest (by you)',
  refundPendingToGuest: 'Refund on its way (Stripe was unreachable; we retry it automatically)',
  refundRefusedToGuest: 'To refund to the guest (by you: Stripe refused the refund)',
  conflictSubject: (calendar, nights) => `Calendar conflict: ${calendar} has ${nights === 1 ? 'a night' : `${nights} nights`} already booked here`,
  conflictIntro: (calendar, roomType) => `The calendar “${calendar}” blocks ${roomType} on nights that are already fully booked through directbook.`,
  conflictAction: 'Please check these nights on both sides and move or cancel one of the bookings.',
  conflictNight: (date) => date,
  conflictBooking: (summary, bookingId) => `${summary || 'Event'} — here: ${bookingId ?? 'closed or held'}`,
  webhookDisabledSubject: 'Webhook endpoint disabled',
  webhookDisabledIntro: (url, since) => `Every delivery to ${url} has failed since ${since}, so directbook has stopped sending events to it.`,
  webhookDisabledAction: 'Check that the endpoint answers with a 2xx status, then register it again (POST /webhooks); its delivery log shows each failed attempt.',
  balanceFailedSubject: (property, reference) => `Please pay the balance of your booking at ${property} (${reference})`,
  balanceDeclined: (property, amount) => `We could not charge the balance of ${amount} for your stay at ${property} to your saved card. Please pay it on your booking page.`,
  balanceNeedsAuthentication: (property, amount) => `Your bank asks you to confirm the payment of the balance of ${amount} for your stay at ${property}. Please pay it on your booking page.`,
  payBalance: 'Pay the balance',
  ownerBalanceFailedSubject: (reference, guest) => `The balance of booking ${reference} from ${guest} could not be charged`,
  ownerRefundFailedSubject: (reference, guest) => `The refund for cancelled booking ${reference} from ${guest} could not be made`,
  ownerRefundFailed: (amount) =>
    `The guest cancelled this booking and is owed ${amount}. Stripe did not accept the refund in three days of trying, so directbook has stopped. Refund it from the console (cancel, scope "payment") or in Stripe, and let the guest know.`,
  ownerBalanceFailed: (amount, reason) =>
    `The balance of ${amount} could not be charged to the guest’s saved card (${reason}). We have e-mailed the guest a link to pay it on their booking page.`,
  ownerBalanceReminderSubject: (reference, guest) => `Today: charge the balance of booking ${reference} from ${guest}`,
  ownerBalanceReminder: (amount, card) => `Please charge the balance of ${amount} to the guest’s card (${card}).`,
  ownerBalanceNoCard: (amount) => `Please collect the balance of ${amount}: the guest’s card is no longer stored.`,
};

const ko: MailStrings = {
  reference: '예약 번호',
  property: '숙소',
  checkIn: '체크인',
  checkOut: '체크아웃',
  nights: '숙박',
  nightCount: (nights) => `${nights}박`,
  guest: '예약자',
  email: '이메일',
  phone: '전화번호',
  room: (n) => `객실 ${n}`,
  rate: '요금제',
  guestsLabel: '인원',
  guests: (adults, children) => [`성인 ${adults}명`].concat(children === 0 ? [] : [`아동 ${children}명`]).join(', '),
  roomPrice: '객실 요금',
  roomTotal: '객실 합계',
  taxesAndFees: '세금 및 수수료',
  included: (name) => `${name} (포함)`,
  total: '총 금액',
  balance: '잔액 (추후 결제)',
  depositTerms: '예약금 안내',
  depositTermsShown: '고객에게 안내된 예약금 조건',
  cancellationTerms: '취소 규정',
  questions: (property) => `문의 사항은 이 이메일에 회신해 주시면 ${property}에서 답변해 드립니다.`,

  confirmedSubject: (property, reference) => `${property} 예약이 확정되었습니다 (${reference})`,
  greeting: (guest) => `${addressName(guest, 'ko')} 님, 안녕하세요.`,
  confirmedIntro: (property) => `${property} 예약이 확정되었습니다. 예약해 주셔서 감사합니다.`,
  chargedNow: '지금 결제된 금액',
  propertyWillCharge: (amount) => `숙소에서 고객님의 카드로 ${withParticle(amount, '을/를')} 결제합니다.`,
  nothingDueNow: '지금 결제할 금액은 없습니다.',
  farewell: '곧 뵙기를 기다리겠습니다.',
  manageBooking: '예약 확인, 잔금 결제, 예약 취소',
  address: '주소',
  checkInFrom: '체크인 시간',
  checkOutUntil: '체크아웃 시간',
  directions: '오시는 길',
  nonRefundable: '이 예약은 환불되지 않습니다. 취소하셔도 결제하신 금액은 돌려드리지 않습니다.',
  receiptSubject: (property, reference) => `[${property}] 결제 영수증 ${reference}`,
  receiptIntro: (property, amount) => `${property}에서 ${amount} 결제를 확인했습니다. 감사합니다.`,
  amountReceived: '결제 금액',
  paymentMethod: '결제 수단',
  methodName: (method) => ({ cash: '현금', card: '카드', bank_transfer: '계좌 이체', other: '기타' })[method],
  paidSoFar: '지금까지 결제한 금액',
  openInConsole: '관리 화면에서 이 예약 보기',

  newBookingSubject: (reference, guest) => `새 예약 ${reference}: ${guest}`,
  newBookingIntro: (property) => `${property}에 새 예약이 들어왔습니다.`,
  guestLanguage: '고객 언어',
  languageName: (locale) => ({ en: '영어', ko: '한국어', id: '인도네시아어' })[locale],
  ownerStripeCharged: (amount) => `예약금 ${withParticle(amount, '이/가')} Stripe로 결제되었습니다.`,
  ownerStripeNothingCharged: '결제된 예약금은 없으며, 고객의 카드가 Stripe에 저장되어 있습니다.',
  ownerManualCharge: (amount, card) => `고객의 카드(${card})로 예약금 ${withParticle(amount, '을/를')} 결제해 주세요.`,
  ownerManualNothingDue: '받을 예약금은 없으며, 고객의 카드 정보가 저장되어 있습니다.',

  cancelledSubject: (property, reference) => `${property} 예약이 취소되었습니다 (${reference})`,
  cancelledIntro: (property) => `${property} 예약이 취소되었습니다.`,
  refunded: '환불 금액',
  refundTiming: '환불 금액이 카드 명세서에 표시되기까지 보통 영업일 기준 5~10일이 걸립니다.',
  noRefund: '이번 취소로 환불된 금액은 없습니다.',
  nothingWasPaid: '이 예약으로 결제된 금액은 없습니다.',
  ownerCancelledSubject: (reference, guest) => `예약 ${reference} 취소: ${guest}`,
  ownerCancelledIntro: '이 예약이 취소되어 객실을 다시 판매할 수 있습니다.',
  refundedToGuest: '고객에게 환불된 금액',
  refundByProperty: (amount) => `숙소에서 ${withParticle(amount, '을/를')} 환불해 드립니다.`,
  refundOwedToGuest: '고객에게 직접 환불할 금액',
  refundPendingToGuest: '환불 진행 중인 금액 (Stripe 연결 실패로 자동 재시도 중)',
  refundRefusedToGuest: '고객에게 직접 환불할 금액 (Stripe가 환불을 거절함)',
  conflictSubject: (calendar, nights) => `캘린더 중복: ${calendar}의 ${nights}박이 이미 예약되어 있습니다`,
  conflictIntro: (calendar, roomType) => `가져온 캘린더 “${calendar}”에서 ${roomType} 객실을 막은 날짜가 directbook에서 이미 모두 예약되어 있습니다.`,
  conflictAction: '양쪽에서 해당 날짜를 확인하고 한쪽 예약을 옮기거나 취소해 주세요.',
  conflictNight: (date) => date,
  conflictBooking: (summary, bookingId) => `${summary || '일정'} — directbook: ${bookingId ?? '마감 또는 보류'}`,
  webhookDisabledSubject: '웹훅 엔드포인트가 비활성화되었습니다',
  webhookDisabledIntro: (url, since) => `${since}부터 ${url} 주소로 보낸 전송이 모두 실패하여, directbook이 이 엔드포인트로 이벤트를 보내지 않습니다.`,
  webhookDisabledAction: '엔드포인트가 2xx 상태로 응답하는지 확인한 뒤 다시 등록해 주세요(POST /webhooks). 전송 기록에서 실패한 시도를 모두 볼 수 있습니다.',
  balanceFailedSubject: (property, reference) => `${property} 예약의 잔금을 결제해 주세요 (${reference})`,
  balanceDeclined: (property, amount) => `${property} 숙박의 잔금 ${withParticle(amount, '을/를')} 저장된 카드로 결제하지 못했습니다. 예약 페이지에서 결제해 주세요.`,
  balanceNeedsAuthentication: (property, amount) => `카드사에서 ${property} 숙박의 잔금 ${amount} 결제에 대한 본인 인증을 요청했습니다. 예약 페이지에서 결제해 주세요.`,
  payBalance: '잔금 결제하기',
  ownerBalanceFailedSubject: (reference, guest) => `예약 ${reference} (${guest})의 잔금을 결제하지 못했습니다`,
  ownerRefundFailedSubject: (reference, guest) => `취소된 예약 ${reference} (${guest})의 환불을 처리하지 못했습니다`,
  ownerRefundFailed: (amount) =>
    `고객이 이 예약을 취소하여 ${withParticle(amount, '을/를')} 환불받아야 합니다. Stripe가 3일 동안 환불을 받아들이지 않아 directbook이 재시도를 멈췄습니다. 관리 화면(취소, 범위 "payment") 또는 Stripe에서 환불하고 고객에게 알려 주세요.`,
  ownerBalanceFailed: (amount, reason) =>
    `고객의 저장된 카드로 잔금 ${withParticle(amount, '을/를')} 결제하지 못했습니다(${reason}). 예약 페이지에서 결제할 수 있는 링크를 고객에게 이메일로 보냈습니다.`,
  ownerBalanceReminderSubject: (reference, guest) => `오늘: 예약 ${reference} (${guest})의 잔금을 결제하세요`,
  ownerBalanceReminder: (amount, card) => `고객의 카드(${card})로 잔금 ${withParticle(amount, '을/를')} 결제해 주세요.`,
  ownerBalanceNoCard: (amount) => `잔금 ${withParticle(amount, '을/를')} 직접 받아 주세요. 고객의 카드 정보는 더 이상 보관되어 있지 않습니다.`,
};

const id: MailStrings = {
  reference: 'Kode pemesanan',
  property: 'Properti',
  checkIn: 'Check-in',
  checkOut: 'Check-out',
  nights: 'Lama menginap',
  nightCount: (nights) => `${nights} malam`,
  guest: 'Tamu',
  email: 'E-mail',
  phone: 'Telepon',
  room: (n) => `Kamar ${n}`,
  rate: 'Tarif',
  guestsLabel: 'Jumlah tamu',
  guests: (adults, children) => [`${adults} dewasa`].concat(children === 0 ? [] : [`${children} anak`]).join(', '),
  roomPrice: 'Harga kamar',
  roomTotal: 'Total kamar',
  taxesAndFees: 'Pajak dan biaya',
  included: (name) => `${name} (termasuk)`,
  total: 'Total',
  balance: 'Sisa pembayaran (dibayar nanti)',
  depositTerms: 'Ketentuan deposit',
  depositTermsShown: 'Ketentuan deposit yang ditampilkan ke tamu',
  cancellationTerms: 'Kebijakan pembatalan',
  questions: (property) => `Ada pertanyaan? Balas e-mail ini untuk menghubungi ${property}.`,

  confirmedSubject: (property, reference) => `Pemesanan Anda di ${property} telah dikonfirmasi (${reference})`,
  greeting: ({ firstName }) => `Halo ${firstName},`,
  confirmedIntro: (property) => `Terima kasih telah memesan di ${property}. Pemesanan Anda telah dikonfirmasi.`,
  chargedNow: 'Dibayar sekarang',
  propertyWillCharge: (amount) => `Properti akan menagih ${amount} ke kartu Anda.`,
  nothingDueNow: 'Tidak ada yang perlu dibayar sekarang.',
  farewell: 'Kami menantikan kedatangan Anda.',
  manageBooking: 'Lihat pemesanan, bayar sisa tagihan, atau batalkan',
  address: 'Alamat',
  checkInFrom: 'Check-in mulai',
  checkOutUntil: 'Check-out paling lambat',
  directions: 'Petunjuk arah',
  nonRefundable: 'Pemesanan ini tidak dapat dikembalikan dananya: jika dibatalkan, pembayaran Anda tidak dikembalikan.',
  receiptSubject: (property, reference) => `Pembayaran diterima: ${reference} di ${property}`,
  receiptIntro: (property, amount) => `${property} telah menerima pembayaran Anda sebesar ${amount}. Terima kasih.`,
  amountReceived: 'Jumlah diterima',
  paymentMethod: 'Dibayar dengan',
  methodName: (method) => ({ cash: 'Tunai', card: 'Kartu', bank_transfer: 'Transfer bank', other: 'Lainnya' })[method],
  paidSoFar: 'Total sudah dibayar',
  openInConsole: 'Buka pemesanan ini di konsol',

  newBookingSubject: (reference, guest) => `Pemesanan baru ${reference} dari ${guest}`,
  newBookingIntro: (property) => `Ada pemesanan baru di ${property}.`,
  guestLanguage: 'Bahasa tamu',
  languageName: (locale) => ({ en: 'Inggris', ko: 'Korea', id: 'Indonesia' })[locale],
  ownerStripeCharged: (amount) => `Deposit ${amount} telah ditagih melalui Stripe.`,
  ownerStripeNothingCharged: 'Tidak ada deposit yang ditagih; kartu tamu tersimpan di Stripe.',
  ownerManualCharge: (amount, card) => `Tagih deposit ${amount} ke kartu tamu (${card}).`,
  ownerManualNothingDue: 'Tidak ada deposit yang perlu ditagih; kartu tamu sudah tersimpan.',

  cancelledSubject: (property, reference) => `Pemesanan Anda di ${property} dibatalkan (${reference})`,
  cancelledIntro: (property) => `Pemesanan Anda di ${property} telah dibatalkan.`,
  refunded: 'Dana yang dikembalikan',
  refundTiming: 'Pengembalian dana biasanya muncul di tagihan kartu Anda dalam 5–10 hari kerja.',
  noRefund: 'Tidak ada pengembalian dana untuk pembatalan ini.',
  nothingWasPaid: 'Tidak ada pembayaran untuk pemesanan ini.',
  ownerCancelledSubject: (reference, guest) => `Pemesanan ${reference} dari ${guest} dibatalkan`,
  ownerCancelledIntro: 'Pemesanan ini telah dibatalkan dan kamarnya tersedia kembali.',
  refundedToGuest: 'Dana dikembalikan ke tamu',
  refundByProperty: (amount) => `Properti akan mengembalikan ${amount} kepada Anda.`,
  refundOwedToGuest: 'Dana yang harus Anda kembalikan ke tamu',
  refundPendingToGuest: 'Pengembalian dana sedang diproses (Stripe tidak terjangkau; kami mencobanya lagi otomatis)',
  refundRefusedToGuest: 'Dana yang harus Anda kembalikan ke tamu (Stripe menolak pengembalian dana)',
  conflictSubject: (calendar, nights) => `Bentrok kalender: ${nights} malam di ${calendar} sudah dipesan di sini`,
  conflictIntro: (calendar, roomType) => `Kalender “${calendar}” memblokir ${roomType} pada malam yang sudah penuh dipesan melalui directbook.`,
  conflictAction: 'Periksa malam-malam ini di kedua sisi, lalu pindahkan atau batalkan salah satu pemesanan.',
  conflictNight: (date) => date,
  conflictBooking: (summary, bookingId) => `${summary || 'Acara'} — di sini: ${bookingId ?? 'ditutup atau ditahan'}`,
  webhookDisabledSubject: 'Endpoint webhook dinonaktifkan',
  webhookDisabledIntro: (url, since) => `Semua pengiriman ke ${url} gagal sejak ${since}, sehingga directbook berhenti mengirim peristiwa ke sana.`,
  webhookDisabledAction: 'Pastikan endpoint menjawab dengan status 2xx, lalu daftarkan lagi (POST /webhooks); log pengirimannya menunjukkan setiap percobaan yang gagal.',
  balanceFailedSubject: (property, reference) => `Mohon bayar sisa pembayaran pemesanan Anda di ${property} (${reference})`,
  balanceDeclined: (property, amount) => `Kami tidak dapat menagih sisa pembayaran ${amount} untuk menginap di ${property} ke kartu tersimpan Anda. Mohon bayar di halaman pemesanan Anda.`,
  balanceNeedsAuthentication: (property, amount) => `Bank Anda meminta konfirmasi untuk pembayaran sisa ${amount} untuk menginap di ${property}. Mohon bayar di halaman pemesanan Anda.`,
  payBalance: 'Bayar sisa pembayaran',
  ownerBalanceFailedSubject: (reference, guest) => `Sisa pembayaran pemesanan ${reference} dari ${guest} tidak dapat ditagih`,
  ownerRefundFailedSubject: (reference, guest) => `Pengembalian dana untuk pemesanan ${reference} dari ${guest} yang dibatalkan tidak dapat dilakukan`,
  ownerRefundFailed: (amount) =>
    `Tamu membatalkan pemesanan ini dan berhak menerima ${amount}. Stripe tidak menerima pengembalian dana selama tiga hari percobaan, jadi directbook berhenti. Kembalikan dana dari konsol (batalkan, cakupan "payment") atau di Stripe, lalu kabari tamu.`,
  ownerBalanceFailed: (amount, reason) =>
    `Sisa pembayaran ${amount} tidak dapat ditagih ke kartu tersimpan tamu (${reason}). Kami telah mengirim tautan kepada tamu untuk membayarnya di halaman pemesanan.`,
  ownerBalanceReminderSubject: (reference, guest) => `Hari ini: tagih sisa pembayaran pemesanan ${reference} dari ${guest}`,
  ownerBalanceReminder: (amount, card) => `Tagih sisa pembayaran ${amount} ke kartu tamu (${card}).`,
  ownerBalanceNoCard: (amount) => `Mohon tagih sisa pembayaran ${amount}: kartu tamu tidak lagi tersimpan.`,
};

export const mailStrings: Record<Locale, MailStrings> = { en, ko, id };
