import { css } from 'lit';

export const styles = css`
  /* Inherited page styles stop here; !important because a page's own rules on the host
     (even "* { all: unset }") otherwise win over :host. \`all\` also resets the theme's
     box-sizing, which every element inside inherits, so it is set again after it. */
  :host {
    all: initial;
    box-sizing: border-box;
    display: block !important;
    font-family: var(--_font);
    color: var(--_text);
    font-size: 16px;
    line-height: 1.45;
    text-align: start;
    -webkit-font-smoothing: antialiased;
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none !important;
  }
  ::slotted([slot='payment']) {
    display: block !important;
  }
  /* Typography again inside the shadow root: even "!important" page rules on the host
     cannot reach it here. */
  .widget {
    font-family: var(--_font);
    font-size: 16px;
    line-height: 1.45;
    color: var(--_text);
    position: relative;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.4);
    padding: 1.25rem;
    box-shadow: var(--_shadow);
  }
  /* On a phone the page is the card: no frame inside a frame. */
  @container (max-width: 480px) {
    .widget {
      padding: 0;
      border: 0;
      background: none;
      box-shadow: none;
    }
  }
  @container (min-width: 720px) {
    .widget {
      padding: 2rem;
    }
  }

  /* Step indicator */
  .progress {
    display: flex;
    gap: 0.5rem;
    margin-bottom: 1.25rem;
  }
  .progress li {
    flex: 1;
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.8125rem;
    color: var(--_text-muted);
    padding-top: 0.6rem;
    border-top: 3px solid var(--_border);
    min-width: 0;
  }
  .progress .label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .progress li.done {
    border-color: color-mix(in srgb, var(--_accent) 45%, white);
  }
  .progress li.current {
    border-color: var(--_accent);
    color: var(--_text);
    font-weight: 650;
  }
  @container (max-width: 420px) {
    .progress li:not(.current) .label {
      visibility: hidden;
    }
  }

  .step-head {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.25rem;
    margin-bottom: 1.25rem;
  }
  h2 {
    font-size: 1.5rem;
    font-weight: 700;
    letter-spacing: -0.02em;
    line-height: 1.25;
    outline: none;
  }
  /* The outline itself comes from the theme's :focus-visible. */
  h2:focus-visible {
    outline-offset: 4px;
    border-radius: 4px;
  }
  .offline {
    background: #eef2f7;
    color: #324055;
  }

  /* Loading: the same boxes the content will fill. */
  .progress-skeleton .skeleton {
    height: 3px;
    margin: 0.6rem 0 2.2rem;
  }
  .heading-skeleton {
    width: 45%;
    height: 1.9rem;
    margin-bottom: 1.25rem;
  }
  .step-skeleton {
    height: 12rem;
  }
`;
