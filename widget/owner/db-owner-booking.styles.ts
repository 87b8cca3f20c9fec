import { css } from 'lit';

export const styles = css`
  .layout {
    display: grid;
    gap: 0 1rem;
  }
  @container (min-width: 820px) {
    .layout {
      grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr);
      align-items: start;
    }
    .actions {
      position: sticky;
      top: 1rem;
    }
  }
  .facts,
  .money-list {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.375rem 1rem;
  }
  .facts dt,
  .money-list dt {
    color: var(--_text-muted);
  }
  .strong {
    font-weight: 700;
    color: var(--_text) !important;
  }
  .actions {
    display: grid;
    gap: 1.25rem;
  }
  .actions h2 {
    margin: 0;
  }
  h3 {
    font-size: 1rem;
    margin: 0;
  }
  .row {
    min-height: auto;
  }
`;
