import { css } from 'lit';

/** What every console screen shares on top of the widget's theme: sections, lists, forms, status chips. */
export const ownerStyles = css`
  :host {
    container-type: inline-size;
  }
  h1 {
    font-size: 1.375rem;
    line-height: 1.25;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.0625rem;
    margin-bottom: 0.5rem;
  }
  h1:focus {
    outline: none;
  }
  .card {
    background: var(--_surface);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: 1rem;
    margin-bottom: 1rem;
  }
  a {
    color: var(--_accent);
  }
  a.secondary,
  a.primary {
    text-decoration: none;
  }
  .back {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    font-weight: 600;
    text-decoration: none;
  }
  .narrow {
    max-width: 32rem;
    margin: 2rem auto;
  }
  .rows > li {
    border-top: 1px solid var(--_border);
  }
  .rows > li:first-child {
    border-top: 0;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 0.75rem;
    padding: 0.75rem 0.25rem;
    color: inherit;
    text-decoration: none;
    min-height: 48px;
  }
  a.row:hover {
    background: var(--_surface-muted);
  }
  .ref {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .chip {
    display: inline-block;
    border-radius: 999px;
    padding: 0.125rem 0.625rem;
    font-size: 0.8125rem;
    font-weight: 600;
    background: var(--_surface-muted);
    color: var(--_text);
    justify-self: end;
    align-self: start;
  }
  .chip.confirmed,
  .chip.completed {
    background: #e3f4ee;
    color: #0a5a4e;
  }
  .chip.pending {
    background: #fdf3e7;
    color: #7a3e00;
  }
  .chip.cancelled,
  .chip.expired {
    background: #f1f0ee;
    color: #4b4b52;
  }
  .field {
    display: grid;
    gap: 0.375rem;
    font-weight: 600;
    font-size: 0.9375rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    font-weight: 400;
    color: inherit;
    min-height: 48px;
    padding: 0.5rem 0.75rem;
    border: 1px solid color-mix(in srgb, var(--_border) 60%, #7a7a80);
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface);
    width: 100%;
  }
  .form {
    display: grid;
    gap: 1rem;
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
  }
  .inline > * {
    flex: 1 1 10rem;
  }
  /* A drop-down takes its row on a phone: beside another field its longer choices were cut off. */
  @media (max-width: 30rem) {
    .inline > :has(> select) {
      flex-basis: 100%;
    }
  }
  .hint {
    font-weight: 400;
    font-size: 0.875rem;
  }
  .money {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    font-size: 0.9375rem;
    margin-bottom: 0.375rem;
    padding: 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .choices label {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 44px;
    padding: 0.375rem 0.75rem;
    /* Half the height of one line: a pill, and a rounded box when a long choice wraps on a phone. */
    border-radius: 22px;
    box-shadow: inset 0 0 0 1px var(--_border);
    font-weight: 500;
  }
  .choices input {
    min-height: auto;
    width: auto;
    margin: 0;
    accent-color: var(--_accent);
  }
  .status-line {
    margin-top: 0.75rem;
    font-weight: 600;
    color: #0a5a4e;
  }
  @container (min-width: 720px) {
    .card {
      padding: 1.25rem 1.5rem;
    }
  }
`;
