import { css } from 'lit';

/** Shared by <direct-book> and its steps: banners, and the summary beside the form on wide screens. */
export const stepStyles = css`
  .banner {
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.75rem 1rem;
    margin-bottom: 1rem;
    font-size: 0.9375rem;
    line-height: 1.45;
  }
  .notice,
  .error {
    background: #fdf3e7;
    color: #7a3e00;
    border: 1px solid #f4d8b4;
  }
  .error {
    background: #fdeceb;
    color: var(--_danger);
    border-color: #f6cbc7;
  }

  .columns {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1.5rem;
  }
  @container (min-width: 760px) {
    .columns {
      grid-template-columns: minmax(0, 1.5fr) minmax(0, 1fr);
      align-items: start;
    }
    aside {
      position: sticky;
      top: 1rem;
    }
  }
  .main {
    display: grid;
    gap: 1.5rem;
    min-width: 0;
  }
  aside {
    display: grid;
    gap: 1rem;
  }
  .wide {
    width: 100%;
  }
`;
