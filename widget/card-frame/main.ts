// SPEC 2.8 manual mode: the script of the /card-frame page, which server/card-frame/page.ts
// renders. Vite builds it into dist/card-frame.js, apart from widget.js, and the server inlines it
// under the page's CSP nonce. It checks the card with the server's own rules (shared/card.ts),
// posts it straight to the server and tells the parent only brand and last 4.
import { BRAND_NAMES, BRAND_RULES, MAX_EXPIRY_YEARS_AHEAD, cardNumberProblem, detectBrand, isExpired, normalizeCardNumber } from '../../shared/card.ts';
import type { CardFrameMessage } from '../../shared/card-frame.ts';
import type { CardBrand } from '../../shared/schemas/property.ts';
import { CONFIG_ELEMENT_ID, type CardFrameConfig, type FrameText } from './config.ts';

const byId = <E extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as E;

const CONFIG = JSON.parse(byId(CONFIG_ELEMENT_ID).textContent ?? '') as CardFrameConfig;
const T = CONFIG.text;
const form = byId<HTMLFormElement>('card-form');
const status = byId('status');
const submit = byId<HTMLButtonElement>('submit');
const submitLabel = byId('submit-label');
const spinner = byId('spinner');
const brandList = byId('brands');
const brandSlot = byId('brand-slot');
const brandName = byId('brand-name');

const field = (id: string) => ({ input: byId<HTMLInputElement>(id), error: byId(`${id}-error`) });
const fields = { number: field('number'), expiry: field('expiry'), name: field('name') };
type FieldKey = keyof typeof fields;
const KEYS = Object.keys(fields) as FieldKey[];

// The server's error paths, mapped onto the fields that show them.
const FIELD_BY_PATH = new Map<unknown, FieldKey>([
  ['number', 'number'],
  ['expMonth', 'expiry'],
  ['expYear', 'expiry'],
  ['holderName', 'name'],
]);
// Where a number of each brand usually ends, to move on to the expiry without a tap.
const TYPICAL_LENGTH: Partial<Record<CardBrand, number>> = { amex: 15, diners: 14 };

let booking: { bookingId: string; clientToken: string } | null = null;
let busy = false;
let done = false;

// SPEC 2.8: the frame speaks only to its parent's origin, and only of brand and last 4.
function post(message: CardFrameMessage) {
  window.parent.postMessage(message, CONFIG.parentOrigin);
}

const digitsOf = (value: string) => value.replace(/\D/g, '');

const ruleFor = (digits: string) => BRAND_RULES.find((rule) => rule.brand === detectBrand(digits));

/**
 * Which message explains why a number is refused. Whether it is refused is shared/card.ts's call,
 * so the frame never lets through a number the server turns down, nor the reverse.
 */
function numberProblem(value: string): keyof FrameText | null {
  const digits = normalizeCardNumber(value);
  if (cardNumberProblem(digits) === null) return null;
  if (digits === '') return 'numberRequired';
  if (!/^\d+$/.test(digits)) return 'numberInvalid';
  const rule = ruleFor(digits);
  // Four digits decide every brand, so a shorter number may still become a known one.
  if (!rule) return digits.length < 4 ? 'numberIncomplete' : 'numberUnknown';
  return digits.length < Math.min(...rule.lengths) ? 'numberIncomplete' : 'numberInvalid';
}

