import { css } from 'lit';

export const styles = css`
  .pay-now {
    display: grid;
    gap: 0.5rem;
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.5rem;
    font-weight: 650;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    min-height: 48px;
    padding: 0.5rem 0.875rem;
    border-radius: calc(var(--_radius) * 0.7);
    box-shadow: inset 0 0 0 1px var(--_border);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    box-shadow: inset 0 0 0 2px var(--_accent);
  }
  input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
  }
`;
