// Self-harm phrases: suicidal ideation (plain, passive, indirect), attempts, overdose and self-injury.
// All are strong and none is ever demoted to background: a missed self-harm story is the costliest
// error, so these are wide on purpose and only a clear negation or a generic warning turns one off.
import { cues, MYSELF, NEG, type Cue } from './cue.js'

const ME = MYSELF
const PILLS = String.raw`(?:pills|tablets|meds|medications?|medicine|painkillers|pain\s+killers|sleeping\s+(?:pills|tablets)|antidepressants|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|codeine|co-codamol|tramadol|diazepam|benzos|insulin|opioids|oxy\w*|sertraline|lithium)`

export const SELF_HARM: Cue[] = [
  ...cues('self_harm', 'strong', [
    // suicide and its misspellings: suicidal, suicidle, sucidal, suisidal, suicide, suicidality
    String.raw`\bsu(?:i|ic|ci|is)?[cs]+[iy]?d(?:e|al|le|el|ial|ality|ally|es|ed)?\b`,
    // The writer's own: "killing himself" is someone else's risk (context for the model, not a cue).
    String.raw`\bkill(?:ing|ed|s)?\s*(?:${ME}|myself|me\s+self)\b`,
    String.raw`\bkms\b`,
    String.raw`\b(?:end|ended|ending|ends)\s+(?:it\s+all|my\s+(?:own\s+)?life|my\s+existence|everything|things\s+for\s+good|it\s+for\s+good)`,
    String.raw`\b(?:want(?:ed|ing)?|wanna|going|gonna|plann?(?:ed|ing)?|decided|tried|trying|ready|urges?|close)\s+to\s+end\s+(?:it|things|my\s+life)\b(?!\s+(?:early|there|here|now|with|after|before|soon|halfway|for\s+today))`,
    String.raw`\b(?:take|took|taking|taken)\s+my\s+(?:own\s+)?life\b`,
    String.raw`\b(?:want(?:ed|ing)?|wanna|wish(?:ed|ing)?|long(?:ed|ing)?|ready|prayed|praying)\s+(?:to\s+|that\s+i\s+could\s+|i\s+could\s+|i\s+would\s+)?(?:just\s+|simply\s+)?die\b(?!\s+(?:happy|laughing|of\s+(?:embarrassment|laughter|shame|boredom)))`,
    String.raw`\b(?:want(?:ed|ing)?|wish(?:ed|ing)?)\s+(?:to\s+be|i\s+(?:was|were|had\s+been))\s+dead\b`,
    String.raw`\b(?:rather|better\s+off)\s+(?:be\s+|being\s+)?dead\b`,
    String.raw`\bbetter\s+off\s+(?:without\s+me|if\s+i\s+(?:was|were|wasn'?t|weren'?t)\s+(?:not\s+)?(?:here|around|alive|gone|dead))`,
    String.raw`\b(?:i\s+(?:am|was|'m|felt\s+like|feel\s+like|was\s+just)|i'm)\s+(?:just\s+|only\s+)?a\s+burden\b`,
    String.raw`\bwish(?:ed|ing)?\s+i\s+(?:was|were|had)(?:n'?t|\s+not|\s+never)\s+(?:been\s+)?(?:born|alive|here|around)\b`,
    String.raw`\bwish(?:ed|ing)?\s+i\s+(?:had\s+)?never\s+(?:been\s+born|existed|woken|woke)`,
    String.raw`\b(?:wish(?:ed|ing)?|hop(?:e|ed|ing)|pray(?:ed|ing)?)\s+(?:that\s+)?i\s+(?:would(?:n'?t|\s+not)|had(?:n'?t|\s+not)|did(?:n'?t|\s+not)|won'?t|will\s+not|never|could\s+(?:just\s+)?(?:not|never))\s+(?:\w+\s+)?(?:wake|woken|woke|wakes)\b`,
    String.raw`\bsleep\s+(?:and|&)\s+(?:never|not)\s+wake\b`,
    String.raw`\b(?:want(?:ed|ing)?|wish(?:ed|ing)?|long(?:ed|ing)?)\s+(?:to\s+|i\s+could\s+)?(?:just\s+)?(?:disappear|vanish|not\s+exist|stop\s+existing|cease\s+to\s+exist|not\s+be\s+(?:here|alive|around))\b(?!\s+(?:into|under|through|from\s+(?:the\s+)?(?:room|clinic|table)))`,
    String.raw`\bdisappear\s+(?:forever|for\s+good|permanently)\b`,
    String.raw`\b(?:it\s+all|everything|my\s+life|life)\s+to\s+(?:end|be\s+over)\b`,
    String.raw`\b(?:it\s+all|everything)\s+to\s+(?:stop|end|go\s+away)\b(?:\W+\w+){0,2}?\W+(?:permanently|forever|for\s+good)\b`,
    String.raw`\b(?:like|about|of|considered|considering|contemplat\w+)\s+ending\s+(?:it|things|my\s+life|everything)\b(?!\s+(?:early|there|with|after|before|soon|halfway|for\s+today))`,
    String.raw`\b(?:ways|how|methods)\s+to\s+(?:die|kill\s+${ME}|end\s+(?:it|my\s+life)|overdose)\b`,
    String.raw`\bbetter\s+(?:off\s+)?without\s+(?:me|their\s+(?:mum|mom|dad|mother|father|wife|husband)|us)\b`,
    String.raw`\b(?:thoughts?|thinking|thought|think|dreaming|fantasi[sz]\w*|obsess\w*)\s+(?:a\s+lot\s+|constantly\s+|seriously\s+)?(?:of|about)\s+(?:ending\s+(?:it(?:\s+all)?|my\s+(?:own\s+)?life|my\s+\w+|things|everything)|killing\s+${ME}|taking\s+my|dying|death\b(?!\s+of)|hurting\s+${ME}|harming\s+${ME}|cutting|jumping|overdos\w*|suicide|hanging)`,
    // Apart from the cue above, which must keep its negation check ("no thoughts of hurting myself"):
    // this one spells a negation itself.
    String.raw`\b(?:thoughts?|thinking|thought|think|dreaming|fantasi[sz]\w*|obsess\w*)\s+(?:a\s+lot\s+|constantly\s+|seriously\s+)?(?:of|about)\s+not\s+(?:being\s+(?:here|alive|around)|waking|living|existing)`,
    String.raw`\b(?:suicidal\s+|passive\s+)?ideation\b`,
    String.raw`\bdeath\s+wish\b`,
  ]),
  // Phrases whose meaning includes a negation ("didn't want to live", "no reason to go on").
  ...cues('self_harm', 'strong', [
    String.raw`\b${NEG}\s+(?:really\s+|even\s+)?want(?:ed)?\s+to\s+(?:be\s+here|be\s+alive|live|exist|wake\s+up|go\s+on|carry\s+on|keep\s+going|be\s+around)\b(?!\s+(?:in|at|with|near|for)\b)`,
    String.raw`\b(?:no|not\s+(?:a|any|one)|without\s+(?:a|any))\s+(?:\w+\s+)?(?:reason|point|will|purpose|desire)\s+(?:to|in|of|for)\s+(?:live|living|life|go\s+on|going\s+on|carry\s+on|carrying\s+on|keep\s+going|being\s+alive|existing|wak(?:e|ing)\s+up)`,
    String.raw`\b(?:see|saw|find|found|seeing)\s+(?:the\s+|any\s+|a\s+|no\s+)?(?:point|reason|purpose)\s+(?:in|of|to|for)\s+(?:living|life|live|going\s+on|carrying\s+on|being\s+alive|existing|wak(?:e|ing)\s+up|getting\s+up|anything)`,
    String.raw`\b(?:lost|losing|lose)\s+(?:the|my|all)\s+(?:will|desire|reason)\s+to\s+live\b`,
    String.raw`\blife\s+(?:wasn'?t|isn'?t|was\s+not|is\s+not|(?:didn'?t|did\s+not|doesn'?t)\s+(?:seem|feel)|no\s+longer\s+(?:seemed|felt|was))\s+(?:\w+\s+)?worth\s+living`,
    String.raw`\bnot\s+worth\s+living\b`,
    String.raw`\blife\s+(?:is|was|felt|seemed)\s+(?:so\s+|completely\s+|totally\s+)?(?:pointless|meaningless|hopeless|unbearable)`,
    String.raw`\b(?:didn'?t|did\s+not|don'?t|do\s+not)\s+care\s+(?:if|whether)\s+i\s+(?:lived|died|live|die|woke|wake|survived|made\s+it)`,
    String.raw`\b(?:can'?t|cannot|couldn'?t|could\s+not|can\s+not)\s+go\s+on\b(?!\s+(?:with|to|the|a|holiday|another|any\s+further|working))`,
    String.raw`\b(?:not|never)\s+(?:be|being)\s+(?:here|around|alive)\s+(?:any\s*more|any\s+longer|tomorrow|much\s+longer)`,
  ], { ownNegation: true }),
  ...cues('self_harm', 'strong', [
    // goodbye letters, bridges, trains
    String.raw`\b(?:goodbye|good-bye|good\s+bye|farewell|suicide)\s+(?:letters?|notes?|messages?|texts?|videos?)`,
    String.raw`\bwrote\s+(?:\w+\s+){0,3}?(?:goodbye|farewell)\b`,
    String.raw`\bstood\s+(?:on|at)\s+(?:the\s+|a\s+)?(?:edge\s+of\s+(?:a\s+|the\s+)?)?(?:bridge|ledge|cliff|roof|rooftop|railway|tracks?)\b`,
    String.raw`\bstanding\s+(?:on|at)\s+(?:the\s+|a\s+)?(?:edge\s+of\s+(?:a\s+|the\s+)?)?(?:bridge|ledge|cliff|roof|rooftop|railway|tracks?)\b`,
    String.raw`\b(?:jump|jumped|jumping|throw|threw|throwing|step|stepped|stepping|walk|walked|walking)\s+(?:${ME}\s+)?(?:off|from|in\s+front\s+of|under|into)\s+(?:a\s+|the\s+)?(?:bridge|building|cliff|roof|train|bus|car|lorry|truck|balcony|window|tower|traffic|river|sea)\b`,
    String.raw`\b(?:drive|drove|driving|crash|crashed)\s+(?:my\s+car\s+)?(?:into|off)\s+(?:a\s+|the\s+)?(?:wall|tree|cliff|bridge|oncoming|river|lake)`,
    // overdose: overdose, overdosed, over-dose, OD'd, ODed
    String.raw`\bover\s*-?\s*dos(?:e|ed|es|ing)\b`,
    String.raw`\bo\.?d(?:'d|'ed|ed)\b`,
    String.raw`\bod\s+on\b`,
    String.raw`\b(?:took|take|taking|taken|swallowed|swallow|swallowing|downed|stockpil\w*|hoard\w*|sav(?:ed|ing)\s+up|counting\s+out|counted\s+out)\s+(?:all\s+(?:of\s+)?|a\s+(?:whole\s+)?(?:handful|bottle|box|packet|pack|load|bunch|fistful|stash|month's\s+supply)\s+of\s+|too\s+many\s+|every\s+one\s+of\s+|the\s+(?:whole|entire|rest\s+of)\s+(?:\w+\s+)?(?:of\s+)?|an?\s+(?:entire|whole)\s+(?:\w+\s+)?(?:of\s+)?|loads\s+of\s+|lots\s+of\s+|dozens\s+of\s+)(?:my\s+|the\s+|her\s+|his\s+|mum's\s+|mom's\s+)?(?:\w+\s+)?${PILLS}`,
    // a count of pills taken at once, large enough to be an overdose, not a dosing routine
    String.raw`\b(?:took|swallowed|downed|counted\s+out|taken)\s+(?:about\s+|around\s+|over\s+|like\s+|almost\s+|nearly\s+)?(?:[2-9]\d|\d{3,}|\d{1,3},\d{3})\s+(?:\w+\s+){0,2}?${PILLS}\b(?!\s+(?:a|per|each|every|daily|over|a\s+day)\b)`,
    // questions and plans about a method: how painful, how lethal, how many
    String.raw`\b(?:is|does|would|will|was)\s+(?:hanging|drowning|jumping|overdosing|an\s+overdose|bleeding\s+out|slitting|suffocating|od(?:ing)?)\s+(?:\w+\s+)?(?:too\s+|very\s+|really\s+)?(?:painful|painless|hurt|quick|fast|peaceful|lethal|fatal)\b`,
    String.raw`\b(?:most\s+)?painless\s+(?:way|method|death)\s+(?:to|of)\b`,
    String.raw`\b(?:lethal|fatal|deadly)\s+(?:dose|amount|overdose)\b(?!(?:\s+\w+){0,4}?\s+(?:dogs?|cats?|pets?|children|kids|animals|warnings?|information|info)\b)`,
    String.raw`\bhow\s+(?:many|much)\s+(?:\w+\s+){0,5}?(?:would\s+it\s+take|does\s+it\s+take|to\s+(?:die|kill|od|overdose|end\s+it))\b`,
    // passive wishes: to sleep forever; doubting one wants to go on
    String.raw`\b(?:want(?:ed)?|wanna|wish(?:ed)?|long(?:ed)?|all\s+i\s+want(?:ed)?\s+(?:to\s+do\s+)?is)\s+(?:to\s+)?(?:\w+\s+){0,5}?sleep\s+(?:forever|for\s+good|and\s+never)\b`,
    String.raw`\b(?:not\s+sure|unsure|don'?t\s+know|doubt(?:s|ing)?)\s+(?:about\s+|if\s+|whether\s+)?(?:i\s+)?(?:even\s+|still\s+)?(?:want(?:ing)?|wanna|can)\s+(?:to\s+)?(?:keep\s+going|go\s+on|carry\s+on|live|stay\s+alive|be\s+alive|be\s+here)\b(?!\s+(?:with|in|at|like\s+this|there))`,
    // cutting and other self-injury
    String.raw`\bself[\s-]*(?:harm\w*|injur\w*|mutilat\w*|destruct\w*|poison\w*)`,
    String.raw`\bcut(?:ting|s)?\s+(?:${ME}|my\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|body))\b(?!\s+(?:shaving|on\s+(?:a|the)|while|accidentally|by\s+accident|off))`,
    String.raw`\bslit(?:ting)?\s+(?:my|his|her)\s+wrists?`,
    String.raw`\b(?:start(?:ed|ing)?|began|begun|back\s+to|relaps(?:e|ed|ing)\s+(?:in)?to|went\s+back\s+to|going\s+back\s+to|return(?:ed)?\s+to|urges?\s+to|urges?\s+(?:of|for)|temptation\s+to|tempted\s+to|resum\w+|resorted\s+to|turned\s+to)\s+(?:\w+\s+)?(?:cutting|burning\s+${ME}|hurting\s+${ME}|harming\s+${ME}|scratching\s+${ME}|hitting\s+${ME})\b(?!\s+(?:the|back|down|short|it|off|corners|costs?|hair|sessions?))`,
    String.raw`\bcutting\s+(?:again|${ME})\b`,
    String.raw`\brelaps(?:e|ed|ing)\b(?=(?:\W+\w+){0,6}?\W+(?:cutting|cut|harm\w*|blade|razor|wrists?))`,
    String.raw`\b(?:want(?:ed|ing)?|urges?|thoughts?\s+(?:of|about)|thinking\s+(?:of|about)|tempted|started|began|tried|trying|afraid\s+i\s+(?:would|might|'d)|scared\s+i\s+(?:would|might|'d)|felt\s+like|feel\s+like|feeling\s+like|need(?:ed)?)\s+(?:to\s+)?(?:really\s+)?(?:hurt|hurting|harm|harming|injure|injuring|burn|burning|punish|punishing|cut|cutting)\s+${ME}`,
    String.raw`\b(?:hurt|hurting|harm|harmed|harming|injur\w*|burn\w*|cut)\s+${ME}\s+(?:again|on\s+purpose|deliberately|intentionally)`,
    String.raw`\b(?:attempt(?:ed|s)?|tried)\s+(?:to\s+)?(?:suicide|kill\s+${ME}|end\s+(?:my|it)|take\s+my|hang|overdose)`,
    String.raw`\bsuicide\s+attempts?\b`,
    String.raw`\b(?:hang|hanged|hanging)\s+${ME}\b`,
    String.raw`\bnoose\b`,
    // what people do or are given when at risk
    String.raw`\b(?:samaritans|suicide\s+watch|crisis\s+(?:line|hotline|helpline)|988)\b`,
    String.raw`\bsectioned\b(?!\s+off)`,
    String.raw`\b(?:psych(?:iatric)?\s+(?:ward|unit|hospital|admission)|psych\s+ward|mental\s+health\s+(?:ward|unit))\b`,
  ]),
]
