import { css } from 'lit';

/** What the editing screens (rates, promotions, closures, embed, payments) add to ownerStyles: field errors, row editors, tables. */
export const editStyles = css`
  /* A call to action above a screen's cards. */
  .lead {
    margin-bottom: 1rem;
  }
  /* Cards inside a form are spaced by its gap; the form is spaced from what follows like a card. */
  .form > .card {
    margin-bottom: 0;
  }
  .form:has(> .card) {
    margin-bottom: 1rem;
  }
  h3 {
    font-size: 1rem;
    margin-top: 0.5rem;
  }
  /* A date or an amount needs no laptop-wide box. */
  .field.short {
    max-width: 16rem;
  }
  /* A URL (a webhook, a calendar feed) has no spaces to wrap at: on a phone it breaks anywhere rather than widening the page. */
  .url {
    overflow-wrap: anywhere;
  }
  .warn {
    color: var(--_danger);
    font-weight: 600;
  }
  .field-error {
    font-weight: 600;
    font-size: 0.875rem;
    color: var(--_danger);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .buttons > * {
    flex: 0 1 auto;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
    font-weight: 500;
  }
  .check input {
    min-height: auto;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  /* One line of a list editor (a cancellation tier, a child band, a tax): its fields, then its remove button. */
  .item {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: end;
    padding: 0.75rem 0;
    border-top: 1px solid var(--_border);
  }
  .item > .field {
    flex: 1 1 8rem;
  }
  /* A drop-down takes its row on a phone: beside another field its longer choices were cut off. */
  @media (max-width: 30rem) {
    .item > .field:has(> select) {
      flex-basis: 100%;
    }
  }
  .item > .remove {
    flex: none;
    min-height: 48px;
    min-width: 48px;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    grid-column: 1 / -1;
  }
  .row-actions > * {
    min-height: 44px;
    padding: 0 1rem;
  }
  a.secondary,
  a.primary {
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  table.data {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }
  table.data th,
  table.data td {
    text-align: start;
    padding: 0.5rem 0.375rem;
    border-bottom: 1px solid var(--_border);
  }
  table.data.nights {
    max-width: 36rem;
  }
  table.data .money {
    text-align: end;
  }
  .scroller {
    overflow-x: auto;
  }
  .snippet {
    white-space: pre-wrap;
    word-break: break-all;
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.875rem;
    background: var(--_surface-muted);
    border-radius: calc(var(--_radius) * 0.6);
    padding: 0.75rem;
    margin: 0.5rem 0 0.75rem;
  }
  .chip.active {
    background: #e3f4ee;
    color: #0a5a4e;
  }
`;
export const okStyles = css`
  .banner.ok {
    background: #e3f4ee;
    color: #0a5a4e;
    border: 1px solid #b9e2d3;
  }
`;
