// Small marks of the accepted card brands, drawn inline so the widget makes no image requests.
import { html, svg } from 'lit';
import type { CardBrand } from '../shared/schemas/property.ts';

const NAMES: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  jcb: 'JCB',
  diners: 'Diners Club',
  unionpay: 'UnionPay',
};

function word(text: string, fill: string, size = 9) {
  return svg`<text x="19" y="15.5" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-weight="700" font-size=${size} fill=${fill}>${text}</text>`;
}

const MARKS: Record<CardBrand, { bg: string; mark: unknown }> = {
  visa: { bg: '#ffffff', mark: svg`<text x="19" y="16" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-style="italic" font-weight="800" font-size="11" fill="#1a1f71">VISA</text>` },
  mastercard: { bg: '#ffffff', mark: svg`<circle cx="15" cy="12" r="6.5" fill="#eb001b"/><circle cx="23" cy="12" r="6.5" fill="#f79e1b" fill-opacity="0.9"/>` },
  amex: { bg: '#1f72cd', mark: word('AMEX', '#ffffff') },
  discover: { bg: '#ffffff', mark: svg`${word('DISC', '#231f20', 8)}<circle cx="31" cy="12.5" r="3" fill="#f58220"/>` },
  jcb: { bg: '#ffffff', mark: word('JCB', '#0b4ea2', 10) },
  diners: { bg: '#ffffff', mark: svg`<circle cx="19" cy="12" r="7" fill="none" stroke="#0079be" stroke-width="2"/>` },
  unionpay: { bg: '#e21836', mark: word('UnionPay', '#ffffff', 6.5) },
};

/** The brand's mark, labelled with its name for screen readers. */
export function brandMark(brand: CardBrand) {
  const { bg, mark } = MARKS[brand];
  return html`<svg class="brand" part="card-brand" viewBox="0 0 38 24" width="38" height="24" role="img" aria-label=${NAMES[brand]}>
    <rect x="0.5" y="0.5" width="37" height="23" rx="4" fill=${bg} stroke="#d9d9de"/>${mark}
  </svg>`;
}
