import { css } from 'lit';

export const styles = css`
  p {
    margin-bottom: 1.5rem;
    color: var(--_text-muted);
    max-width: 38rem;
    line-height: 1.55;
  }
`;
