// The parts of <direct-book>'s header that only the steps after the rates show: the way back, and
// the confirmation's tick. A chunk with the checkout (SPEC 4: widget.js holds the rates step only),
// whose styles <direct-book> adopts once it has made the checkout.
import { css, html, nothing } from 'lit';
import type { Step } from './events.ts';
import type { I18n } from './i18n.ts';

const BACK: Partial<Record<Step, Step>> = { review: 'stay', details: 'review', payment: 'details' };

export const stepHeadStyles = css`
  .back {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 36px;
    margin-left: -0.35rem;
    padding: 0 0.5rem 0 0.25rem;
    border-radius: 8px;
    color: var(--_text-muted);
    font-size: 0.9375rem;
    font-weight: 500;
  }
  .back:hover {
    color: var(--_text);
    background: var(--_surface-muted);
  }
  .back svg {
    width: 16px;
    height: 16px;
  }

  .success-icon {
    width: 56px;
    height: 56px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    background: color-mix(in srgb, var(--_accent) 14%, white);
    color: var(--_accent);
    margin-bottom: 1rem;
  }
  .success-icon svg {
    width: 30px;
    height: 30px;
  }
`;

/** Above the progress: the confirmation's tick. */
export function stepIcon(step: Step) {
  return step === 'confirmation'
    ? html`<div class="success-icon" aria-hidden="true">
        <svg viewBox="0 0 24 24"><path d="m6 12.5 4 4 8-9" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>
      </div>`
    : nothing;
}

/** Before the heading: back to the step before, where there is one. */
export function backButton(step: Step, i18n: I18n, go: (step: Step) => void) {
  const back = BACK[step];
  return back
    ? html`<button type="button" class="back" @click=${() => go(back)}>
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>${i18n.t('back')}
      </button>`
    : nothing;
}
