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
`;
