// The widget's text, in English by default; every string can be overridden (for other languages).
export const defaultStrings = {
  loading: 'Loading stories…',
  loadFailed: 'The stories could not be loaded. Please try again later.',
  tallyHeading: 'What people said',
  tallyCounts: '{effective} found it effective · {ineffective} found it ineffective · {total} stories in total',
  tallyShare: '{share}% of those who gave a verdict found it effective',
  tallyInterval: '(95% interval {lower}–{upper}%)',
  tallyNone: 'No verdicts yet.',
  storiesHeading: 'Stories',
  noStories: 'No stories have been published yet.',
  verdictEffective: 'Effective',
  verdictIneffective: 'Ineffective',
  verdictNone: 'No verdict',
  anonymous: 'Anonymous',
  contentWarning: 'Content warning: {warnings}',
  showStory: 'Show story',
  hideStory: 'Hide story',
  showMore: 'Show more stories',
  report: 'Report this story',
  reportLabel: 'Why are you reporting it?',
  reportSend: 'Send report',
  reportCancel: 'Cancel',
  reportThanks: 'Thank you. A moderator will look at it.',
  reportFailed: 'The report could not be sent. Please try again later.',
  reason_harm: 'It could cause harm',
  reason_spam: 'Spam or advertising',
  reason_privacy: 'It reveals private information',
  reason_misinformation: 'Misinformation',
  reason_other: 'Something else',
  warning_self_harm: 'self-harm',
  warning_abuse: 'abuse',
  warning_trauma_response: 'trauma response',
  warning_physical_harm: 'physical harm',
  formHeading: 'Share your story',
  formIntro: 'Every story is read by a moderator before it is published.',
  fieldTitle: 'Title',
  fieldBody: 'Your story',
  fieldVerdict: 'Did it work for you?',
  verdictNoAnswer: 'I would rather not say',
  fieldAuthorName: 'Your name (optional, shown with the story)',
  fieldAuthorEmail: 'Your email (optional, never shown)',
  fieldConsent: 'I agree to my story being published after moderation.',
  fieldResearch: 'I agree to my story being used, without my name or email, in research.',
  honeypot: 'Leave this field empty',
  submit: 'Send story',
  submitting: 'Sending…',
  formErrors: 'Please correct the fields marked below.',
  submitFailed: 'Your story could not be sent. Please try again later.',
  duplicate: 'You have already sent this story; it is waiting for a moderator.',
  rateLimited: 'Too many stories were sent from here. Please try again in {seconds} seconds.',
  thanksHeading: 'Thank you for your story',
  thanksBody: 'It will appear here once a moderator has read it.',
  manageToken: 'To withdraw your story later, keep this code: {token}',
  ratingLabel: 'Reader rating:',
  ratingNone: 'Not rated yet',
  ratingOne: '{average} (1 rating)',
  ratingMany: '{average} ({count} ratings)',
  rateGroup: 'Rate how helpful this story was',
  rateStars: 'Rate {stars} out of 5 stars',
  rateThanks: 'Thanks — you rated this {stars} stars',
  rateThanksOne: 'Thanks — you rated this 1 star',
  rateFailed: 'Your rating could not be sent. Please try again later.',
  commentsToggle: 'Comments ({count})',
  commentsNone: 'Have your say',
  commentsFailed: 'The comments could not be loaded. Please try again later.',
  moreComments: 'More comments',
  showComment: 'Show comment',
  hideComment: 'Hide comment',
  reportComment: 'Report this comment',
  commentFormHeading: 'Have your say',
  commentBody: 'Your comment',
  commentAuthorName: 'Your name (optional, shown with the comment)',
  commentConsent: 'I agree to my comment being published after moderation.',
  commentSubmit: 'Send comment',
  commentFailed: 'Your comment could not be sent. Please try again later.',
  commentDuplicate: 'You have already sent this comment; it is waiting for a moderator.',
  commentRateLimited: 'Too many comments were sent from here. Please try again in {seconds} seconds.',
  commentThanks: 'Thanks — your comment will appear once a moderator has reviewed it.',
  commentManageToken: 'To withdraw your comment later, keep this code: {token}',
}

export type Strings = typeof defaultStrings

/** Fills `{name}` placeholders. */
export function format (template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))
}

/** Defaults, then the `data-strings` JSON attribute, then the `strings` property; unknown keys and non-strings are ignored. */
export function mergeStrings (...overrides: Array<Partial<Record<string, unknown>> | null | undefined>): Strings {
  const merged: Record<string, string> = { ...defaultStrings }
  for (const o of overrides) {
    if (!o || typeof o !== 'object') continue
    for (const [k, v] of Object.entries(o)) if (k in defaultStrings && typeof v === 'string') merged[k] = v
  }
  return merged as Strings
}

/** Parses a `data-strings` attribute; a malformed one is ignored (with a console warning), never fatal. */
export function parseStringsAttribute (value: string | null): Record<string, unknown> | null {
  if (!value) return null
  try {
    const parsed: unknown = JSON.parse(value)
    return parsed && typeof parsed === 'object' ? parsed as Record<string, unknown> : null
  } catch {
    console.warn('candor-stories: data-strings is not valid JSON; using the default text')
    return null
  }
}
