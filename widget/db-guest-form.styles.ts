import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .fields {
    display: grid;
    grid-template-columns: 1fr;
    gap: 1rem;
  }
  label {
    display: block;
    font-size: 0.875rem;
    font-weight: 600;
    margin-bottom: 0.35rem;
  }
  .optional {
    font-weight: 400;
    color: var(--_text-muted);
  }
  input {
    display: block;
    width: 100%;
    min-height: 48px;
    padding: 0 0.875rem;
    border-radius: calc(var(--_radius) * 0.7);
    border: 1px solid var(--_border);
    background: var(--_surface);
    font-size: 1rem;
    transition: border-color 0.15s, box-shadow 0.15s;
  }
  input:hover {
    border-color: color-mix(in srgb, var(--_text-muted) 50%, var(--_border));
  }
  input:focus {
    outline: none;
    border-color: var(--_accent);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_accent) 22%, transparent);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-size: 0.8125rem;
    margin-top: 0.3rem;
  }
  .form-error {
    color: var(--_danger);
    font-weight: 600;
    margin-bottom: 1rem;
  }
  .form-error:empty {
    margin: 0;
  }
  .submit {
    margin-top: 1.5rem;
    width: 100%;
  }
  .submit[aria-disabled='true'] {
    opacity: 0.8;
    cursor: progress;
  }
  @container (min-width: 480px) {
    .fields {
      grid-template-columns: 1fr 1fr;
    }
  }
`;
