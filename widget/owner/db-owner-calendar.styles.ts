import { css } from 'lit';

export const styles = css`
  .grid-card {
    padding: 0;
    overflow: hidden;
  }
  .scroller {
    overflow-x: auto;
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    font-size: 0.875rem;
    min-width: 100%;
  }
  /* 14 dates fit a laptop's width; a phone scrolls them under the sticky room names. */
  th,
  td {
    padding: 0.5rem 0.375rem;
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
    text-align: center;
  }
  th[scope='row'] {
    position: sticky;
    left: 0;
    background: var(--_surface);
    text-align: start;
    z-index: 1;
    max-width: 9rem;
    overflow: hidden;
    text-overflow: ellipsis;
    box-shadow: 1px 0 0 var(--_border);
  }
  thead th {
    font-weight: 600;
    vertical-align: top;
  }
  thead th span {
    display: block;
  }
  .weekday {
    color: var(--_text-muted);
    font-size: 0.75rem;
  }
  .units th {
    font-weight: 700;
  }
  .units td {
    color: var(--_text-muted);
  }
  .rate th {
    font-weight: 400;
    padding-inline-start: 1.25rem;
  }
  td.money {
    text-align: center;
  }
  td.set {
    font-weight: 700;
    color: #0a5a4e;
  }
  .closed {
    background: repeating-linear-gradient(135deg, #fbeceb, #fbeceb 6px, #fff 6px, #fff 12px);
  }
  .closed-label {
    color: var(--_danger);
    font-size: 0.75rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .buttons > * {
    flex: 1 1 12rem;
  }
  .min-stay,
  .no-arrival {
    display: block;
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_text-muted);
  }
  .no-arrival {
    color: var(--_danger);
  }
  /* An input with the button that applies it: side by side on a laptop, stacked on a phone. */
  .action > .field {
    flex: 1 1 5rem;
  }
  .action > button {
    flex: 0 1 auto;
    min-height: 48px;
  }
`;
