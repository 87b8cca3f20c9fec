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
  /* The frame pads its fields by 4px for their focus rings; the negative margin lines the
     fields up with the text above instead of boxing them in a second border. */
  .frame-box {
    position: relative;
    margin: 1.25rem -4px 0;
    border-radius: var(--_radius);
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
    inset: 4px;
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