function formatNumber(value: string): string {
  const rule = ruleFor(digitsOf(value));
  const digits = digitsOf(value).slice(0, rule ? Math.max(...rule.lengths) : 19);
  const groups = rule?.brand === 'amex' ? [4, 6, 5] : rule?.brand === 'diners' && digits.length <= 14 ? [4, 6, 4] : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

function formatExpiry(value: string, inserting: boolean): string {
  // Autofill may give the year in four digits.
  const autofilled = /^\s*(\d{1,2})\s*[/.-]\s*\d{2}(\d{2})\s*$/.exec(value);
  let digits = autofilled ? autofilled[1]!.padStart(2, '0') + autofilled[2]! : digitsOf(value);
  // No month starts with 2–9, so that digit is the month itself.
  if (/^[2-9]/.test(digits)) digits = '0' + digits;
  digits = digits.slice(0, 4);
  if (digits.length > 2) return digits.slice(0, 2) + ' / ' + digits.slice(2);
  if (digits.length === 2 && inserting) return digits + ' / ';
  return digits;
}

// Reformat in place, keeping the caret after the same digit it followed.
function reformat(input: HTMLInputElement, format: (value: string, inserting: boolean) => string, inserting: boolean) {
  const caret = input.selectionStart ?? input.value.length;
  const atEnd = caret === input.value.length;
  const digitsBefore = digitsOf(input.value.slice(0, caret)).length;
  const next = format(input.value, inserting);
  input.value = next;
  let position = next.length;
  if (!atEnd) {
    position = 0;
    for (let seen = 0; position < next.length && seen < digitsBefore; position++) {
      if (/\d/.test(next.charAt(position))) seen++;
    }
  }
  if (document.activeElement === input) input.setSelectionRange(position, position);
}

function readExpiry(): { month: number; year: number } | null {
  const digits = digitsOf(fields.expiry.input.value);
  return digits.length === 4 ? { month: Number(digits.slice(0, 2)), year: 2000 + Number(digits.slice(2)) } : null;
}

function brandRefusal(value: string): string | null {
  const brand = detectBrand(digitsOf(value));
  return brand && !CONFIG.accepted.includes(brand) ? T.brandNotAccepted.replace('{brand}', BRAND_NAMES[brand]) : null;
}

const check: Record<FieldKey, () => string | null> = {
  number() {
    const value = fields.number.input.value;
    const problem = numberProblem(value);
    return problem ? T[problem] : brandRefusal(value);
  },
  expiry() {
    if (fields.expiry.input.value.trim() === '') return T.expiryRequired;
    const expiry = readExpiry();
    if (!expiry) return T.expiryIncomplete;
    if (expiry.month < 1 || expiry.month > 12) return T.expiryMonth;
    const now = new Date();
    if (isExpired(expiry.month, expiry.year, now)) return T.expired;
    if (expiry.year > now.getUTCFullYear() + MAX_EXPIRY_YEARS_AHEAD) return T.expiryFar;
    return null;
  },
  name() {
    const name = fields.name.input.value.trim();
    if (name === '') return T.nameRequired;
    return name.length > 100 ? T.nameTooLong : null;
  },
};

function setError(key: FieldKey, message: string | null) {
  const field = fields[key];
  field.input.setAttribute('aria-invalid', message ? 'true' : 'false');
  field.error.textContent = message ?? '';
  field.error.hidden = !message;
}

function showBrand() {
  const brand = detectBrand(digitsOf(fields.number.input.value));
  for (const icon of brandSlot.children as HTMLCollectionOf<HTMLElement>) icon.hidden = icon.dataset['brand'] !== (brand ?? 'none');
  for (const item of brandList.children as HTMLCollectionOf<HTMLElement>) item.classList.toggle('match', item.dataset['brand'] === brand);
  brandList.toggleAttribute('data-detected', brand !== null);
  const name = brand ? BRAND_NAMES[brand] : '';
  if (brandName.textContent !== name) brandName.textContent = name;
}

function setBusy(on: boolean) {
  busy = on;
  submit.disabled = on || !booking;
  submitLabel.textContent = on ? T.submitting : T.submit;
  spinner.hidden = !on;
  form.setAttribute('aria-busy', String(on));
  for (const key of KEYS) fields[key].input.readOnly = on;
}

function say(message: string, tone: 'error' | 'success' = 'error') {
  status.dataset['tone'] = tone;
  status.textContent = message;
}

function watch(key: FieldKey, format: ((value: string, inserting: boolean) => string) | null, next: { key: FieldKey; ready: (value: string) => boolean } | null) {
  const input = fields[key].input;
  input.addEventListener('input', (event) => {
    // Autofill fires a plain Event, which counts as inserting.
    const inserting = !(event instanceof InputEvent) || event.inputType.startsWith('insert');
    if (format) reformat(input, format, inserting);
    if (key === 'number') showBrand();
    // Reward early, punish late: typing clears an error and blur shows it again, but a brand
    // the property does not take is said at once, before the guest types the whole number.
    const refusal = key === 'number' ? brandRefusal(input.value) : null;
    if (refusal) setError(key, refusal);
    else if (input.getAttribute('aria-invalid') === 'true') setError(key, null);
    const atEnd = input.selectionStart === input.value.length;
    if (next && inserting && atEnd && next.ready(input.value) && !check[key]()) fields[next.key].input.focus();
  });
  input.addEventListener('blur', (event) => {
    // Going to the button: submit checks every field, and an error shown now would move the
    // button away from under the pointer before the click lands.
    if (event.relatedTarget === submit) return;
    if (input.value.trim() !== '' && !done) setError(key, check[key]());
  });
}

watch('number', formatNumber, {
  key: 'expiry',
  ready: (value) => {
    const digits = digitsOf(value);
    const brand = detectBrand(digits);
    return digits.length === ((brand && TYPICAL_LENGTH[brand]) || 16);
  },
});
watch('expiry', formatExpiry, { key: 'name', ready: () => readExpiry() !== null });
watch('name', null, null);

// The body is the server's ApiError JSON, or anything a proxy on the way answered instead.
function showServerError(body: unknown) {
  const error: { message?: unknown; details?: unknown } = body && typeof body === 'object' && 'error' in body && body.error && typeof body.error === 'object' ? body.error : {};
  const details: unknown[] = Array.isArray(error.details) ? error.details : [];
  let first: FieldKey | null = null;
  let unplaced = details.length === 0;
  for (const detail of details) {
    const { path, message } = (detail ?? {}) as { path?: unknown; message?: unknown };
    const key = FIELD_BY_PATH.get(path);
    if (key && typeof message === 'string') {
      setError(key, message);
      first ??= key;
    } else {
      unplaced = true;
    }
  }
  if (first) fields[first].input.focus();
  say(unplaced ? (typeof error.message === 'string' ? error.message : T.failed) : T.checkFields);
}

function finish(brand: CardBrand, last4: string) {
  done = true;
  for (const key of KEYS) fields[key].input.value = '';
  for (const part of form.querySelectorAll<HTMLElement>('[data-entry]')) part.hidden = true;
  say(T.success, 'success');
  post({ type: 'directbook:card-frame:result', ok: true, brand, last4 });
}

async function sendCard() {
  if (busy || done) return;
  say('');
  let first: FieldKey | null = null;
  for (const key of KEYS) {
    const message = check[key]();
    setError(key, message);
    if (message) first ??= key;
  }
  if (first) {
    fields[first].input.focus();
    say(T.checkFields);
    return;
  }
  if (!booking) {
    say(T.notReady);
    return;
  }
  const number = digitsOf(fields.number.input.value);
  // Both passed their checks: the expiry reads, and the number has a known brand.
  const expiry = readExpiry()!;
  const card = { number, expMonth: expiry.month, expYear: expiry.year, holderName: fields.name.input.value.trim() };
  setBusy(true);
  let response: Response;
  try {
    response = await fetch(`${CONFIG.apiBase}/api/v1/public/bookings/${encodeURIComponent(booking.bookingId)}/card`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${booking.clientToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(card),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    setBusy(false);
    say(T.network);
    return;
  }
  if (response.ok) {
    setBusy(false);
    finish(detectBrand(number)!, number.slice(-4));
    return;
  }
  const body: unknown = await response.json().catch(() => null);
  setBusy(false);
  showServerError(body);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void sendCard();
});

window.addEventListener('message', (event) => {
  if (event.origin !== CONFIG.parentOrigin || event.source !== window.parent) return;
  const data = event.data as Partial<Record<string, unknown>> | null;
  if (data?.['type'] !== 'directbook:card-frame:init' || done) return;
  const { bookingId, clientToken } = data;
  if (typeof bookingId !== 'string' || bookingId === '' || typeof clientToken !== 'string') return;
  booking = { bookingId, clientToken };
  if (!busy) submit.disabled = false;
  if (status.textContent === T.notReady) say('');
});

let lastHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  post({ type: 'directbook:card-frame:resize', height });
}).observe(document.body);

showBrand();
post({ type: 'directbook:card-frame:ready' });
