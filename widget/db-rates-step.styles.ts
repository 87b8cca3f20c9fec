import { css } from 'lit';

export const styles = css`
  /* Dates and guests */
  .search,
  .search-skeleton {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.5rem;
    margin-bottom: 0.75rem;
  }
  @container (min-width: 560px) {
    .search,
    .search-skeleton {
      grid-template-columns: 3fr 2fr;
    }
  }
  .search-skeleton .skeleton {
    height: 60px;
    border-radius: var(--_radius);
  }
  /* Each panel's height, while its code is on the way. */
  .calendar-skeleton {
    height: 320px;
  }
  .guests-skeleton {
    height: 120px;
  }
  .field {
    display: grid;
    text-align: start;
    gap: 0.1rem;
    padding: 0.65rem 2.5rem 0.65rem 1rem;
    min-height: 60px;
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: inset 0 0 0 1px var(--_border);
    position: relative;
    transition: box-shadow 0.15s;
  }
  .field::after {
    content: '';
    position: absolute;
    right: 1.1rem;
    top: 50%;
    width: 8px;
    height: 8px;
    border-right: 2px solid var(--_text-muted);
    border-bottom: 2px solid var(--_text-muted);
    transform: translateY(-70%) rotate(45deg);
    transition: transform 0.15s;
  }
  .field.open::after {
    transform: translateY(-20%) rotate(-135deg);
  }
  .field:hover {
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--_text-muted) 60%, var(--_border));
  }
  .field.open {
    box-shadow: inset 0 0 0 2px var(--_accent);
  }
  .field-label {
    font-size: 0.75rem;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--_text-muted);
  }
  .field-value {
    font-weight: 600;
  }
  .field-value .muted {
    font-weight: 400;
  }
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
    margin-bottom: 1rem;
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .panel-actions {
    display: flex;
    justify-content: flex-end;
    margin-top: 0.75rem;
  }

  /* The chosen rooms follow the guest down the page. */
  .footer {
    position: sticky;
    bottom: 0.75rem;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    margin-top: 1rem;
    padding: 0.75rem 0.75rem 0.75rem 1.25rem;
    background: color-mix(in srgb, var(--_surface) 94%, transparent);
    backdrop-filter: blur(8px);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 28px rgb(0 0 0 / 0.12);
  }
  .footer-text {
    display: grid;
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  .footer-text strong {
    font-size: 1.1875rem;
    color: var(--_text);
    font-variant-numeric: tabular-nums;
  }
`;
