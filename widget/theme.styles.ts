import { css } from 'lit';

/**
 * Shared by every element: the public custom properties resolved to private ones (so each
 * element also works alone, e.g. in tests), and a small reset for the controls it renders.
 */
export const theme = css`
  :host {
    --_accent: var(--db-accent, #0b6e5f);
    --_accent-text: var(--db-accent-text, #ffffff);
    --_radius: var(--db-radius, 14px);
    --_font: var(--db-font, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans KR', sans-serif);
    --_surface: var(--db-surface, #ffffff);
    --_surface-muted: var(--db-surface-muted, #f5f4f0);
    --_text: var(--db-text, #1d1d1f);
    --_text-muted: var(--db-text-muted, #62626a);
    --_border: var(--db-border, #e3e1dc);
    --_danger: var(--db-danger, #b42318);
    --_focus: var(--db-focus, #1a56db);
    --_shadow: var(--db-shadow, 0 1px 2px rgb(0 0 0 / 0.04), 0 4px 16px rgb(0 0 0 / 0.06));
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3,
  h4,
  p,
  ul,
  ol,
  dl,
  dd {
    margin: 0;
    padding: 0;
  }
  ul,
  ol {
    list-style: none;
  }
  button,
  input {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
  }
  button {
    cursor: pointer;
    border: 0;
    background: none;
    padding: 0;
    -webkit-tap-highlight-color: transparent;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .primary,
  .secondary {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 48px;
    padding: 0 1.4em;
    border-radius: calc(var(--_radius) * 0.75);
    font-weight: 600;
    font-size: 1rem;
    transition: background-color 0.15s, box-shadow 0.15s, transform 0.05s;
  }
  .primary {
    background: var(--_accent);
    color: var(--_accent-text);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.12);
  }
  .primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }
  .primary:active:not(:disabled) {
    transform: translateY(1px);
  }
  .primary:disabled {
    background: color-mix(in srgb, var(--_accent) 45%, white);
  }
  .secondary {
    background: var(--_surface);
    color: var(--_text);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .secondary:hover {
    background: var(--_surface-muted);
  }
  .muted {
    color: var(--_text-muted);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .skeleton {
    display: block;
    border-radius: 6px;
    background: linear-gradient(90deg, var(--_surface-muted) 0%, color-mix(in srgb, var(--_surface-muted) 40%, white) 50%, var(--_surface-muted) 100%) 0 0 / 200% 100%;
    animation: db-shimmer 1.4s ease-in-out infinite;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border-radius: 50%;
    border: 2px solid currentColor;
    border-right-color: transparent;
    animation: db-spin 0.8s linear infinite;
  }
  @keyframes db-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @keyframes db-shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
    * {
      transition: none !important;
    }
  }
`;
