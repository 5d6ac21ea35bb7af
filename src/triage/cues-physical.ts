// Physical-harm phrases: emergency care, fractures, bruising, bleeding, seizures, stroke, fainting,
// vomiting, numbness, loss of movement, burns, nerve damage, serious adverse events named as
// diagnoses (organ failure, pancreatitis, anaphylaxis, clots, ruptured tendons), injury caused by
// the treatment, a baby hurt. Mild symptoms must not be played down to count; injuries from before are background.
import { AGENT, cues, SESSION, type Cue } from './cue.js'

const CARE = String.raw`(?:hospital|a\s?&\s?e|a\s+and\s+e|accident\s+and\s+emergency|er|e\.r\.?|emergency(?:\s+(?:room|department|dept|ward|services|care|unit))?|casualty|urgent\s+care|intensive\s+care|icu|itu|resus|stroke\s+unit|neuro\s+ward|walk[\s-]in\s+(?:centre|center|clinic))`
const BODY = String.raw`(?:neck|head|arm|arms|leg|legs|jaw|mouth|back|shoulder|shoulders|hand|hands|face|feet|foot|fingers|toes|spine|hip|hips|body|left\s+side|right\s+side|eyes?)`
const WHO = String.raw`(?:baby|newborn|infant|(?:day|week|month)s?[\s-]old|little\s+one|son|daughter|child|toddler|boy|girl|mother|mum|mom|father|dad|husband|wife|partner|friend)`

