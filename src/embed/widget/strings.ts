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
  manageToken: 'This private code is the only way to see whether your story was published, to change it while it waits, or to withdraw it. We do not know who you are, so we cannot send it to you or recover it: copy it and keep it somewhere safe. It is shown only once.',
  copyToken: 'Copy code',
  copied: 'Copied.',
  copyFailed: 'The code is selected: copy it with your keyboard or menu.',
  rememberQuestion: 'Keep track of your story on this device?',
  rememberExplain: 'This browser can remember a private code for your story, so you can come back to this page to see whether it was published, change it while it waits, or withdraw it. Nothing else about you is stored, and the code is sent only to the stories service. Anyone who uses this browser could see your stories here.',
  rememberYes: 'Remember on this device',
  rememberNo: 'No, show me the code',
  remembered: 'Remembered on this device. You will find it under "Your stories" on this page.',
  yourStoriesHeading: 'Your stories',
  yourStoriesIntro: 'Remembered on this device; only this browser shows them.',
  status_pending: 'Waiting for a moderator',
  status_approved: 'Published',
  status_rejected: 'Not published',
  status_removed: 'Taken down',
  statusGone: 'No longer available: it was withdrawn or erased.',
  statusFailed: 'Its status could not be loaded. Please try again later.',
  statusSince: 'since',
  reasonText: 'Why: {reason}',
  publicVersionNote: 'Readers see it with some details hidden.',
  responsesSummary: 'Comments: {count}',
  ownEdit: 'Edit',
  ownSave: 'Save changes',
  ownSaving: 'Saving…',
  ownCancel: 'Cancel',
  ownSaved: 'Saved. It is still waiting for a moderator.',
  ownStale: 'It changed meanwhile. Check it and try again.',
  ownClosed: 'A moderator has already decided, so it can no longer be changed.',
  ownFailed: 'Your changes could not be saved. Please try again later.',
  ownWithdraw: 'Withdraw',
  ownWithdrawConfirm: 'Withdraw this story for good? It cannot be undone.',
  ownWithdrawYes: 'Yes, withdraw it',
  ownWithdrawn: 'Your story "{title}" was withdrawn.',
  ownWithdrawFailed: 'It could not be withdrawn. Please try again later.',
  ownForget: 'Forget on this device',
  ownForgotten: '"{title}" is no longer remembered on this device.',
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
  commentManageToken: 'This private code is the only way to see whether your comment was published, or to withdraw it. We do not know who you are, so we cannot send it to you or recover it: copy it and keep it somewhere safe. It is shown only once.',
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
