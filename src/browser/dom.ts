// A tiny element builder shared by the widget and the console: text always goes in through textContent, never as HTML.
type Attrs = Record<string, string | boolean | undefined>

/** Creates an element with attributes (false/undefined skipped, true = empty) and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap> (tag: K, attrs: Attrs = {}, ...children: Array<Node | string | null | undefined | false>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    el.setAttribute(name, value === true ? '' : value)
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    el.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return el
}

let counter = 0
/** A document-unique id for aria-describedby / aria-controls / label[for] inside one shadow root. */
export const uid = (prefix: string): string => `candor-${prefix}-${++counter}`
