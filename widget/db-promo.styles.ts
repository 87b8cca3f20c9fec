import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    margin-top: 1rem;
  }
  summary {
    cursor: pointer;
    width: max-content;
    min-height: 24px;
    font-weight: 600;
    color: var(--_accent);
  }
  form {
    display: grid;
    /* Not the input's own width: at 320 px the field and its button must share what there is. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.3rem;
    margin-top: 0.6rem;
    max-width: 26rem;
  }
  label {
    font-size: 0.875rem;
    font-weight: 600;
  }
  .field {
    display: flex;
    gap: 0.5rem;
  }
  input {
    flex: 1;
    min-width: 0;
    min-height: 44px;
    padding: 0 0.75rem;
    border-radius: calc(var(--_radius) * 0.7);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    text-transform: uppercase;
  }
  input:focus {
    outline: none;
    border-color: var(--_accent);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_accent) 22%, transparent);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  #result {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    margin-top: 0.5rem;
    font-size: 0.875rem;
  }
  .problem {
    color: var(--_danger);
  }
  .applied {
    color: #0a7a3d;
    font-weight: 600;
  }
  .link {
    min-height: 24px;
    padding: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    font: inherit;
    cursor: pointer;
  }
`;
