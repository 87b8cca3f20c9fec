import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  .stepper {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    border-radius: 999px;
    box-shadow: inset 0 0 0 1px var(--_border);
    background: var(--_surface);
    padding: 3px;
  }
  button {
    width: 38px;
    height: 38px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    color: var(--_accent);
    transition: background-color 0.15s;
  }
  button:hover:not([aria-disabled='true']) {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  button[aria-disabled='true'] {
    color: color-mix(in srgb, var(--_text-muted) 45%, transparent);
  }
  svg {
    width: 16px;
    height: 16px;
  }
  output {
    min-width: 1.75em;
    text-align: center;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
`;
