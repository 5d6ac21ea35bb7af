// Cues that place a harm word before the treatment or outside the writer's own experience: a past
// injury, a long-standing condition, abuse in childhood, a job. A match with one of these in its span
// is background: it names a category for a story that is harmful anyway, but does not make it so.

/** A history or condition in the words before the match ("for years", "as a child", "before the
 *  treatment", "suffered from"). Shared by abuse, trauma and physical harm. */
export const PRIOR = new RegExp([
  String.raw`\b(?:years?|months|decades?)\s+ago\b`,
  String.raw`\b(?:a|one|two|three|four|five|six|ten|twenty|few|several|many|couple\s+of|\d+)\s+(?:years?|decades?)\s+(?:before|earlier|back|previously)\b`,
  String.raw`\blast\s+(?:year|summer|winter|spring|autumn|fall)\b`,
  String.raw`\bin\s+(?:19|20)\d\d\b`,
  String.raw`\b(?:before|prior\s+to)\s+(?:the|my|starting|trying|these|this|cst|i\s+(?:started|tried|began|found|went))\b`,
  String.raw`\bused\s+to\s+(?:have|get|suffer|experience)\b`,
  String.raw`\bhistory\s+of\b`,
  String.raw`\b(?:suffer(?:ed|s|ing)?|struggl(?:ed|es|ing)|liv(?:e|ed|ing)|diagnosed|dealing|dealt)\s+(?:\w+\s+)?(?:from|with)\b`,
  String.raw`\b(?:chronic|long[\s-]?standing|lifelong|life-long|pre[\s-]?existing|recurrent)\b`,
  String.raw`\bfor\s+(?:many\s+|several\s+|a\s+few\s+|\d+\s+|ten\s+|twenty\s+|most\s+of\s+my\s+)?(?:years|decades|life)\b`,
  String.raw`\bsince\s+(?:childhood|birth|i\s+was|my\s+(?:teens|twenties|childhood|youth))\b`,
  String.raw`\bas\s+a\s+(?:child|kid|teen|teenager|little\s+(?:girl|boy)|baby|toddler)\b`,
  String.raw`\bwhen\s+i\s+was\s+(?:younger|young|little|small|a\s+(?:child|kid|teen\w*|baby|student)|\d+)\b`,
  String.raw`\b(?:growing\s+up|in\s+my\s+(?:teens|twenties|youth|childhood))\b`,
  String.raw`\b(?:previous(?:ly)?|recover(?:ed|ing|y)\s+from|rehab\w*)\b`,
  String.raw`\bi\s+(?:have|'ve\s+got|suffer\s+from|live\s+with)\s+(?:a|an)\s+(?:\w+\s+)?$`,
].join('|'))

/** The same, in the words after the match ("I had seizures before the treatment"). */
export const PRIOR_AFTER = new RegExp([
  String.raw`\b(?:years?|months|decades?)\s+ago\b`,
  String.raw`\bas\s+a\s+(?:child|kid|teen\w*)\b`,
  String.raw`\bwhen\s+i\s+was\s+(?:young|younger|little|small|a\s+\w+|\d+)\b`,
  String.raw`\b(?:before|prior\s+to)\s+(?:the|my|starting|trying|i\s+(?:started|tried|began|found))\b`,
  String.raw`\blast\s+(?:year|summer|winter|spring|autumn)\b`,
  String.raw`\bin\s+(?:19|20)\d\d\b`,
  String.raw`\bfor\s+(?:many\s+|several\s+|\d+\s+)?years\b`,
  String.raw`\bsince\s+(?:childhood|birth|i\s+was)\b`,
].join('|'))

/** Abuse that is in the writer's past or done by someone else ("survivor of", "my stepfather"). */
export const PRIOR_ABUSE = new RegExp([
  String.raw`\b(?:survivor|survived|victim|memories\s+of|memory\s+of|childhood|domestic|in\s+the\s+past|years\s+of)\b`,
  String.raw`\b(?:my|an?)\s+(?:ex|father|stepfather|step-father|dad|uncle|brother|mother|stepmother|grandfather|parents?|ex-husband|ex-partner|ex-boyfriend|abuser|teacher|priest|coach|boss|manager|colleague|husband|wife|partner|neighbour|neighbor)\b`,
  String.raw`\bby\s+(?:a\s+)?(?:family|relative|neighbour|neighbor|stranger)\b`,
].join('|'))

/** An injury or illness from elsewhere ("hurt my back in a fall", "after knee surgery"). */
export const PRIOR_PHYSICAL = new RegExp([
  String.raw`\b(?:in|from|during|after)\s+(?:a|an|the|my|her|his)\s+(?:\w+\s+)?(?:fall|accident|crash|collision|tackle|match|game|race|marathon|war)\b`,
  String.raw`\b(?:car|road|bike|cycling|motorbike|sports?|work|skiing|riding|rugby|football|gym|riding)\s+(?:accident|crash|injur\w+)\b`,
  String.raw`\b(?:slipped|tripped|fell\s+(?:off|down|over|from))\b`,
  String.raw`\bafter\s+(?:my|a|her|his|our|the|knee|hip|back|shoulder|spinal)\s+(?:\w+\s+)?(?:surgery|operation|op|replacement|birth|delivery|c-section|caesarean|chemo\w*|stroke|injury)\b`,
  String.raw`\b(?:stroke|seizure|epilepsy|accident|surgery|injury)\s+(?:patient|survivor|victim|rehab)s?\b`,
  String.raw`\b(?:born\s+with|at\s+birth|during\s+(?:the\s+|her\s+|his\s+|my\s+)?(?:birth|delivery|labou?r))\b`,
].join('|'))

/** The same for the words after the match ("hurt my back in a fall"). */
export const PRIOR_PHYSICAL_AFTER = new RegExp([
  String.raw`^\s*(?:\w+\s+){0,4}?(?:in|from|during|after|playing)\s+(?:a|an|the|my|her|his)?\s*(?:\w+\s+)?(?:fall|accident|crash|collision|tackle|match|game|race|rugby|football|surgery|operation)\b`,
  String.raw`\b(?:at\s+birth|during\s+(?:the\s+|her\s+|his\s+)?(?:birth|delivery))\b`,
].join('|'))

/** The writer speaks as a professional or about others ("I work with trauma survivors"). */
export const PROFESSIONAL = new RegExp([
  String.raw`\bi\s+(?:am|'m|was|have\s+been|worked\s+as|work\s+as)\s+(?:a|an)\s+(?:\w+\s+){0,2}?(?:nurse|doctor|gp|physio\w*|therapist|paramedic|counsell?or|psychologist|psychiatrist|practitioner|midwife|carer|volunteer|social\s+worker|osteopath|chiropractor|teacher|consultant|surgeon|psychotherapist|clinician|researcher|student)\b`,
  String.raw`\bi\s+work(?:ed)?\s+(?:in|at|with|for|on)\b`,
  String.raw`\b(?:my|our)\s+(?:patients|clients)\b`,
  String.raw`\bwith\s+(?:patients|clients)\b`,
  String.raw`\b(?:trauma|abuse|stroke|assault|rape)[\s-]informed\b`,
  String.raw`\bspeciali[sz]\w*\s+in\b`,
].join('|'))

/** A job named right after the match ("an A&E nurse", "ER doctors"). */
export const PROFESSIONAL_AFTER = /^\s*(?:\w+\s+)?(?:nurse|doctor|consultant|paramedic|physio\w*|worker|receptionist|porter|registrar|surgeon|clinician)s?\b/
