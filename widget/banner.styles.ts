import { css } from 'lit';

/** The banners of <direct-book> and the rates step (offline, notices); in widget.js with them. */
export const bannerStyles = css`
  .banner {
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.75rem 1rem;
    margin-bottom: 1rem;
    font-size: 0.9375rem;
    line-height: 1.45;
  }
  .notice {
    background: #fdf3e7;
    color: #7a3e00;
    border: 1px solid #f4d8b4;
  }
`;
