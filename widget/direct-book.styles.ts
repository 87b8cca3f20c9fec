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
  .back {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 36px;
    margin-left: -0.35rem;
    padding: 0 0.5rem 0 0.25rem;
    border-radius: 8px;
    color: var(--_text-muted);
    font-size: 0.9375rem;
    font-weight: 500;
  }
  .back:hover {
    color: var(--_text);
    background: var(--_surface-muted);
  }
  .back svg {
    width: 16px;
    height: 16px;
  }

  /* Dates and guests */
  .search,
  .search-skeleton {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.5rem;
    margin-bottom: 0.75rem;
  }
  @container (min-width: 560px) {
    .search,
    .search-skeleton {
      grid-template-columns: 3fr 2fr;
    }
  }
  .field {
    display: grid;
    text-align: start;
    gap: 0.1rem;
    padding: 0.65rem 2.5rem 0.65rem 1rem;
    min-height: 60px;
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: inset 0 0 0 1px var(--_border);
    position: relative;
    transition: box-shadow 0.15s;
  }
  .field::after {
    content: '';
    position: absolute;
    right: 1.1rem;
    top: 50%;
    width: 8px;
    height: 8px;
    border-right: 2px solid var(--_text-muted);
    border-bottom: 2px solid var(--_text-muted);
    transform: translateY(-70%) rotate(45deg);
    transition: transform 0.15s;
  }
  .field.open::after {
    transform: translateY(-20%) rotate(-135deg);
  }
  .field:hover {
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--_text-muted) 60%, var(--_border));
  }
  .field.open {
    box-shadow: inset 0 0 0 2px var(--_accent);
  }
  .field-label {
    font-size: 0.75rem;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--_text-muted);
  }
  .field-value {
    font-weight: 600;
  }
  .field-value .muted {
    font-weight: 400;
  }
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
    margin-bottom: 1rem;
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .panel-actions {
    display: flex;
    justify-content: flex-end;
    margin-top: 0.75rem;
  }

  /* Messages */
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
  .offline {
    background: #eef2f7;
    color: #324055;
  }
  .error-state {
    display: grid;
    justify-items: center;
    gap: 0.75rem;
    text-align: center;
    padding: 2rem 1rem;
    border-radius: var(--_radius);
    background: var(--_surface-muted);
    margin: 0.5rem 0 1rem;
  }

  /* The chosen rooms follow the guest down the page. */
  .footer {
    position: sticky;
    bottom: 0.75rem;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    margin-top: 1rem;
    padding: 0.75rem 0.75rem 0.75rem 1.25rem;
    background: color-mix(in srgb, var(--_surface) 94%, transparent);
    backdrop-filter: blur(8px);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 28px rgb(0 0 0 / 0.12);
  }
  .footer-text {
    display: grid;
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  .footer-text strong {
    font-size: 1.1875rem;
    color: var(--_text);
    font-variant-numeric: tabular-nums;
  }

  /* Review, details, payment: the summary sits beside the form on wide screens. */
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
  db-hold-timer {
    margin-bottom: 1.25rem;
  }

  .success-icon {
    width: 56px;
    height: 56px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    background: color-mix(in srgb, var(--_accent) 14%, white);
    color: var(--_accent);
    margin-bottom: 1rem;
  }
  .success-icon svg {
    width: 30px;
    height: 30px;
  }
  .expired-text {
    margin-bottom: 1.5rem;
    color: var(--_text-muted);
    max-width: 38rem;
    line-height: 1.55;
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
  .search-skeleton .skeleton {
    height: 60px;
    border-radius: var(--_radius);
  }
`;
