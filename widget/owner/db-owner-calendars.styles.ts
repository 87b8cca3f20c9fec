import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .confirm {
    margin-top: 0.75rem;
    padding: 0.75rem;
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface-muted);
  }
  .confirm p {
    margin: 0 0 0.5rem;
  }
  .conflicts {
    grid-column: 1 / -1;
    display: grid;
    gap: 0.25rem;
  }
  .add {
    margin-top: 1rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
  }
`;