export const PHYSICAL: Cue[] = [
  ...cues('physical_harm', 'strong', [
    // emergency care
    String.raw`\b(?:admitted|rushed|taken|sent|went|go|going|ended\s+up|landed|wound\s+up|stay(?:ed)?|straight|drove\s+me|drive\s+me|trip|visit|referred)\s+(?:back\s+|straight\s+|immediately\s+|directly\s+)?(?:to|in|into|at)\s+(?:the\s+|a\s+|an\s+|our\s+local\s+|the\s+local\s+)?${CARE}\b`,
    String.raw`\b(?:night|nights|day|days|week|weeks|hours|evening|morning|afternoon)\s+(?:\w+\s+)?(?:in|at)\s+(?:the\s+|a\s+)?${CARE}\b`,
    String.raw`\bin\s+(?:the\s+)?hospital\s+(?:for|with|overnight|after)\b`,
    String.raw`\bhospitali[sz](?:ed|ation)\b`,
    String.raw`\b(?:a\s?&\s?e|accident\s+and\s+emergency|emergency\s+(?:room|department)|urgent\s+care|intensive\s+care)\b`,
    String.raw`\b(?:the|paediatric|pediatric|children's)\s+(?:er|e\.r\.)(?=\W|$)`,
    String.raw`\b(?:ambulance|paramedics?)\b`,
    String.raw`\b(?:called|call|calling|ring|rang|phoned|dial(?:l?ed)?)\s+(?:\w+\s+)?(?:999|911|111|112|nhs\s+111)\b`,
    String.raw`\b(?:needed|required|had\s+to\s+have|got|ended\s+up\s+(?:having|needing))\s+(?:emergency\s+|urgent\s+)?(?:surgery|an\s+operation|stitches|a\s+brace|a\s+neck\s+brace|an?\s+(?:mri|ct|scan|x-?ray)s?)\b`,
    // injuries
    String.raw`\bfractur(?:e|ed|es|ing)\b`,
    String.raw`\b(?:broken|broke|cracked|snapped)\s+(?:my\s+|a\s+|her\s+|his\s+|the\s+baby'?s\s+|two\s+|three\s+)?(?:\w+\s+)?(?:rib|ribs|bone|bones|neck|nose|jaw|collarbone|vertebra\w*|toe|finger|arm|leg|wrist|ankle|tailbone|coccyx|sternum|skull)\b`,
    String.raw`\b(?:rib|ribs|bone|bones|neck|nose|jaw|collarbone|vertebra\w*|skull|wrist|ankle|tailbone|coccyx|shoulder|hip)\s+(?:was|were|got|had\s+been)\s+(?:\w+\s+)?(?:broken|cracked|fractured|dislocated|snapped|injured|damaged)\b`,
    String.raw`\bfelt\s+(?:something|it)\s+(?:snap|tear|rip|crack)\b`,
    String.raw`\bbruis(?:e|es|ed|ing)\b(?!\s+(?:easily|quite\s+easily|very\s+easily))`,
    String.raw`\bblack\s+and\s+blue\b`,
    String.raw`\b(?:bleed(?:ing|s)?|bled|nose\s?bleeds?|haemorrhag\w*|hemorrhag\w*)\b`,
    String.raw`\b(?:coughing|coughed|vomiting|vomited|spitting|spat|peeing|passing)\s+(?:up\s+)?blood\b`,
    String.raw`\bblood\s+(?:everywhere|pouring|dripping|from\s+my|in\s+my\s+(?:urine|stool|vomit|pee))`,
    String.raw`\b(?:dislocat\w*|concuss\w*|whiplash|torn\s+(?:ligament|muscle|tendon|rotator)|slipped\s+(?:a\s+)?disc|herniat\w*|prolaps\w*)\b`,
    String.raw`\b(?:nerve\s+damage|damaged\s+(?:a\s+|my\s+|the\s+)?nerves?|(?:pinched|trapped)\s+nerve|permanent\s+damage|lasting\s+damage|brain\s+damage|damage\s+to\s+my)\b`,
    String.raw`\b${AGENT}\s+(?:\w+ly\s+|had\s+|has\s+|must\s+have\s+|may\s+have\s+|might\s+have\s+)?(?:injured|hurt|harmed|damaged|bruised|broke|cracked|dislocated|tore|sprained|strained|wrenched|twisted|crushed|jarred|popped|pulled|burnt|burned|scalded|cut)\s+(?:me|my|her|him|his|the\s+baby|our\s+(?:baby|son|daughter|child))\b`,
    String.raw`\b(?:was|were|got|been|being|left)\s+(?:\w+\s+)?(?:injured|hurt|harmed|damaged)\s+(?:during|in|by|at|from|after)\s+(?:the|a|my|this|that|her|his|their|each|every)\s+(?:\w+\s+)?(?:${SESSION}|therapist|practitioner|osteopath|chiropractor)\b`,
    String.raw`\b${WHO}\s+(?:was|got|were|had\s+been)\s+(?:\w+\s+)?(?:hurt|injured|harmed)\b`,
    String.raw`\bi\s+(?:was|got|have\s+been|'ve\s+been|had\s+been)\s+(?:badly\s+|seriously\s+|really\s+|physically\s+)?(?:injured|hurt|harmed)\b`,
    String.raw`\binjur(?:y|ies)\s+(?:from|caused\s+by|during|after|following|at|in)\s+(?:the|a|my|this|that|each)\s+(?:\w+\s+)?${SESSION}\b`,
    String.raw`\b(?:caused|causing|cause|left\s+(?:me|her|him)\s+with|gave\s+(?:me|her|him)|giving\s+me|resulted\s+in|result\s+in)\s+(?:\w+\s+){0,2}?(?:injur(?:y|ies)|damage|harm|whiplash|concussion|a\s+slipped\s+disc|nerve\s+damage|a\s+fracture|bruises|bruising|burns?|swelling|bleeding|paralysis)\b`,
    String.raw`\b(?:caused|did|done|doing|causing)\s+(?:\w+\s+){0,2}?(?:real\s+|serious\s+|lasting\s+|permanent\s+|physical\s+|a\s+lot\s+of\s+)?(?:harm|damage)\b`,
    // neurological and collapse
    String.raw`\bseizures?\b|\bconvuls\w*|\bepileptic\s+(?:fit|seizure|episode)s?|\bhad\s+(?:a|another)\s+fit\b`,
    String.raw`\b(?:had|have|having|suffered|suffer|suffering|caused|cause|causing|gave\s+(?:me|her|him)|give)\s+(?:a\s+|an\s+)?(?:minor\s+|mini[\s-]?|small\s+|major\s+|massive\s+|mild\s+|serious\s+|bad\s+|ischa?emic\s+|haemorrhagic\s+|hemorrhagic\s+)?(?:stroke|strokes|tia)\b`,
    String.raw`\bmini[\s-]?strokes?\b|\bstroke[\s-]like\b|\btransient\s+ischa?emic\s+attack|\btia\b`,
    String.raw`\bstroke\s+(?:after|following|within|two|three|a\s+day|the\s+(?:next|same|following)|\w+\s+(?:days|hours)\s+after|hours\s+after|days\s+after)`,
    String.raw`\b(?:artery|arterial|vertebral|carotid|cervical)\s+(?:artery\s+)?(?:dissection|tear|injury|damage)|\btorn\s+(?:an?\s+)?(?:artery|arteries)`,
    String.raw`\bfaint(?:ed|ing)\b|\bpass(?:ed|ing)\s+out\b|\bblack(?:ed|ing)\s+out\b|\blost\s+consciousness|\bunconscious\b(?!\s+(?:mind|tension|patterns?|level|holding|trauma|bias|memories))|\bcollaps(?:ed|ing)\b|\bkeeled\s+over|\bsyncope\b`,
    String.raw`\bparaly[sz](?:ed|is)\b(?!\s+(?:with|by)\s+(?:fear|terror|anxiety|panic|shock))`,
    String.raw`\b(?:facial\s+)?(?:droop\w*|bell'?s\s+palsy|palsy)|\bslurr?(?:ed|ing)\s+(?:speech|my\s+words)|\b(?:blurr?(?:ed|y)|double|lost\s+(?:my\s+)?|loss\s+of|losing\s+my)\s+vision|\bwent\s+blind`,
    String.raw`\b(?:lost\s+(?:all\s+)?(?:the\s+)?(?:feeling|sensation|movement|strength|use)\s+(?:in|of)|no\s+(?:feeling|sensation)\s+in)\s+my\b`,
    String.raw`\bnumb(?:ness|ed)?\b`,
    String.raw`\b(?:heart\s+attack|cardiac\s+arrest|chest\s+pains?|palpitations|irregular\s+heart\w*|stopped\s+breathing|turned\s+blue|went\s+(?:blue|limp|floppy)|went\s+(?:completely\s+)?limp)\b`,
    String.raw`\b(?:nearly|almost)\s+(?:died|killed\s+(?:me|her|him))\b(?!\s+(?:laughing|of\s+(?:embarrassment|boredom|shame|laughter)))`,
    String.raw`\b(?:could|might)\s+have\s+(?:died|been\s+killed|killed\s+(?:me|her|him))\b`,
    // serious adverse events named as diagnoses (the labelling guide's list and its kin)
    String.raw`\b(?:kidney|renal|liver|hepatic|respiratory|organ)\s+(?:failure|damage|injury|shut\s*down)\b|\bacute\s+(?:renal|kidney|liver)\b`,
    String.raw`\b(?:pancreatitis|rhabdomyolysis|rhabdo|anaphyla\w*|angioedema|stevens[\s-]johnson|serotonin\s+syndrome|neuroleptic\s+malignant|agranulocytosis|osteonecrosis|tardive\s+dyskinesia)\b`,
    String.raw`\b(?:blood\s+clots?|dvt|deep\s+vein\s+thrombos[ie]s|pulmonary\s+embol\w*)\b`,
    String.raw`\b(?:ruptured|torn|tore)\s+(?:my\s+|an?\s+|the\s+|both\s+)?(?:achilles|tendons?|ligaments?)\b|\btendon\s+rupture`,
    String.raw`\b(?:stomach|gastric|intestinal|gi|internal)\s+(?:bleed\w*|haemorrhag\w*|hemorrhag\w*|perforation)|\b(?:bowel|stomach|intestinal)\s+perforat\w*|\bperforated\s+(?:my\s+|an?\s+|the\s+)?(?:bowel|stomach|ulcer|intestine)`,
    String.raw`\b(?:requir(?:ed|ing)|needed|needing|sought|get|got|receiv(?:ed|ing))\s+(?:\w+\s+)?(?:emergency|urgent)\s+(?:care|treatment|surgery|attention)\b|\bairlifted\b`,
    String.raw`\b(?:jaundiced?|liver\s+enzymes\s+(?:went\s+(?:up|sky\s*high)|rose|were\s+(?:very\s+|extremely\s+)?(?:high|elevated|through\s+the\s+roof)))\b`,
    String.raw`\b(?:lost|losing|loss\s+of)\s+(?:(?:my|some|all|most|the)\s+)?(?:hearing|sight|eyesight)\b`,
    // burns and pain
    String.raw`\bburn(?:s|ed|t)\s+(?:me|my|on\s+my|to\s+my|her|his|the\s+baby)\b|\b(?:got|left\s+(?:me\s+)?with|suffered|had|caused|gave\s+me|with)\s+(?:\w+\s+)?burns\b|\bblister(?:s|ed|ing)?\b|\bscald\w*|\b(?:first|second|third)[\s-]degree\s+burns?`,
    String.raw`\bin\s+(?:absolute\s+|complete\s+|total\s+)?agony\b|\bagoni[sz]ing\b|\bexcruciating\b|\bunbearable\s+pain\b|\b(?:screamed|screaming|cried|crying|yelped)\s+(?:out\s+)?(?:in|with)\s+pain\b`,
    String.raw`\b(?:severe|intense|sharp|shooting|searing|crippling|horrendous|terrible|extreme|stabbing)\s+pain\s+(?:shot|for\s+(?:days|weeks|months)|that\s+lasted|afterwards|ever\s+since|since|down\s+my|through\s+my|in\s+my\s+\w+\s+(?:after|for))`,
    String.raw`\b(?:worst|thunderclap)\s+(?:\w+\s+)?(?:headache|migraine)s?`,
    String.raw`\b${WHO}\s+(?:\w+\s+){0,4}?(?:screamed|screaming|cried|crying|was\s+crying|wailed|wailing)\s+(?:\w+\s+){0,2}?(?:for\s+(?:hours|days|the\s+rest)|non[\s-]?stop|inconsolabl[ey]|uncontrollabl[ey]|in\s+pain)`,
  ]),
  ...cues('physical_harm', 'strong', [
    String.raw`\b(?:couldn'?t|could\s+not|can'?t|cannot|can\s+not|unable\s+to|wasn'?t\s+able\s+to|was\s+not\s+able\s+to)\s+(?:\w+\s+)?(?:move|turn|lift|raise|bend|straighten|open|feel|use|tilt|rotate)\s+(?:my|her|his)\s+(?:\w+\s+)?${BODY}\b`,
    String.raw`\b(?:couldn'?t|could\s+not|can'?t|cannot|unable\s+to|wasn'?t\s+able\s+to)\s+(?:walk|stand|get\s+out\s+of\s+bed|get\s+up|see\s+properly|speak\s+properly)\b`,
    // a baby that would not stop crying (the lookbehind, checked only after a match, finds the baby)
    String.raw`\b(?:couldn'?t|could\s+not|can'?t)\s+keep\s+(?:anything|food|water|fluids|liquids|it)\s+down\b`,
    String.raw`\b(?:wouldn'?t|would\s+not|didn'?t|did\s+not)\s+stop\s+(?:crying|screaming)\b(?<=\b(?:baby|newborn|infant|babies)\b[^.!?\n]{0,120})`,
  ], { ownNegation: true }),
  // Mild symptoms: count unless played down ("slightly dizzy", "a bit sick for a minute").
  ...cues('physical_harm', 'strong', [
    String.raw`\bvomit\w*|\bthrew\s+up\b|\bthrow(?:ing)?\s+up\b|\bpuk(?:ed|ing)\b|\bbeing\s+sick\b|\bwas\s+sick\s+(?:in|on|all|for|everywhere|twice|several|\w+\s+times)`,
    String.raw`\b(?:was|been|being|got|felt|feel|feeling)\s+(?:so\s+|really\s+|very\s+|violently\s+|physically\s+|incredibly\s+)?sick\b(?!\s+(?:of|and\s+tired|with\s+(?:a\s+)?(?:cold|flu|worry|nerves)))`,
    String.raw`\bdizz(?:y|iness)\b|\bvertigo\b|\bthe\s+room\s+(?:was\s+)?spinning`,
    String.raw`\b(?:felt|feel|feeling|went|go|going|was)\s+(?:really\s+|very\s+|quite\s+|so\s+)?faint\b`,
  ], { mild: true }),
  ...cues('physical_harm', 'background', [
    String.raw`\b(?:nause\w*|light[\s-]?headed\w*|tingl\w*|pins\s+and\s+needles|swell\w*|swollen|infect\w*|sore|soreness|aches?|aching|headaches?|migraines?|tinnitus|side[\s-]effects?|pain|painful)\b`,
    String.raw`\b(?:hospital|injur(?:y|ies|ed)|hurt|damage|stroke|surgery)\b|(?<!self[\s-]?)\bharm\b`,
    String.raw`\b(?:much|far|a\s+lot|significantly|considerably|way|ten\s+times)\s+worse\b`,
    String.raw`\b(?:gp|doctor|physician|neurologist|consultant|paediatrician|pediatrician|midwife|health\s+visitor)\s+(?:said|confirmed|diagnosed|told\s+me|was\s+(?:alarmed|worried|concerned|shocked))`,
  ]),
]
