// Trauma-response phrases: flashbacks, panic, nightmares, dissociation, being "back there", memories
// flooding back, shaking, triggered PTSD, re-traumatisation, hypervigilance, freezing, crisis.
// A diagnosis or history ("I have PTSD", "trauma survivors") is background only.
import { cues, MYSELF, type Cue } from './cue.js'

const TRAUMA_OBJECT = String.raw`(?:c-?ptsd|ptsd|p\.t\.s\.d\.?|trauma\w*|flash\s?-?backs?|panic|anxiety\s+attacks?|memories|nightmares|dissociat\w*|an?\s+episode|old\s+(?:stuff|wounds)|a\s+(?:trauma|panic|fear|freeze|fight[\s-]or[\s-]flight)\s+response|fight[\s-]or[\s-]flight|me\b|something\s+(?:in|deep\s+in)\s+me)`
const NIGHTMARE = String.raw`(?:night|nite|nigth|nihgt|nigt)\s?-?\s?(?:mare|maer|mair|mear)`

export const TRAUMA: Cue[] = [
  ...cues('trauma_response', 'strong', [
    String.raw`\bfla?sh\s?-?\s?ba?(?:ck|k|c|kc)(?:s|ed|ing)?\b`,
    String.raw`\bpani(?:c|ck|k)(?:ky|y)?\s*-?\s*at+a(?:ck|k|c|kc)(?:s|ed)?\b`,
    String.raw`\b(?:anxiety|terror|fear)\s+attacks?\b`,
    String.raw`\b(?:full[\s-]?blown|sheer|pure|blind|overwhelming|intense|total|wave\s+of|state\s+of|gripped\s+by|felt|feeling)\s+panic\b`,
    String.raw`\b(?:went|go|going|sent\s+me|sending\s+me|threw\s+me)\s+into\s+(?:a\s+)?(?:full\s+|total\s+|complete\s+)?(?:state\s+of\s+)?(?:panic|shock|meltdown|shutdown|freeze|fight[\s-]or[\s-]flight)`,
    String.raw`\bpanick?(?:ed|ing)\b(?!\s+(?:about|over|because\s+i\s+was\s+late))`,
    String.raw`\b${NIGHTMARE}s\b`,
    String.raw`\b(?:had|have|has|having|get|got|getting|gets|woke\s+(?:up\s+)?from|wake\s+(?:up\s+)?from|waking\s+(?:up\s+)?from|recurring|vivid|terrible|horrible|awful|bad|constant|frequent|violent|terrifying|another)\s+(?:a\s+|an\s+)?(?:\w+\s+)?${NIGHTMARE}\b(?!\s+(?:trying|getting|finding|parking|with\s+the|of\s+a\s+(?:time|journey|drive)|to\s+(?:book|park|find|get)|booking))`,
    String.raw`\b${NIGHTMARE}\s+(?:about|of|where|in\s+which)\b`,
    String.raw`\b(?:night|sleep)\s+terrors?\b`,
    String.raw`\bbad\s+dreams\b`,
    String.raw`\b(?:woke|wake|waking|wakes|woken)\s+(?:up\s+)?(?:screaming|sobbing|crying|in\s+(?:a\s+)?(?:panic|terror|cold\s+sweats?))`,
    String.raw`\bdis+\s?-?a?s+o(?:c|s|sh)i?a?t(?:e|ed|es|ing|ion|ive)\b`,
    String.raw`\b(?:depersonali[sz]\w*|dereali[sz]\w*)`,
    String.raw`\b(?:felt|feel|feeling)\s+(?:\w+\s+)?(?:unreal|detached\s+from\s+(?:my\s+body|reality|everything|${MYSELF})|disconnected\s+from\s+(?:my\s+body|reality|${MYSELF})|outside\s+(?:of\s+)?my\s+(?:own\s+)?body|like\s+i\s+(?:was|wasn'?t)\s+(?:in\s+my\s+body|there|real|floating\s+above))`,
    String.raw`\b(?:shaking|trembling|shook|sobbing|screaming|crying|shivering)\s+(?:\w+\s+)?uncontrollabl[ey]`,
    String.raw`\buncontrollabl[ey]\s+(?:shaking|trembling|sobbing|crying|screaming|shivering)`,
    String.raw`\b(?:started|began|was|were|body|kept)\s+(?:\w+\s+)?(?:shaking|trembling)\s+(?:all\s+over|violently|like\s+a\s+leaf|from\s+head\s+to\s+toe)`,
    String.raw`\bhyper[\s-]?(?:vigil\w*|arous\w*)`,
    String.raw`\bon\s+edge\s+(?:ever\s+since|since|for\s+(?:days|weeks|months)|all\s+the\s+time|constantly)`,
    String.raw`\b(?:froze|frozen|freezing|paraly[sz]ed|rigid|petrified|stiff|locked\s+up)\s+(?:\w+\s+)?(?:in|with|from)\s+(?:terror|fear|panic|fright|horror|shock)`,
    String.raw`\b(?:in\s+(?:a\s+)?(?:mental\s+health\s+|emotional\s+|psychological\s+)?crisis|(?:mental\s+health|emotional|psychological|psychiatric)\s+crisis)\b`,
    String.raw`\b(?:mental|nervous|emotional|psychological|complete|total|full)\s+breakdown|\bhad\s+a\s+breakdown\b|\bbroke\s+down\s+completely\b`,
    String.raw`\b(?:severe|crippling|debilitating|extreme|intense|overwhelming|constant|paralysing|paralyzing)\s+anxiety\b`,
    String.raw`\bintrusive\s+(?:thoughts|memories|images)\b`,
    String.raw`\b(?:had|having|have|went\s+into)\s+(?:a\s+)?(?:complete\s+|total\s+|full\s+|massive\s+|huge\s+)?(?:meltdown|melt\s+down)\b`,
    String.raw`\b(?:shaking|trembling|shook|shaky|sobbing)\s+(?:\w+\s+)?for\s+(?:hours|days|the\s+rest\s+of)`,
    String.raw`\b(?:c-?ptsd|ptsd|anxiety|trauma|flashbacks|nightmares|panic\s+attacks)\s+(?:\w+\s+)?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:the\s+)?(?:worst|back|worse)\b`,
    String.raw`\b(?:in|into)\s+(?:a\s+)?(?:really\s+|very\s+|such\s+a\s+)?(?:dark|bad|black|horrible|terrible)\s+place\b`,
    String.raw`\b(?:scared|afraid|terrified|frightened)\s+(?:to\s+let\s+(?:anyone|anybody|people|someone)|of\s+(?:anyone|anybody|people)|to\s+be)\s+touch\w*`,
    String.raw`\blost\s+(?:time|hours|an\s+hour|chunks\s+of\s+time)\b`,
    String.raw`\bhyperventilat\w*`,
    String.raw`\b(?:screamed|screaming|sobbing|wailing)\s+in\s+(?:terror|fear|panic|horror)`,
    String.raw`\b(?:emotionally|psychologically|mentally)\s+(?:scarred|damaged|destroyed|shattered|wrecked|traumati[sz]ed|broken)`,
    String.raw`\b(?:scarred|damaged)\s+(?:me\s+)?(?:for\s+life|emotionally|psychologically|mentally)`,
    String.raw`\b(?:spiral(?:l)?ed|plunged|fell|sank|sunk|slid|thrown|pushed)\s+(?:\w+\s+)?into\s+(?:a\s+)?(?:deep\s+|severe\s+|dark\s+|black\s+)?(?:depression|despair|darkness|breakdown|depressive\s+episode)`,
    String.raw`\b(?:felt|feel|feeling|emotionally)\s+(?:completely\s+|totally\s+|emotionally\s+)?numb\b(?!\s+(?:in|down|on|from\s+the\s+(?:neck|waist)))`,
    // Intrusive images and body memories: "kept seeing his face", "can't breathe whenever I remember".
    String.raw`\b(?:keep|kept|keeps|still)\s+(?:seeing|hearing|feeling)\s+(?:his|her|their|the\s+\w+'s)\s+(?:face|hands?|voice|eyes|touch|breath)\b`,
    String.raw`\b(?:jumpy|on\s+edge|startl\w+\s+easily)\s*,?\s+(?:and\s+)?(?:couldn'?t|can'?t|cannot|unable\s+to)\s+sleep\b`,
    String.raw`\b(?:afraid|scared|terrified|unable)\s+to\s+(?:leave\s+(?:the|my)\s+(?:house|home|flat|bed)|be\s+touched|go\s+out|sleep)`,
  ]),
  // Acute responses (triggered, re-traumatised, memories flooding back): harm now even in a story
  // about older trauma, so the "happened before the treatment" check is skipped.
  ...cues('trauma_response', 'strong', [
    String.raw`\b(?:felt|feel|feeling|was|it\s+was|like)\s+(?:just\s+|exactly\s+)?(?:like|as\s+if|as\s+though)\s+i\s+(?:was|were|am)\s+(?:right\s+)?back\s+(?:there|in|at|with|on|under|to|being)`,
    String.raw`\b(?:reliv|re-liv|re-experienc|reexperienc)\w*`,
    String.raw`\bmemor(?:y|ies)\s+(?:\w+\s+){0,9}?(?:came\s+|come\s+|were\s+|started\s+)?(?:flooding|rushing|flood(?:ed)?|rushed|pouring|crashing|came\s+crashing|came\s+rushing)\s+(?:back|in|over\s+me)`,
    String.raw`\bmemor(?:y|ies)\s+(?:\w+\s+){0,9}?(?:resurfaced|surfaced|came\s+(?:back|up|to\s+the\s+surface)|returned|were\s+(?:triggered|unlocked|brought\s+up|stirred\s+up)|started\s+(?:coming|surfacing)|i\s+had\s+(?:buried|repressed|blocked))`,
    String.raw`\bbrought\s+(?:back|up)\s+(?:\w+\s+){0,3}?(?:memories|trauma|the\s+abuse|the\s+assault|the\s+accident|the\s+rape|everything|the\s+past|old\s+wounds)`,
    String.raw`\b(?:re-?)?trigger(?:ed|ing|s)?\s+(?:\w+\s+){0,2}?(?:my\s+|an?\s+|old\s+|the\s+|past\s+|severe\s+|intense\s+|massive\s+|huge\s+|horrible\s+)?${TRAUMA_OBJECT}`,
    String.raw`\b(?:was|got|felt|feel|been|so|very|really|badly|hugely|massively|extremely|completely|totally)\s+triggered\b`,
    String.raw`\btriggering\s+(?:for|to)\s+me\b`,
    String.raw`\b(?:re-?)?traumati[sz](?:ed|ing|ation)\b`,
    String.raw`\b(?:re-?traumati\w*|retraumati\w*)`,
    String.raw`\b(?:was|felt|it\s+was|so|incredibly|deeply|really|truly|very|extremely|genuinely)\s+traumati(?:c|sing|zing)\b`,
    String.raw`\btraumatic\s+(?:experience|session|ordeal|for\s+me|event\s+for\s+me)`,
    String.raw`\btrauma\s+(?:response|reaction|symptoms)\b`,
    String.raw`\b(?:my\s+)?(?:c-?ptsd|ptsd|trauma|anxiety)\s+(?:\w+\s+)?(?:came\s+back|returned|flared|flare[ds]?\s+up|got\s+(?:much\s+|so\s+much\s+|a\s+lot\s+)?worse|worsened|relapsed|spiral(?:l)?ed|went\s+through\s+the\s+roof|symptoms\s+(?:returned|came\s+back|got\s+worse)|was\s+(?:triggered|reactivated|activated))`,
    String.raw`\b(?:made|making|make|makes)\s+my\s+(?:c-?ptsd|ptsd|trauma|anxiety|panic\s+attacks)\s+(?:\w+\s+)?worse`,
    String.raw`\b(?:developed|left\s+(?:me\s+)?with|gave\s+me|giving\s+me|caused\s+(?:me\s+)?)\s+(?:\w+\s+)?(?:c-?ptsd|ptsd)\b`,
    String.raw`\bdiagnosed\s+with\s+(?:\w+\s+)?(?:c-?ptsd|ptsd)\s+(?:after|following|because\s+of|as\s+a\s+result)`,
  ], { acute: true }),
  // Phrases carrying their own negation.
  ...cues('trauma_response', 'strong', [
    String.raw`\b(?:couldn'?t|could\s+not|can'?t|cannot|wasn'?t\s+able\s+to)\s+stop\s+(?:shaking|trembling|shivering|screaming|sobbing|hyperventilating|panicking)`,
    String.raw`\b(?:couldn'?t|could\s+not|can'?t|cannot)\s+stop\s+(?:crying|sobbing)\s+for\s+(?:\w+\s+)?(?:hours|days|weeks)`,
    String.raw`\b(?:did(?:n'?t|\s+not)|could(?:n'?t|\s+not))\s+feel\s+real\b`,
    String.raw`\b(?:can'?t|could(?:n'?t|\s+not)|cannot)\s+(?:bear|stand|tolerate)\s+(?:to\s+be|being)\s+touched`,
    String.raw`\b(?:haven'?t|have\s+not|hasn'?t|has\s+not)\s+been\s+the\s+same\s+since`,
    String.raw`\b(?:can'?t|cannot|couldn'?t|could\s+not)\s+breathe\s+(?:whenever|when(?:ever)?|every\s+time|each\s+time)\s+i\s+(?:remember|think\s+(?:of|about)|thought\s+(?:of|about)|picture|recall)`,
  ], { ownNegation: true, acute: true }),
  ...cues('trauma_response', 'background', [
    String.raw`\b(?:c-?ptsd|ptsd|p\.t\.s\.d\.?|post[\s-]?traumatic\s+stress(?:\s+disorder)?)\b`,
    String.raw`\btrauma(?:tic|s)?\b`,
    String.raw`\banxiety\b`,
    String.raw`\b(?:depression|depressed|breakdown|insomnia|terrified|petrified|horrified|flinch\w*|jumpy|dysregulat\w*|out[\s-]of[\s-]body|transported\s+back|overwhelmed)\b`,
    String.raw`\b(?:could(?:n'?t|\s+not)|can'?t|struggl\w+\s+to|difficulty|trouble|unable\s+to)\s+(?:breathe|breathing|catch\s+my\s+breath)`,
    String.raw`\b(?:(?:would|could)(?:n'?t|\s+not)|did(?:n'?t|\s+not))\s+stop\s+(?:crying|sobbing)`,
    String.raw`\binconsolabl[ey]\b`,
  ]),
]
