import { css } from 'lit';

export const styles = css`
  .timer {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.45rem 0.85rem;
    border-radius: 999px;
    background: var(--_surface-muted);
    font-size: 0.875rem;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
  }
  .timer.urgent {
    background: #fdeceb;
    color: var(--_danger);
    font-weight: 650;
  }
  svg {
    width: 16px;
    height: 16px;
    flex: none;
  }
`;
