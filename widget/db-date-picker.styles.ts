import { css } from 'lit';

export const styles = css`
  .nav {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.25rem;
  }
  .nav-button {
    width: 40px;
    height: 40px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    color: var(--_text);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .nav-button:hover:not(:disabled) {
    background: var(--_surface-muted);
  }
  .nav-button:disabled {
    opacity: 0.35;
  }
  .hint {
    font-size: 0.875rem;
    color: var(--_text-muted);
    text-align: center;
  }
  .months {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
    gap: 2rem;
  }
  .month-title {
    font-size: 1rem;
    font-weight: 650;
    text-align: center;
    margin: 0.5rem 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th {
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_text-muted);
    padding: 0.25rem 0;
    text-transform: uppercase;
  }
  td {
    padding: 2px 0;
  }
  td.band {
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  td.band-start {
    border-radius: 999px 0 0 999px;
  }
  td.band-end {
    border-radius: 0 999px 999px 0;
  }
  .day {
    width: 100%;
    aspect-ratio: 1;
    max-height: 52px;
    border-radius: 999px;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
    transition: background-color 0.12s;
  }
  .num {
    font-size: 0.9375rem;
    font-weight: 500;
  }
  .price {
    font-size: 0.625rem;
    color: var(--_text-muted);
    margin-top: 1px;
    letter-spacing: -0.01em;
  }
  .day:hover:not([aria-disabled='true']) {
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
  }
  .day[aria-disabled='true'] {
    color: color-mix(in srgb, var(--_text-muted) 55%, transparent);
    cursor: default;
  }
  .day.closed .num {
    text-decoration: line-through;
  }
  th.sunday,
  .day.sunday {
    color: var(--_danger);
  }
  .day.sunday[aria-disabled='true'] {
    color: color-mix(in srgb, var(--_danger) 50%, transparent);
  }
  .day.restricted .num {
    text-decoration: underline dotted;
    text-underline-offset: 3px;
  }
  .min-stay {
    white-space: nowrap;
  }
  .day.sold-out .num::after {
    content: '';
    display: block;
    width: 4px;
    height: 4px;
    margin: 2px auto 0;
    border-radius: 50%;
    background: var(--_danger);
  }
  .day.today .num {
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  .day.start,
  .day.end {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .day.start .price,
  .day.end .price {
    color: inherit;
  }
  .legend {
    display: flex;
    gap: 1.25rem;
    justify-content: center;
    margin-top: 0.75rem;
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  .key::before {
    content: '12';
    margin-right: 0.4em;
    font-variant-numeric: tabular-nums;
  }
  .key-closed::before {
    text-decoration: line-through;
  }
  .key-sold-out::before {
    content: '•';
    color: var(--_danger);
  }
`;
