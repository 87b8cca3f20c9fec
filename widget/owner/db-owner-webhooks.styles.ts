import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .deliveries {
    grid-column: 1 / -1;
    border-top: 1px dashed var(--_border);
    padding-top: 0.5rem;
  }
  .attempts > li {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.75rem;
    align-items: start;
    padding: 0.5rem 0;
    overflow-wrap: anywhere;
  }
  .secret {
    border: 2px solid var(--_accent);
  }
  .secret h2:focus {
    outline: none;
  }
`;
