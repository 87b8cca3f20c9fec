import { css } from 'lit';

export const styles = css`
  db-hold-timer {
    margin-bottom: 1.25rem;
  }
`;
