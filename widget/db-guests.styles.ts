import { css } from 'lit';

export const styles = css`
  .row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding: 0.6rem 0;
  }
  .row + .row {
    border-top: 1px solid var(--_border);
  }
  .label {
    font-weight: 600;
  }
  .hint {
    display: block;
    font-size: 0.8125rem;
    color: var(--_text-muted);
    font-weight: 400;
  }
  .ages {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: 0.6rem 1rem;
    padding: 0.6rem 0;
    border-top: 1px solid var(--_border);
  }
  .ages .hint {
    grid-column: 1 / -1;
  }
  .age {
    display: grid;
    gap: 0.25rem;
    font-size: 0.875rem;
  }
  select {
    font: inherit;
    min-height: 44px;
    padding: 0 0.6rem;
    border-radius: calc(var(--_radius) / 2);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  select[aria-invalid='true'] {
    border-color: var(--_danger);
  }
`;
