import { css } from 'lit';

/** The frame around every signed-in screen: a header with the sections, then the screen. */
export const styles = css`
  :host {
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
  nav ul {
    display: flex;
    gap: 0.25rem;
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
    nav {
      order: 3;
      width: 100%;
    }
    /* Four sections on a 320 px phone: tighter pills, and a scroll rather than a wider page if a language needs more. */
    nav {
      overflow-x: auto;
    }
    nav ul {
      justify-content: space-between;
    }
    nav a {
      padding: 0 0.5rem;
    }
  }
`;
