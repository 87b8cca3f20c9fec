import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  /* A URL has no spaces to wrap at: on a phone it breaks anywhere rather than widening the page. */
  .url {
    overflow-wrap: anywhere;
  }
  .warn {
    color: var(--_danger);
    font-weight: 600;
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
