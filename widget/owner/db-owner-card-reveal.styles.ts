import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    margin-top: 0.75rem;
  }
  /* The card stands apart from the actions around it, so the owner sees what to close. */
  .card-shown {
    padding: 0.75rem;
    border: 2px solid var(--_accent);
    border-radius: calc(var(--_radius) * 0.6);
  }
  .card-shown h3:focus {
    outline: none;
  }
  .card-shown .ref {
    white-space: nowrap;
  }
  .card-shown p {
    margin: 0.75rem 0;
  }
`;
