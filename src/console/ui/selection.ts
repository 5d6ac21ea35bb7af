// Turns the moderator's text selection inside a shown field into UTF-16 offsets of that field's
// original text, skipping the category labels the evidence highlighting inserts.
export interface FieldSpan { field: 'title' | 'body', start: number, end: number }

/** Offset of (node, offset) among the field's own text nodes, or null when it is not one of them. */
function offsetIn (root: HTMLElement, node: Node, offset: number): number | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  let at = 0
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text.parentElement?.closest('.ev-tag')) continue
    if (text === node) return at + offset
    at += text.textContent?.length ?? 0
  }
  return null
}

/** The current selection as a span of the title or the body shown in `container`, if it lies in one of them. */
export function selectedSpan (container: HTMLElement): FieldSpan | null {
  const selection = document.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  for (const [field, cls] of [['title', 'story-title'], ['body', 'story-body']] as const) {
    const root = container.querySelector<HTMLElement>(`.story-text .${cls}`)
    if (!root || !root.contains(range.startContainer) || !root.contains(range.endContainer)) continue
    const start = offsetIn(root, range.startContainer, range.startOffset)
    const end = offsetIn(root, range.endContainer, range.endOffset)
    if (start === null || end === null || end <= start) return null
    return { field, start, end }
  }
  return null
}
