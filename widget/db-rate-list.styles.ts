import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .list {
    display: grid;
    gap: 1rem;
    transition: opacity 0.2s;
  }
  :host([loading]) .list[aria-busy='true'] .room:not([aria-hidden]) {
    opacity: 0.55;
  }
  .room {
    display: grid;
    grid-template-columns: 1fr;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    box-shadow: var(--_shadow);
  }
  .media {
    aspect-ratio: 16 / 7;
    background: var(--_surface-muted);
    position: relative;
  }
  .media img,
  .media .fill {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
    border-radius: 0;
  }
  .placeholder {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: color-mix(in srgb, var(--_accent) 60%, white);
    background: radial-gradient(circle at 30% 20%, color-mix(in srgb, var(--_accent) 10%, white), transparent 60%),
      linear-gradient(160deg, color-mix(in srgb, var(--_accent) 16%, white), color-mix(in srgb, var(--_accent) 5%, white));
  }
  .placeholder svg {
    width: 56px;
    height: 56px;
  }
  /* Without a photo, a phone shows the rates straight away. */
  .media.no-photo {
    display: none;
  }
  .body {
    padding: 1.1rem 1.25rem 0.35rem;
    min-width: 0;
  }
  h3 {
    font-size: 1.1875rem;
    font-weight: 700;
    letter-spacing: -0.01em;
    line-height: 1.3;
  }
  .meta {
    margin-top: 0.15rem;
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  .description {
    margin-top: 0.5rem;
    font-size: 0.9375rem;
    line-height: 1.5;
    color: var(--_text-muted);
  }
  .rates {
    margin-top: 0.5rem;
  }
  db-rate-card + db-rate-card {
    border-top: 1px solid var(--_border);
  }
  .line {
    height: 0.9rem;
    margin-bottom: 0.6rem;
  }
  .line.title {
    width: 45%;
    height: 1.4rem;
  }
  .line.short {
    width: 30%;
  }
  .line.long {
    width: 85%;
  }
  .line.half {
    width: 50%;
  }
  .line.amount {
    width: 6rem;
    height: 1.6rem;
  }
  .pill {
    width: 10rem;
    height: 1.6rem;
    border-radius: 999px;
  }
  .button {
    width: 6.5rem;
    height: 48px;
    border-radius: 10px;
  }
  .skeleton-rate {
    display: grid;
    gap: 0.875rem;
    padding: 1rem 0;
    border-top: 1px solid var(--_border);
  }
  .skeleton-buy {
    display: grid;
    grid-template-columns: 1fr auto;
  }
  .skeleton-buy .button {
    grid-column: 2;
    grid-row: 1 / span 2;
  }
  .empty {
    display: grid;
    justify-items: center;
    gap: 0.5rem;
    text-align: center;
    padding: 2.5rem 1.25rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .empty-icon {
    width: 40px;
    height: 40px;
    color: var(--_accent);
  }
  .empty-title {
    font-weight: 650;
    font-size: 1.0625rem;
  }
  .empty .primary {
    margin-top: 0.5rem;
  }
  @container (max-width: 420px) {
    .body {
      padding: 1rem 1rem 0.25rem;
    }
  }
  @container (min-width: 560px) {
    .skeleton-rate {
      grid-template-columns: 1fr auto;
      gap: 1.5rem;
    }
    .skeleton-buy {
      grid-template-columns: auto;
      justify-items: end;
    }
    .skeleton-buy .button {
      grid-column: auto;
      grid-row: auto;
      margin-top: 0.5rem;
    }
  }
  @container (min-width: 720px) {
    .room {
      grid-template-columns: minmax(220px, 32%) 1fr;
    }
    .media,
    .media.no-photo {
      display: block;
      aspect-ratio: auto;
      min-height: 100%;
    }
  }
`;
