// Keyboard first: single-key shortcuts while no text field has focus; Escape leaves a field for the queue.
import type { ItemView } from './item.js'
import type { QueueView } from './queue.js'

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement

export function installShortcuts (queue: QueueView, item: ItemView, showShortcuts: () => void, showQuality: () => void): () => void {
  const keys: Record<string, () => void> = {
    j: () => { queue.move(1) },
    k: () => { queue.move(-1) },
    c: () => { void item.claim() },
    u: () => { void item.release() },
    a: () => { void item.decide('approve') },
    r: () => { item.startReject() },
    e: () => { void item.decide('escalate') },
    v: () => { item.toggleReveal() },
    x: () => { item.redactSelection() },
    g: () => { void queue.refresh() },
    t: showQuality,
    '?': showShortcuts,
    Escape: () => { queue.focusSelected() },
  }
  function onKey (e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return
    if (document.querySelector('dialog[open]')) return
    if (typing(e.target) && e.key !== 'Escape') return
    const run = keys[e.key]
    if (!run) return
    e.preventDefault()
    run()
  }
  document.addEventListener('keydown', onKey)
  return () => { document.removeEventListener('keydown', onKey) }
}
