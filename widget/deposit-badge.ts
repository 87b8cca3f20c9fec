// SPEC 2.4: every rate card and summary shows the server's deposit message word for word;
// the colour tells the policy apart at a glance.
import { css, html } from 'lit';
import type { DepositType } from '../shared/schemas/rate.ts';

export function depositBadge(type: DepositType, message: string) {
  return html`<span class="deposit deposit-${type}" part="deposit-badge deposit-badge-${type}">${message}</span>`;
}

export const depositBadgeStyles = css`
  .deposit {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.3em 0.7em;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 600;
    line-height: 1.3;
    background: var(--_badge-bg);
    color: var(--_badge-text);
  }
  .deposit::before {
    content: '';
    width: 0.5em;
    height: 0.5em;
    border-radius: 50%;
    background: currentColor;
    flex: none;
  }
  .deposit-none {
    --_badge-bg: var(--db-deposit-none-bg, #e6f4ea);
    --_badge-text: var(--db-deposit-none-text, #176b34);
  }
  .deposit-full {
    --_badge-bg: var(--db-deposit-full-bg, #fdf0d9);
    --_badge-text: var(--db-deposit-full-text, #85470a);
  }
  .deposit-first_night {
    --_badge-bg: var(--db-deposit-first-night-bg, #efeafb);
    --_badge-text: var(--db-deposit-first-night-text, #553597);
  }
  .deposit-fixed {
    --_badge-bg: var(--db-deposit-fixed-bg, #e7effc);
    --_badge-text: var(--db-deposit-fixed-text, #1d4d94);
  }
  .deposit-percentage {
    --_badge-bg: var(--db-deposit-percentage-bg, #e2f3f1);
    --_badge-text: var(--db-deposit-percentage-text, #0f5d56);
  }
`;
