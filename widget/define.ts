/**
 * Registers a custom element unless the tag is already taken, so a page that includes
 * widget.js twice (two URLs, two versions) keeps working instead of throwing.
 */
export function defineElement(tag: string) {
  return (element: CustomElementConstructor): void => {
    if (!customElements.get(tag)) customElements.define(tag, element);
  };
}
