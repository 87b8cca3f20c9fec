import { css } from 'lit';

export const styles = css`
  h3 {
    font-size: 1.0625rem;
    font-weight: 650;
    margin-bottom: 0.5rem;
  }
  ul {
    display: grid;
    gap: 0.625rem;
  }
  .extra {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding: 0.875rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    transition: border-color 0.15s, box-shadow 0.15s;
  }
  .extra.chosen {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .text {
    min-width: 0;
  }
  .name {
    font-weight: 600;
  }
  .description {
    font-size: 0.875rem;
    color: var(--_text-muted);
    margin-top: 0.1rem;
  }
  .price {
    font-size: 0.875rem;
    margin-top: 0.2rem;
    font-weight: 600;
  }
  .price span {
    font-weight: 400;
    color: var(--_text-muted);
  }
  /* A yes/no extra: the whole card is its label, the box at the start like a list of options. */
  .yes-no {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    flex: 1;
    min-width: 0;
    cursor: pointer;
  }
  .yes-no input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.1rem 0 0;
    accent-color: var(--_accent);
  }
  .amount {
    font-size: 0.875rem;
    margin-top: 0.2rem;
  }
  .amount span {
    color: var(--_text-muted);
  }
`;
