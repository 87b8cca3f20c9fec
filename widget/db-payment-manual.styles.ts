import { css } from 'lit';

export const styles = css`
  .intro {
    display: grid;
    gap: 0.35rem;
  }
  .charge {
    font-size: 1.125rem;
    font-weight: 700;
  }
  .intro .muted {
    font-size: 0.875rem;
    line-height: 1.5;
  }
  .brands {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    margin: 1.25rem 0 0.75rem;
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .brand {
    display: block;
  }
  .secure {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  .secure svg {
    width: 14px;
    height: 14px;
  }
  .frame-box {
    position: relative;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    overflow: hidden;
  }
  iframe {
    display: block;
    width: 100%;
    border: 0;
    opacity: 0;
    transition: opacity 0.2s, height 0.2s;
  }
  .ready iframe {
    opacity: 1;
  }
  .frame-skeleton {
    position: absolute;
    inset: 1rem;
  }
  .error {
    margin-top: 1rem;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    color: var(--_danger);
    font-weight: 600;
  }
`;
