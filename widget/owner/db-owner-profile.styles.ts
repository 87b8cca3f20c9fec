import { css } from 'lit';

/** The profile screen: a text's three language boxes side by side once there is room for them. */
export const styles = css`
  .languages {
    display: grid;
    gap: 0.75rem;
    /* Korean's taller line would otherwise set its box lower than the other two. */
    align-items: end;
  }
  /* The language under the text's name: quieter than the name, so the two never read as equals. */
  .languages .field {
    font-weight: 400;
    font-size: 0.875rem;
    color: var(--_text-muted);
    gap: 0.25rem;
  }
  .languages .field > :is(input, textarea) {
    color: var(--_text);
    font-size: 1rem;
  }
  @container (min-width: 720px) {
    .languages {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
  textarea {
    resize: vertical;
  }
  /* Korean breaks between words, as Korean readers expect, not inside one. */
  [lang='ko'] {
    word-break: keep-all;
  }
  fieldset > .hint {
    display: block;
    margin-bottom: 0.5rem;
  }
`;
