// SPEC 2.8 manual mode: the card fields live in this page, served from directbook's own origin
// inside an iframe, so neither the host page's scripts nor the widget's can read what is typed.
// The frame posts the card straight to the server and tells its parent only brand and last 4.
// The page's script is widget/card-frame/main.ts, which the server inlines once built (script.ts).
import { randomBytes } from 'node:crypto';
import { BRAND_NAMES } from '../../shared/card.ts';
import { asLocale, type Locale } from '../../shared/locale.ts';
import { CARD_BRANDS, type CardBrand } from '../../shared/schemas/property.ts';
import { CONFIG_ELEMENT_ID, type CardFrameConfig, type FrameText } from '../../widget/card-frame/config.ts';

export interface CardFrameOptions {
  /** The requested locale; anything unsupported falls back to English. */
  locale: string | undefined;
  /** The property's `acceptedCardBrands`, shown as badges and enforced before posting. */
  acceptedBrands: readonly CardBrand[];
  /** The only origin the frame talks to with postMessage, and listens to for `init`. */
  parentOrigin: string;
  /** This server's own origin, or '' for same-origin paths: the CSP allows `connect-src 'self'` only. */
  apiBase: string;
  /** A fresh per-response CSP nonce, also passed to `cardFrameHeaders`. */
  nonce: string;
  /** The widget's accent colour, so the frame's button matches the property's theme; ignored unless a plain colour. */
  accent?: string | undefined;
  /** The built frame script (`cardFrameScript()`), inlined under the nonce. */
  script: string;
}

