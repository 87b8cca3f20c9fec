import { css } from 'lit';
import { bannerStyles } from './banner.styles.ts';

/**
 * Shared by the steps after the rates (and the owner console): the banners, errors among them, and
 * the summary beside the form on wide screens. widget.js carries only the banners that <direct-book>
 * and the rates step show (banner.styles.ts).
 */
export const stepStyles = css`
  ${bannerStyles}
  .error {
    background: #fdeceb;
    color: var(--_danger);
    border: 1px solid #f6cbc7;
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
