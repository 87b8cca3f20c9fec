import { css } from 'lit';

export const styles = css`
  .intro {
    font-size: 1.0625rem;
    line-height: 1.5;
  }
  .reference {
    margin: 1.25rem 0;
    padding: 1rem 1.25rem;
    border-radius: var(--_radius);
    border: 1px dashed color-mix(in srgb, var(--_accent) 50%, var(--_border));
    background: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
    display: grid;
    gap: 0.2rem;
  }
  .reference span {
    font-size: 0.8125rem;
    color: var(--_text-muted);
    text-transform: uppercase;
    letter-spacing: 0.06em;
  }
  .reference strong {
    font-size: 1.625rem;
    letter-spacing: 0.08em;
    font-variant-numeric: tabular-nums;
  }
  .dates {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.75rem;
  }
  dt {
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  .email {
    margin: 1rem 0 1.25rem;
    font-size: 0.9375rem;
  }
`;
