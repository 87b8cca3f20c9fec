import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .card {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.875rem;
    padding: 1rem 0;
  }
  h4 {
    font-size: 1rem;
    font-weight: 650;
    line-height: 1.35;
  }
  .description {
    margin-top: 0.2rem;
    font-size: 0.875rem;
    color: var(--_text-muted);
    line-height: 1.45;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin-top: 0.6rem;
  }
  .tag {
    display: inline-flex;
    align-items: center;
    padding: 0.3em 0.7em;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 500;
    background: var(--_surface-muted);
    color: var(--_text-muted);
  }
  .tag.scarce {
    background: #fdeceb;
    color: var(--_danger);
    font-weight: 600;
  }
  details {
    margin-top: 0.6rem;
    font-size: 0.8125rem;
  }
  summary {
    cursor: pointer;
    color: var(--_text-muted);
    width: max-content;
    min-height: 24px;
  }
  .nightly {
    margin-top: 0.4rem;
    display: grid;
    gap: 0.15rem;
    max-width: 18rem;
  }
  .nightly div {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .nightly dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .buy {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-content: start;
    column-gap: 1rem;
  }
  .buy .action {
    grid-column: 2;
    grid-row: 1 / span 3;
    align-self: center;
  }
  .price {
    font-size: 1.375rem;
    font-weight: 700;
    letter-spacing: -0.01em;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
  }
  .price s {
    font-size: 0.875rem;
    font-weight: 500;
    color: var(--_text-muted);
  }
  .per {
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  .choose {
    min-width: 6.5rem;
  }
  .reason {
    font-weight: 600;
    color: var(--_text-muted);
    font-size: 0.875rem;
  }
  .unavailable h4,
  .unavailable .description {
    color: var(--_text-muted);
  }
  /* Grey rather than faded: the badges stay as legible as the rest of the card (WCAG 1.4.3). */
  .unavailable .tags {
    filter: grayscale(1);
  }
  @container (min-width: 480px) {
    .card {
      grid-template-columns: 1fr auto;
      gap: 1.5rem;
    }
    .buy {
      text-align: right;
      justify-items: end;
      grid-template-columns: auto;
    }
    .buy .action {
      grid-column: auto;
      grid-row: auto;
      margin-top: 0.5rem;
    }
  }
`;
