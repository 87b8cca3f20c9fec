import { css } from 'lit';

// What the manage page adds to the widget's theme, step and confirmation styles: the page's own
// header, the status, the two cards and the cancel confirmation. Phone first; the summary moves
// beside the cards from 760px (step.styles.ts).
export const styles = css`
  :host {
    font-size: 16px;
    line-height: 1.45;
    container-type: inline-size;
  }
  ::slotted([slot='payment']) {
    display: block;
  }
  .page {
    background: var(--_surface);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: 1.25rem 1rem 1.5rem;
  }
  @container (min-width: 560px) {
    .page {
      padding: 2rem;
    }
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .property {
    flex-basis: 100%;
    color: var(--_text-muted);
    font-weight: 600;
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
    line-height: 1.2;
    letter-spacing: -0.01em;
  }
  h1:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
  h2 {
    font-size: 1.0625rem;
    font-weight: 650;
    margin-bottom: 0.5rem;
  }
  .status {
    display: inline-block;
    padding: 0.15rem 0.6rem;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 650;
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
    color: color-mix(in srgb, var(--_accent) 80%, black);
  }
  .status-cancelled,
  .status-expired {
    background: #fdeceb;
    color: var(--_danger);
  }
  .dates {
    margin-bottom: 1.5rem;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1.25rem;
    display: grid;
    gap: 0.75rem;
    line-height: 1.5;
  }
  .amounts div {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .amounts dt {
    font-size: 1rem;
    color: var(--_text);
  }
  .owed dd,
  .owed dt {
    font-weight: 700;
    font-size: 1.0625rem;
  }
  .paid {
    font-weight: 600;
    color: color-mix(in srgb, var(--_accent) 80%, black);
  }
  .danger.secondary {
    color: var(--_danger);
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--_danger) 45%, var(--_border));
  }
  .danger.primary {
    background: var(--_danger);
  }
  .danger.primary:hover {
    background: color-mix(in srgb, var(--_danger) 88%, black);
  }
  .confirm {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border-radius: calc(var(--_radius) * 0.75);
    background: #fdeceb;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .actions button {
    flex: 1 1 10rem;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  .error:empty {
    display: none;
  }
  .cancelled {
    margin: 0;
    background: var(--_surface-muted);
    border: 1px solid var(--_border);
  }
  .cancelled h2 {
    font-size: 1rem;
    margin-bottom: 0.25rem;
  }
  .invalid {
    display: grid;
    gap: 0.5rem;
    padding: 1rem 0;
  }
  .loading {
    display: grid;
    gap: 1rem;
  }
  .skeleton.line {
    height: 1.25rem;
    width: 40%;
  }
  .skeleton.line.wide {
    height: 2rem;
    width: 60%;
  }
  .skeleton.block {
    height: 6rem;
  }
`;
