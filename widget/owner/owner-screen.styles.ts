import { css } from 'lit';

/** The frame around every signed-in screen: a header with the sections, then the screen. */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    min-height: 100vh;
    background: var(--_surface-muted);
  }
  header {
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }
  .bar {
    max-width: 1100px;
    margin: 0 auto;
    padding: 0.5rem 1rem;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  /* On a phone the name wraps rather than pushing the tools to a line of their own. */
  .property {
    font-weight: 700;
    flex: 1 1 0;
    min-width: 0;
    overflow-wrap: break-word;
  }
  /*
   * The sections never fit a phone, nor one line beside the name: they take a row of their own and
   * on a phone scroll sideways, with a shadow at the edge that has more (the background-attachment
   * trick: the covers scroll with the content, the shadows stay with the box).
   */
  nav {
    position: relative;
    overflow-x: auto;
    scrollbar-width: none;
    /* Room for a focused link's outline, which the scrolling box would otherwise clip. */
    padding: 4px;
    margin: -4px;
    width: calc(100% + 8px);
    background:
      linear-gradient(to right, var(--_surface) 30%, transparent) left / 2.5rem 100% no-repeat local,
      linear-gradient(to left, var(--_surface) 30%, transparent) right / 2.5rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.18), transparent) left / 0.75rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.18), transparent) right / 0.75rem 100% no-repeat scroll;
  }
  nav ul {
    display: flex;
    gap: 0.25rem;
    width: max-content;
  }
  nav a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 0.75rem;
    border-radius: 999px;
    color: inherit;
    text-decoration: none;
    font-weight: 600;
  }
  nav a[aria-current='page'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .tools {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .tools select {
    min-height: 44px;
    border-radius: 999px;
    border: 1px solid var(--_border);
    padding: 0 0.5rem;
    font: inherit;
    background: var(--_surface);
    max-width: 6.5rem;
  }
  .tools .secondary {
    min-height: 44px;
    padding: 0 1rem;
  }
  main {
    max-width: 1100px;
    margin: 0 auto;
    padding: 1rem 1rem 4rem;
  }
  .center {
    padding: 3rem 1rem;
    text-align: center;
  }
  @container (max-width: 520px) {
    nav a {
      padding: 0 0.625rem;
    }
  }
  /* With a mouse a hidden sideways scroll is hard to find: wider screens wrap the sections instead. */
  @container (min-width: 721px) {
    nav {
      overflow: visible;
      background: none;
    }
    nav ul {
      width: auto;
      flex-wrap: wrap;
    }
    nav a {
      padding: 0 0.625rem;
    }
  }
`;
