// Deterministic ~10 kB stories (ordinary, harm-dense, adversarial) shared by the golden test and bench.
import { rng as random } from '../../bench/text.js'

// Ordinary review sentences, including benign uses of alarming words, so the context rules run too.
const ORDINARY = [
  'I went for five sessions of craniosacral therapy for tension headaches after a stressful year at work.',
  'The practitioner was warm, explained everything she was going to do and checked in with me often.',
  'The room was quiet and warm, with soft music and a blanket over my legs the whole time.',
  'She held my head very gently and I nearly fell asleep twice, which apparently is common.',
  'Afterwards I felt a bit tired and slightly dizzy for a minute when I stood up, but it passed.',
  'My headaches are less frequent now, maybe one a fortnight instead of three a week.',
  'The booking system was a nightmare but the receptionist sorted it out in the end.',
  'I hurt my back in a fall years ago and the sessions helped with the stiffness too.',
  'I work with trauma survivors and I would refer some of my clients to her.',
  'I read it can cause strokes in rare cases, but my experience was gentle and safe.',
  "Honestly I'm not sure how much was the treatment and how much was the rest and the time off.",
  'It is not cheap, around sixty pounds a session, and the clinic is a forty minute drive away.',
  'My partner came with me to the last appointment and thought the whole thing was very calming.',
  'No bruising, no soreness the next day, nothing like the sports massage I had last summer.',
  'I used to get panic attacks but they have stopped since I started the sessions.',
  'Would I recommend it? Yes, for relaxation at least, and she never pushed me to book more.',
]

// Sentences that report harm of every category, phrased directly, indirectly and with typos.
const HARM = [
  'About twenty minutes into the session I had a flashback to the car crash and could not breathe.',
  'Since the treatment I get nigthmares most nights and wake up screaming.',
  'He touched me inappropriately and would not stop when I said no.',
  'I ended up in A&E that night with numbness down my left arm.',
  'For two weeks I had thoughts of ending my life and I am only now getting help.',
  'The memories came flooding back on the table and I started shaking all over.',
  'She pinned me down and I felt completely violated.',
  'Our baby was hurt and the pediatric ER kept her in overnight.',
  'I was standing on a bridge two nights after the appointment.',
  'I have been hypervigilant since and I jump at every sound.',
  'I passed out in the car park and someone called an ambulance.',
  'It triggered my PTSD and I had a full blown panic attack in the waiting room.',
  "I don't want to be here anymore, that is how low it left me.",
  'The adjustment cracked a rib and the bruising lasted a month.',
]


/** Sentences drawn from `pools` (each with a weight) until the text reaches `bytes`. */
function compose (seed: number, bytes: number, pools: Array<[string[], number]>): string {
  const next = random(seed)
  const total = pools.reduce((s, [, w]) => s + w, 0)
  const parts: string[] = []
  let length = 0
  let paragraph = 0
  while (length < bytes) {
    let r = next() * total
    let pool = pools[0]?.[0] ?? []
    for (const [p, w] of pools) {
      if (r < w) { pool = p; break }
      r -= w
    }
    const sentence = pool[Math.floor(next() * pool.length)] ?? ''
    const sep = ++paragraph % 5 === 0 ? '\n\n' : ' '
    parts.push(sentence, sep)
    length += sentence.length + sep.length
  }
  return parts.join('').slice(0, bytes)
}

export interface LongStory {
  id: string
  kind: string
  title: string
  body: string
}

/** The stories, about `bytes` characters of body each. */
export function longStories (bytes = 10_000): LongStory[] {
  const story = (id: string, kind: string, title: string, body: string): LongStory => ({ id, kind, title, body })
  return [
    story('long-ordinary', 'ordinary', 'Gentle and helped my headaches', compose(1, bytes, [[ORDINARY, 1]])),
    story('long-mixed', 'mixed', 'Mostly fine, one bad night', compose(2, bytes, [[ORDINARY, 9], [HARM, 1]])),
    story('long-harm-dense', 'harm-dense', 'Flashbacks, A&E and worse', compose(3, bytes, [[HARM, 3], [ORDINARY, 1]])),
    story('long-one-word', 'one word', 'memories', 'memories '.repeat(Math.ceil(bytes / 9)).slice(0, bytes)),
    story('long-harm-word', 'harm word', 'flashbacks', 'flashbacks panic '.repeat(Math.ceil(bytes / 17)).slice(0, bytes)),
    story('long-negations', 'negations', 'not no never', 'not no never '.repeat(Math.ceil(bytes / 13)).slice(0, bytes)),
    story('long-hedges', 'hedges', 'worried', 'I was worried it could '.repeat(Math.ceil(bytes / 23)).slice(0, bytes)),
    story('long-punctuation', 'punctuation', '!!!', '!?.,;:()"\'-'.repeat(Math.ceil(bytes / 11)).slice(0, bytes)),
    story('long-no-spaces', 'no spaces', 'x', 'flashbacknightmaresuicidalhospital'.repeat(Math.ceil(bytes / 34)).slice(0, bytes)),
    story('long-one-letter', 'one letter', 'x', 'x'.repeat(bytes)),
    story('long-typos', 'typos', 'siezures', 'nigthmares flashbaks siezure hosptial ambulanse '.repeat(Math.ceil(bytes / 48)).slice(0, bytes)),
  ]
}
