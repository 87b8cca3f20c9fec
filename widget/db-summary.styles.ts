import { css } from 'lit';

export const styles = css`
  .summary {
    background: var(--_surface-muted);
    border-radius: var(--_radius);
    padding: 1.25rem;
    transition: opacity 0.2s;
  }
  :host([loading]) .summary[aria-busy='true'] {
    opacity: 0.6;
  }
  h3 {
    font-size: 1.0625rem;
    font-weight: 650;
  }
  .stay {
    margin-top: 0.2rem;
    font-size: 0.875rem;
    color: var(--_text-muted);
  }
  .lines {
    margin-top: 0.875rem;
    display: grid;
    gap: 0.5rem;
  }
  .lines li {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    font-size: 0.9375rem;
  }
  .lines small {
    display: block;
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  .lines .extra,
  .lines .fee,
  .lines .tax,
  .lines .included {
    color: var(--_text-muted);
    font-size: 0.875rem;
  }
  /* Dark enough on the muted surface for WCAG 1.4.3. */
  .lines .discount {
    color: #0a6b36;
    font-weight: 600;
  }
  .amount,
  dd {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    margin: 0;
  }
  .totals {
    margin-top: 0.875rem;
    padding-top: 0.875rem;
    border-top: 1px solid var(--_border);
    display: grid;
    gap: 0.375rem;
  }
  .totals div {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 1rem;
  }
  .total {
    font-weight: 600;
  }
  .due {
    font-size: 1.25rem;
    font-weight: 700;
    color: var(--_accent);
    letter-spacing: -0.01em;
  }
  .due dt {
    font-size: 1rem;
    color: var(--_text);
  }
  .balance {
    font-size: 0.875rem;
    color: var(--_text-muted);
  }
  .messages {
    margin-top: 0.875rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .messages li {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
  }
  .rate-name,
  .cancellation {
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  .line {
    height: 0.9rem;
    margin-top: 0.75rem;
    width: 70%;
  }
  .line.wide {
    width: 50%;
  }
  .line.total-line {
    height: 1.4rem;
    width: 100%;
  }
`;
