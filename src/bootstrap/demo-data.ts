// The demo site: site `demo`, topic `craniosacral-massage`, stories in every status, readers' comments
// (approved and pending) and ratings. Loaded once.
import { recordEvent } from '../audit/audit.js'
import type { Db, Tx } from '../db/client.js'
import type { StoryStatus, Verdict } from '../generated/prisma/enums.js'
import { hashSecret, newSecret } from '../keys/tokens.js'
import { toColumns } from '../triage/stored.js'
import { triage } from '../triage/triage.js'

interface DemoComment {
  status: StoryStatus
  body: string
  authorName?: string
}

interface DemoStory {
  status: StoryStatus
  verdict: Verdict | null
  title: string
  body: string
  authorName?: string
  research?: boolean
  comments?: DemoComment[]
  /** Readers' star ratings, one per (made-up) visitor. */
  ratings?: number[]
}

const stories: DemoStory[] = [
  {
    status: 'approved', verdict: 'effective', authorName: 'Maya', research: true, title: 'My tension headaches eased', body: 'I went for five gentle sessions for tension headaches. I nearly fell asleep each time, and the headaches are now far less frequent.',
    ratings: [5, 4, 4, 5, 3],
    comments: [
      { status: 'approved', authorName: 'Priya', body: 'Same for me: fewer headaches after a month. Good to hear it was not just me.' },
      { status: 'pending', body: 'Did you change anything else at the same time, like sleep or screen time?' },
    ],
  },
  { status: 'approved', verdict: 'effective', title: 'Calmer evenings for our son', body: 'Our son has been calmer in the evenings since starting fortnightly sessions. We cannot be sure it is the therapy, but we will continue.' },
  { status: 'approved', verdict: 'ineffective', authorName: 'Tom', research: true, title: 'No change for my back', body: 'Three sessions and my lower back pain is exactly the same. Pleasant enough, but not worth the money for me.', ratings: [3] },
  { status: 'approved', verdict: null, title: 'Hard to say', body: 'I felt relaxed afterwards, but I was also on holiday that week, so I honestly cannot tell whether it did anything.' },
  {
    status: 'approved', verdict: 'ineffective', research: true, title: 'Flashbacks on the table', body: 'Twenty minutes in, the therapist held my head and I had a flashback to the car crash. I was shaking. Please ask about trauma before you book.',
    ratings: [5, 5, 4],
    comments: [
      { status: 'approved', authorName: 'Jo', body: 'Thank you for warning people. I will tell my therapist about my history first.' },
      { status: 'pending', body: 'This happened to me too, I had flashbacks for weeks afterwards and could not sleep.' },
    ],
  },
  { status: 'pending', verdict: 'effective', authorName: 'Lena', title: 'Helped my jaw', body: 'My jaw clicking and pain are much better after four sessions around my jaw and temples.' },
  { status: 'pending', verdict: 'ineffective', title: 'Practitioner crossed a line', body: 'The practitioner touched me inappropriately while I was lying face down and said it was part of releasing energy. I have reported him.' },
  { status: 'pending', verdict: 'ineffective', title: 'Everything came back', body: 'After the emotional release session all the memories came back at once. For two weeks I had thoughts of ending my life; I am getting help now.' },
  { status: 'rejected', verdict: 'effective', title: 'Best clinic in town!!!', body: 'Book now at our clinic and get 50% off your first craniosacral session, visit our website today.' },
  { status: 'removed', verdict: 'ineffective', title: 'Waste of time', body: 'Nothing happened at all and the practitioner was rude to me when I asked questions about the evidence.' },
  { status: 'withdrawn', verdict: null, title: '', body: '' },
]

export const demoCrisisResources = [
  { name: 'Samaritans (UK and Ireland), any time', contact: 'Call 116 123' },
  { name: '988 Suicide & Crisis Lifeline (US)', contact: 'Call or text 988' },
  { name: 'Find a helpline in your country', contact: 'https://findahelpline.com' },
]

/** Loads the demo site unless a site `demo` exists. Returns whether it loaded anything. */
export async function loadDemoData (db: Db): Promise<boolean> {
  if (await db.site.findUnique({ where: { slug: 'demo' }, select: { id: true } })) return false
  await db.$transaction(async (tx) => {
    const site = await tx.site.create({
      data: {
        slug: 'demo',
        name: 'Demo: Gentle Therapies Guide',
        allowedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
        settings: { smallCellK: 10, crisisResources: demoCrisisResources },
      },
    })
    const topic = await tx.topic.create({
      data: { siteId: site.id, slug: 'craniosacral-massage', title: 'Craniosacral massage', question: 'Was craniosacral massage effective or ineffective for you? Share your story.' },
    })
    const start = Date.now() - stories.length * 86_400_000
    for (const [i, s] of stories.entries()) {
      const createdAt = new Date(start + i * 86_400_000)
      const story = await createDemoItem(tx, { siteId: site.id, topicId: topic.id }, s, createdAt)
      for (const [j, c] of (s.comments ?? []).entries()) {
        const commentedAt = new Date(createdAt.getTime() + (j + 2) * 3_600_000)
        await createDemoItem(tx, { siteId: site.id, topicId: topic.id, parentId: story.id }, { ...c, title: '', verdict: null }, commentedAt)
      }
      await tx.readerRating.createMany({
        data: (s.ratings ?? []).map((stars, j) => ({ storyId: story.id, stars, raterHash: `demo-${j}`, networkHash: `demo-${j}` })),
      })
    }
  // All or nothing, once per database; every item is triaged inside, which on a busy machine can
  // outlast Prisma's default 5 s for an interactive transaction.
  }, { timeout: 60_000 })
  return true
}

type Placement = { siteId: string, topicId: string, parentId?: string }

/** One story or comment, triaged as a submission would be, with its audit event. */
async function createDemoItem (tx: Tx, where: Placement, s: Omit<DemoStory, 'comments' | 'ratings'>, createdAt: Date) {
  const result = triage({ title: s.title, body: s.body })
  const story = await tx.story.create({
    data: {
      ...where,
      title: s.title,
      body: s.body,
      authorName: s.authorName ?? null,
      verdict: s.verdict,
      consentPublish: true,
      consentResearch: s.research ?? false,
      status: s.status,
      ...toColumns(result),
      contentWarnings: s.status === 'approved' ? result.categories : [],
      manageTokenHash: hashSecret(newSecret('mt')),
      createdAt,
      publishedAt: s.status === 'approved' || s.status === 'removed' ? new Date(createdAt.getTime() + 3_600_000) : null,
    },
  })
  await recordEvent(tx, { storyId: story.id, actor: 'system', action: 'demo_loaded', toStatus: s.status })
  return story
}