// Only plain colours reach the stylesheet: anything else could break out of the CSS value.
const PLAIN_COLOUR = /^(#[0-9a-f]{3}|#[0-9a-f]{6}|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\))$/i;

/** The accent to use: the widget's when it is a plain colour, else the frame's own blue. */
export function frameAccent(accent: string | undefined): string {
  return accent && PLAIN_COLOUR.test(accent.trim()) ? accent.trim() : '#2563eb';
}

const TEXT: Record<Locale, FrameText> = {
  en: {
    title: 'Card details',
    number: 'Card number',
    expiry: 'Expiry date',
    expiryPlaceholder: 'MM / YY',
    name: 'Name on card',
    accepted: 'Accepted cards',
    note: 'Encrypted and sent straight to the property, which charges the deposit. No security code (CVC) needed.',
    submit: 'Confirm booking',
    submitting: 'Confirming…',
    success: 'Card saved. Your booking is confirmed.',
    numberRequired: 'Enter your card number',
    numberIncomplete: 'Your card number is incomplete',
    numberUnknown: 'This card type isn’t recognised',
    numberInvalid: 'Your card number is invalid',
    brandNotAccepted: '{brand} cards aren’t accepted here',
    expiryRequired: 'Enter the expiry date',
    expiryIncomplete: 'Your card’s expiry date is incomplete',
    expiryMonth: 'Enter a month from 01 to 12',
    expired: 'Your card has expired',
    expiryFar: 'Check the expiry year',
    nameRequired: 'Enter the name on the card',
    nameTooLong: 'Use at most 100 characters',
    checkFields: 'Check the highlighted fields',
    notReady: 'The booking is still loading. Try again in a moment.',
    network: 'We couldn’t reach the server. Check your connection and try again.',
    failed: 'Something went wrong. Please try again.',
  },
  ko: {
    title: '카드 정보',
    number: '카드 번호',
    expiry: '유효기간',
    expiryPlaceholder: 'MM / YY',
    name: '카드 소유자 이름',
    accepted: '사용 가능한 카드',
    note: '카드 정보는 암호화되어 숙소로 바로 전송되며, 예약금은 숙소에서 결제합니다. 보안코드(CVC)는 필요하지 않습니다.',
    submit: '예약 확정',
    submitting: '확정하는 중…',
    success: '카드가 등록되었고 예약이 확정되었습니다.',
    numberRequired: '카드 번호를 입력하세요',
    numberIncomplete: '카드 번호가 완전하지 않습니다',
    numberUnknown: '알 수 없는 카드 종류입니다',
    numberInvalid: '유효하지 않은 카드 번호입니다',
    brandNotAccepted: '{brand} 카드는 사용할 수 없습니다',
    expiryRequired: '유효기간을 입력하세요',
    expiryIncomplete: '유효기간이 완전하지 않습니다',
    expiryMonth: '월은 01부터 12까지 입력하세요',
    expired: '유효기간이 지난 카드입니다',
    expiryFar: '유효기간 연도를 확인하세요',
    nameRequired: '카드에 적힌 이름을 입력하세요',
    nameTooLong: '100자 이내로 입력하세요',
    checkFields: '표시된 항목을 확인하세요',
    notReady: '예약 정보를 불러오는 중입니다. 잠시 후 다시 시도하세요.',
    network: '서버에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도하세요.',
    failed: '문제가 발생했습니다. 다시 시도하세요.',
  },
  id: {
    title: 'Detail kartu',
    number: 'Nomor kartu',
    expiry: 'Masa berlaku',
    expiryPlaceholder: 'BB / TT',
    name: 'Nama pada kartu',
    accepted: 'Kartu yang diterima',
    note: 'Dienkripsi dan dikirim langsung ke properti, yang akan menagih deposit. Kode keamanan (CVC) tidak diperlukan.',
    submit: 'Konfirmasi pemesanan',
    submitting: 'Mengonfirmasi…',
    success: 'Kartu tersimpan. Pemesanan Anda telah dikonfirmasi.',
    numberRequired: 'Masukkan nomor kartu',
    numberIncomplete: 'Nomor kartu belum lengkap',
    numberUnknown: 'Jenis kartu tidak dikenali',
    numberInvalid: 'Nomor kartu tidak valid',
    brandNotAccepted: 'Kartu {brand} tidak diterima di sini',
    expiryRequired: 'Masukkan masa berlaku',
    expiryIncomplete: 'Masa berlaku belum lengkap',
    expiryMonth: 'Masukkan bulan 01 sampai 12',
    expired: 'Kartu sudah kedaluwarsa',
    expiryFar: 'Periksa tahun masa berlaku',
    nameRequired: 'Masukkan nama pada kartu',
    nameTooLong: 'Maksimal 100 karakter',
    checkFields: 'Periksa kolom yang ditandai',
    notReady: 'Pemesanan masih dimuat. Coba lagi sebentar lagi.',
    network: 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.',
    failed: 'Terjadi kesalahan. Silakan coba lagi.',
  },
};

const FRAME = '<rect x=".5" y=".5" width="31" height="20" rx="3.5" fill="#fff" stroke="#d8dde6"/>';
const FONT = 'font-family="Arial,Helvetica,sans-serif" font-weight="700" text-anchor="middle"';

// Simplified brand marks drawn inline: the CSP allows no image requests.
const BRAND_MARKS: Record<CardBrand | 'none', string> = {
  visa: `${FRAME}<text x="16" y="14" ${FONT} font-size="9.5" font-style="italic" fill="#1434cb">VISA</text>`,
  mastercard:
    `${FRAME}<circle cx="12.6" cy="10.5" r="6" fill="#eb001b"/><circle cx="19.4" cy="10.5" r="6" fill="#f79e1b"/>` +
    '<path d="M16 5.56A6 6 0 0 1 16 15.44A6 6 0 0 1 16 5.56Z" fill="#ff5f00"/>',
  amex: `<rect width="32" height="21" rx="3.5" fill="#1f72cd"/><text x="16" y="13.7" ${FONT} font-size="7.8" fill="#fff">AMEX</text>`,
  discover: `${FRAME}<path d="M12 20.5h16.5a3 3 0 0 0 3-3V13C27 17.5 19 20 12 20.5Z" fill="#f48120"/>` + `<text x="16" y="11.6" ${FONT} font-size="5.6" fill="#231f20">DISCOVER</text>`,
  jcb:
    `${FRAME}<rect x="5" y="4" width="7" height="13" rx="2" fill="#0e4c96"/><rect x="12.5" y="4" width="7" height="13" rx="2" fill="#e20613"/>` +
    `<rect x="20" y="4" width="7" height="13" rx="2" fill="#00933d"/>` +
    `<text ${FONT} font-size="6.5" fill="#fff" y="13"><tspan x="8.5">J</tspan><tspan x="16">C</tspan><tspan x="23.5">B</tspan></text>`,
  diners:
    `${FRAME}<circle cx="16" cy="10.5" r="7" fill="#0079be"/><circle cx="16" cy="10.5" r="5.4" fill="#fff"/>` +
    '<path d="M15.2 6.2v8.6a4.3 4.3 0 0 1 0-8.6ZM16.8 6.2v8.6a4.3 4.3 0 0 0 0-8.6Z" fill="#0079be"/>',
  unionpay: `${FRAME}<path d="M7.5 4h6l-2.4 13h-6Z" fill="#e21836"/><path d="M13.5 4h6l-2.4 13h-6Z" fill="#00447c"/>` + '<path d="M19.5 4h7l-2.4 13h-7Z" fill="#007b84"/>',
  none:
    '<rect x=".5" y=".5" width="31" height="20" rx="3.5" fill="#f3f4f6" stroke="#d8dde6"/>' +
    '<rect x="4" y="5" width="6" height="4.5" rx="1" fill="#c3c8d1"/><rect x="4" y="13" width="16" height="2" rx="1" fill="#c3c8d1"/>',
};

const mark = (brand: CardBrand | 'none', label?: string) =>
  `<svg viewBox="0 0 32 21" width="32" height="21" ${label ? `role="img" aria-label="${escapeHtml(label)}"` : 'aria-hidden="true"'}>${BRAND_MARKS[brand]}</svg>`;

const LOCK =
  '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path fill="currentColor" d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1.5 1.5 0 0 0-1.5 1.5v6A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12 6h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5V4.5a2 2 0 1 0-4 0V6h4Z"/></svg>';

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
:lang(ko){word-break:keep-all}
body{margin:0;padding:4px;background:transparent;color:#30313d;
  font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR",sans-serif}
form{display:grid;gap:16px}
.field{display:grid;align-content:start;gap:6px;min-width:0}
.label-row{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:6px}
label{font-size:14px;font-weight:500}
.control{position:relative}
input{width:100%;height:46px;margin:0;padding:0 12px;border:1px solid #e0e0e6;border-radius:8px;background:#fff;color:#30313d;
  font:inherit;font-size:16px;outline:none;box-shadow:0 1px 1px rgba(0,0,0,.03),0 3px 6px rgba(0,0,0,.02);
  transition:border-color .15s,box-shadow .15s}
input::placeholder{color:#8a92a0}
input:focus{border-color:var(--accent);box-shadow:0 0 0 3px color-mix(in srgb,var(--accent) 22%,transparent),0 1px 1px rgba(0,0,0,.03)}
input[aria-invalid=true]{border-color:#df1b41;color:#b3093c}
input[aria-invalid=true]:focus{box-shadow:0 0 0 3px rgba(223,27,65,.2)}
input:read-only{background:#f6f8fa}
#number{padding-right:56px;font-variant-numeric:tabular-nums;letter-spacing:.02em}
.brand-slot{position:absolute;top:50%;right:12px;display:flex;transform:translateY(-50%);pointer-events:none}
svg{display:block;flex:none}
.brands{display:flex;flex-wrap:wrap;gap:4px;margin:0;padding:0;list-style:none}
.brands li{transition:opacity .15s,filter .15s}
.brands[data-detected] li:not(.match){opacity:.3;filter:grayscale(1)}
.row{display:grid;gap:16px}
@media (min-width:340px){.row{grid-template-columns:minmax(0,2fr) minmax(0,3fr)}}
.error{display:flex;gap:6px;margin:0;color:#df1b41;font-size:13px}
.note{display:flex;gap:8px;margin:0;color:#6a7383;font-size:13px}
.note svg{margin-top:2px}
/* An empty live region stays in the accessibility tree but takes no room in the grid. */
.status:empty{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.status:not(:empty){padding:10px 12px;border-radius:8px;background:#fdecef;color:#b3093c;font-size:14px}
.status[data-tone=success]{display:flex;gap:12px;align-items:center;padding:16px;background:#ecfdf3;color:#05603a;font-weight:500}
.status[data-tone=success]::before{content:"";flex:none;width:8px;height:14px;margin:0 6px 4px;border:solid #12b76a;border-width:0 3px 3px 0;transform:rotate(45deg)}
button{display:flex;align-items:center;justify-content:center;gap:10px;width:100%;height:48px;border:0;border-radius:8px;
  background:var(--accent);color:#fff;font:inherit;font-size:16px;font-weight:600;cursor:pointer;
  box-shadow:0 1px 2px rgba(16,24,40,.1);transition:background-color .15s}
button:hover:not(:disabled){filter:brightness(.9)}
button:focus-visible{outline:3px solid color-mix(in srgb,var(--accent) 45%,transparent);outline-offset:2px}
button:disabled{opacity:.55;cursor:default}
.spinner{width:16px;height:16px;border:2px solid rgba(255,255,255,.45);border-top-color:#fff;border-radius:50%;animation:spin .7s linear infinite}
@keyframes spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){*{transition:none!important}.spinner{animation-duration:2s}}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** JSON for a data block: with `<` escaped, no `</script` or `<!--` in a value can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

// A CSP nonce is base64; anything else could break out of the header or the attribute.
function checkedNonce(nonce: string): string {
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce)) throw new Error('The card frame needs a base64 nonce of 16+ characters');
  return nonce;
}

/** A fresh nonce for one card frame response. */
export function createCardFrameNonce(): string {
  return randomBytes(18).toString('base64');
}

export function renderCardFrame(options: CardFrameOptions): string {
  const locale = asLocale(options.locale) ?? 'en';
  const text = TEXT[locale];
  const nonce = escapeHtml(checkedNonce(options.nonce));
  const accepted = CARD_BRANDS.filter((brand) => options.acceptedBrands.includes(brand));
  const config: CardFrameConfig = { parentOrigin: options.parentOrigin, apiBase: options.apiBase, accepted, text };
  const t = (key: keyof FrameText) => escapeHtml(text[key]);
  const badges = accepted.map((brand) => `<li data-brand="${brand}">${mark(brand, BRAND_NAMES[brand])}</li>`).join('');
  const slot = (['none', ...CARD_BRANDS] as const).map((brand) => `<span data-brand="${brand}"${brand === 'none' ? '' : ' hidden'}>${mark(brand)}</span>`).join('');

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${t('title')}</title>
<style nonce="${nonce}">:root{--accent:${frameAccent(options.accent)}}${STYLE}</style>
</head>
<body>
<form id="card-form" aria-label="${t('title')}" novalidate>
  <div class="field" data-entry>
    <div class="label-row">
      <label for="number">${t('number')}</label>
      <ul class="brands" id="brands" aria-label="${t('accepted')}">${badges}</ul>
    </div>
    <div class="control">
      <input id="number" type="text" inputmode="numeric" autocomplete="cc-number" autocorrect="off" spellcheck="false"
        maxlength="23" placeholder="1234 1234 1234 1234" aria-invalid="false" aria-describedby="number-error brand-name">
      <span class="brand-slot" id="brand-slot" aria-hidden="true">${slot}</span>
    </div>
    <span class="sr-only" id="brand-name" aria-live="polite"></span>
    <p class="error" id="number-error" hidden></p>
  </div>
  <div class="row" data-entry>
    <div class="field">
      <label for="expiry">${t('expiry')}</label>
      <input id="expiry" type="text" inputmode="numeric" autocomplete="cc-exp" autocorrect="off" spellcheck="false"
        maxlength="9" placeholder="${t('expiryPlaceholder')}" aria-invalid="false" aria-describedby="expiry-error">
      <p class="error" id="expiry-error" hidden></p>
    </div>
    <div class="field">
      <label for="name">${t('name')}</label>
      <input id="name" type="text" autocomplete="cc-name" autocorrect="off" spellcheck="false" maxlength="100"
        aria-invalid="false" aria-describedby="name-error">
      <p class="error" id="name-error" hidden></p>
    </div>
  </div>
  <p class="note" data-entry>${LOCK}<span>${t('note')}</span></p>
  <div id="status" class="status" role="status" aria-live="polite" aria-atomic="true"></div>
  <button id="submit" type="submit" data-entry disabled><span class="spinner" id="spinner" hidden></span><span id="submit-label">${t('submit')}</span></button>
</form>
<script type="application/json" id="${CONFIG_ELEMENT_ID}">${scriptJson(config)}</script>
<script nonce="${nonce}">${options.script}</script>
</body>
</html>
`;
}

// Only well-formed origins reach the header: a stray `;` or space would add a CSP directive.
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;

/** The security headers of the /card-frame response. */
export function cardFrameHeaders(options: { allowedOrigins: readonly string[]; nonce: string }): Record<string, string> {
  const nonce = checkedNonce(options.nonce);
  const ancestors = ["'self'", ...options.allowedOrigins.filter((origin) => ORIGIN.test(origin))];
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    // SPEC 2.8: only the property's own sites may frame the card fields (no clickjacking).
    `frame-ancestors ${ancestors.join(' ')}`,
    "base-uri 'none'",
    // The form never submits natively, so typed numbers can never land in a URL.
    "form-action 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}
