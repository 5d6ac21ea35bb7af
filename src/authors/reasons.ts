// What an author is told when a moderator rejects or removes their item: a documented set of codes,
// each in plain words (the table in the contract's AuthorReason). Never the moderator or their note.
import type { Schemas } from '../contract/types.js'

type ReasonCode = Schemas['DecisionReason']

export const reasonWording: Record<ReasonCode, string> = {
  spam: 'It looked like spam: bulk, automated or unrelated posting.',
  off_topic: 'It is not about this topic, so it does not belong on this page.',
  not_an_experience: 'It does not describe a personal experience, which is what this page collects.',
  identifying_information: 'It contains details that could identify you or someone else.',
  harmful_content: 'It contains content that could harm readers.',
  advertising: 'It promotes a product, service or business.',
  duplicate: 'It repeats a story or comment that was already sent.',
  author_request: 'You asked for it to be taken down.',
  other: 'It does not meet this site\'s guidelines.',
}

const isCode = (reason: string): reason is ReasonCode => Object.hasOwn(reasonWording, reason)

/** The author's reason for a recorded decision reason; anything outside the set reads as `other`. */
export function authorReason (recorded: string | null): Schemas['AuthorReason'] {
  const code = recorded !== null && isCode(recorded) ? recorded : 'other'
  return { code, text: reasonWording[code] }
}
