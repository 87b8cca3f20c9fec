import { css } from 'lit';

export const styles = css`
  .charge {
    font-size: 1.125rem;
    font-weight: 700;
    margin-bottom: 1rem;
  }
  .element-box {
    position: relative;
    min-height: 220px;
  }
  .element-box.ready {
    min-height: 0;
  }
  .skeleton {
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
    margin-top: 1rem;
  }
  .error:empty {
    margin: 0;
  }
  .primary,
  .secondary {
    width: 100%;
    margin-top: 1.25rem;
  }
  .pay[aria-disabled='true'] {
    opacity: 0.75;
    cursor: progress;
  }
`;
