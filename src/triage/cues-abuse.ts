// Abuse phrases: sexual misconduct, unwanted touching, coercion, restraint, ignoring "stop", and
// violence or threats by a practitioner. Past abuse ("survivor of childhood abuse") is background.
import { cues, NEG, type Cue } from './cue.js'

const INTIMATE = String.raw`(?:breasts?|boobs?|nipples?|genitals?|genital\s+area|groin|groin\s+area|privates?|private\s+(?:parts?|areas?)|intimate\s+(?:parts?|areas?)|bum|butt|buttocks|bottom|backside|crotch|vagina|vulva|penis|pubic\s+\w+|inner\s+thighs?|upper\s+thighs?|between\s+my\s+legs)`
const TOUCHING = String.raw`(?:touch\w*|massag\w+|rubb\w+|rubbed|stroked|stroking|strok\w+|caress\w*|fondl\w*|squeez\w+|grabb\w+|grabbed|grab|feeling|felt|cupp\w+|cupped|brush\w+|put\s+(?:his|her|their)\s+hands?\s+(?:on|between|up|down))`
const PERSON = String.raw`(?:him|her|them|the\s+(?:\w+\s+)?(?:therapist|practitioner|osteopath|chiropractor|masseuse|masseur|man|woman|guy|doctor))`

export const ABUSE: Cue[] = [
  ...cues('abuse', 'strong', [
    String.raw`\bsexual(?:ly)?\s+(?:assault\w*|abus\w*|harass\w*|inappropriate|misconduct|advances?|comments?|remarks?|jokes?|innuendos?|touch\w*|contact|suggestive|explicit|propositioned|violat\w*|exploit\w*|predator\w*|manner|way|nature)`,
    String.raw`\bassault(?:ed|ing|s)?\b`,
    String.raw`\b(?:rape[ds]?|raping|rapist)\b`,
    String.raw`\bmolest\w*`,
    String.raw`\bgrop(?:e|ed|es|ing)\b`,
    String.raw`\bfondl(?:e|ed|es|ing)\b`,
    String.raw`\bharass(?:ed|ing|ment)\b`,
    String.raw`\btouch(?:ed|ing|es)?\s+(?:me\s+|my\s+\w+\s+|me\s+on\s+my\s+\w+\s+)?(?:inappropriately|sexually|intimately|in\s+(?:a|an)\s+(?:sexual|inappropriate|intimate|sexualised|sexualized)\s+(?:way|manner)|without\s+(?:my\s+)?consent|without\s+asking|where\s+(?:he|she|they|it)\s+(?:shouldn'?t|should\s+not|should\s*n'?t|had\s+no\s+(?:right|business)))`,
    String.raw`\b${TOUCHING}\s+(?:me\s+on\s+|me\s+|my\s+|up\s+my\s+|at\s+my\s+|near\s+my\s+|towards\s+my\s+|down\s+to\s+my\s+)(?:\w+\s+)?${INTIMATE}\b`,
    String.raw`\bhands?\s+(?:\w+\s+){0,3}?(?:on|between|near|up|towards|down\s+to)\s+my\s+(?:\w+\s+)?${INTIMATE}\b`,
    String.raw`\binappropriate(?:ly)?\s+(?:touch\w*|comments?|remarks?|behaviou?r|contact|conduct|advances?|sexual|questions?|jokes?|massage|way|places?|areas?|relationship|things|manner)`,
    String.raw`\b(?:touch\w*|acted|behaved|spoke|talked|looked\s+at\s+me|stared)\s+(?:at\s+me\s+|to\s+me\s+|me\s+)?(?:very\s+|really\s+|so\s+)?inappropriately`,
    String.raw`\b(?:kiss(?:ed|ing)?|lick(?:ed|ing)?)\s+(?:me|my)\b`,
    String.raw`\btried\s+to\s+kiss\b`,
    String.raw`\b(?:made|make|making|forced|forcing|pressured|pressuring|pressuri[sz]ed|coerced|bullied|talked)\s+(?:me\s+)?(?:(?:in)?to\s+)?(?:get\s+)?(?:undress|strip|naked|nude|take\s+off|remove|lie\s+naked|get\s+undressed)`,
    String.raw`\binsist(?:ed|ing)?\s+(?:that\s+i|on\s+me|i)\s+(?:\w+\s+)?(?:undress|strip|naked|nude|take\s+off|remove)`,
    String.raw`\b(?:asked|told|wanted|instructed|expected|got)\s+me\s+to\s+(?:undress|strip|get\s+undressed)\s+(?:fully|completely|entirely|totally|naked|down\s+to\s+nothing)`,
    String.raw`\b(?:asked|told|wanted|instructed|expected)\s+me\s+to\s+(?:get\s+)?(?:naked|nude|strip\s+naked|take\s+off\s+(?:all\s+)?my\s+(?:underwear|knickers|bra|pants|boxers)|remove\s+(?:all\s+)?my\s+(?:underwear|knickers|bra|pants|boxers))`,
    String.raw`\b(?:pinned|held|holding|pinning|pushed|forced|kept)\s+me\s+down\b`,
    String.raw`\b(?:being|was|were|got)\s+(?:\w+\s+)?(?:held|pinned|restrained)\s+down\b`,
    String.raw`\brestrain(?:ed|ing)\s+me\b`,
    String.raw`\b(?:would(?:n'?t|\s+not)|did(?:n'?t|\s+not)|refused\s+to|never)\s+stop(?:ped)?\b(?:\s+\w+){0,4}?\s*,?\s+(?:when|after|even\s+(?:when|after|though)|although|though|despite|as)\s+(?:i|me)\s+(?:said|told|asked|begged|screamed|pleaded|cried|was\s+crying|saying|telling|asking|objected|protested)`,
    String.raw`\b(?:kept|carried\s+on|continued|went\s+on)\s+(?:\w+\s+){0,3}?(?:when|after|even\s+(?:when|after|though)|although|though)\s+i\s+(?:said\s+no|said\s+stop|told\s+${PERSON}\s+to\s+stop|asked\s+${PERSON}\s+to\s+stop|begged|screamed|pleaded|cried|was\s+crying|objected|protested)`,
    String.raw`\b(?:asked|told|begged|pleaded\s+with|asking|telling)\s+${PERSON}\s+(?:\w+\s+)?to\s+stop\b(?:\s+\w+){0,7}?\s*,?\s+(?:and|but)\s+(?:he|she|they)\s+(?:just\s+)?(?:ignored|kept|carried|continued|didn'?t|did\s+not|wouldn'?t|would\s+not|refused|laughed|went\s+on)`,
    String.raw`\bi\s+(?:said|shouted|screamed)\s+(?:no|stop)\b(?:\s+\w+){0,5}?\s*,?\s+(?:and|but)\s+(?:he|she|they)\s+(?:just\s+)?(?:kept|carried|continued|didn'?t|did\s+not|wouldn'?t|ignored|went\s+on)`,
    String.raw`\bignor(?:ed|ing)\s+(?:me\s+when\s+i\s+said|my\s+(?:requests?|pleas?|protests?|no|objections?)|me\s+saying\s+(?:no|stop))`,
    String.raw`\b(?:(?:felt|feel|feeling)\s+(?:so\s+|completely\s+|totally\s+|utterly\s+|really\s+|very\s+)?violated|violat\w+\s+(?:my\s+)?(?:boundaries|body|trust|consent|privacy|dignity))`,
    String.raw`\bboundar(?:y|ies)\s+(?:violations?|were\s+crossed|was\s+crossed|crossed|breach\w*|violated|ignored|were\s+ignored|pushed)`,
    String.raw`\bcrossed\s+(?:a|the|my|many|several|every|all|so\s+many)\s+(?:\w+\s+)?(?:lines?|boundary|boundaries)`,
    String.raw`\b(?:without\s+(?:my\s+|asking\s+for\s+(?:my\s+)?)?consent|(?:non|un)[\s-]?consensual|never\s+(?:consented|gave\s+consent)|did(?:n'?t|\s+not)\s+consent)\b`,
    String.raw`\bunwanted\s+(?:touch\w*|advances?|contact|attention|sexual|kiss\w*|comments?|hugs?|physical)`,
    String.raw`\b(?:exposed\s+(?:him|her)self|masturbat\w*|erection|aroused|sexual\s+(?:gratification|pleasure|favou?rs?))\b`,
    String.raw`\b(?:sexuali[sz](?:ed|ing)|lewd|lecherous|leer(?:ed|ing)|ogl(?:ed|ing)|pervert\w*|predator\w*)\b`,
    String.raw`(?<!it\s|that\s|then\s|suddenly\s)\b(?:hit|slapped|punched|kicked|shoved|choked|strangled|grabbed|smacked|struck|threatened|spat\s+(?:at|on)|pushed)\s+me\b(?!\s+(?:that|how|what|like|as))`,
    String.raw`\babus(?:ed|ing)\s+(?:me|my|her|him|our)\b`,
    String.raw`\b(?:was|were|been|being|got)\s+(?:\w+\s+)?abused\s+(?:by|during|in|at)\s+(?:the|this|that|a|my)\s+(?:\w+\s+)?(?:therapist|practitioner|osteopath|chiropractor|session|treatment|clinic|masseuse|masseur|man|woman)`,
    String.raw`\babus(?:e|ive)\s+(?:of\s+)?(?:power|trust|position|behaviou?r|treatment|practitioner|therapist|session)`,
    String.raw`\b(?:groom(?:ed|ing)\s+me|made\s+a\s+pass|hit\s+on\s+me|came\s+on\s+to\s+me|propositioned)\b`,
    String.raw`\b(?:asked|made)\s+me\s+(?:to\s+)?(?:touch|massage|rub)\s+(?:him|her|his|hers)\b`,
    String.raw`\b(?:hands?|fingers?)\s+(?:\w+\s+){0,2}?(?:under|inside|into|down)\s+my\s+(?:underwear|knickers|pants|bra|boxers|briefs)\b`,
    String.raw`\b(?:took|taking|take|takes)\s+advantage\s+of\s+(?:me|my)\b`,
    String.raw`\b(?:rubb\w+|press\w*|push\w*|grind\w*|ground)\s+(?:him|her)self\s+(?:against|on|into|onto)\s+me\b`,
    String.raw`\bwouldn'?t\s+take\s+no\s+for\s+an\s+answer\b`,
    // Emotional and verbal abuse; someone else doing it ("my boss shouted at me") is history.
    String.raw`\b(?:shouted|yelled|screamed|swore|snapped)\s+at\s+me\b|\b(?:bullied|humiliated|belittled|intimidated|mocked|ridiculed|berated|degraded)\s+me\b`,
  ]),
  // Past or unspecific mentions: name the category only when the story reports harm elsewhere.
  ...cues('abuse', 'background', [
    String.raw`\b(?:survivor|survived|victim)\s+of\s+(?:\w+\s+){0,2}?(?:abuse|assault|rape|violence|incest|trafficking)`,
    String.raw`\b(?:rape|abuse|assault|incest|csa)\s+(?:survivor|victim)s?\b`,
    String.raw`\b(?:childhood|child|domestic|sexual|physical|emotional|verbal|past|historic(?:al)?)\s+(?:sexual\s+)?(?:abuse|violence|assault)\b`,
    String.raw`\babus(?:e|ed|er|ers|ive)\b`,
    String.raw`\b(?:sexual|inappropriate(?:ly)?|violated|violation|creep(?:y|ed\s+out)?|uncomfortable|unsafe|predatory)\b`,
    String.raw`\b(?:reported\s+(?:him|her|them|the\s+\w+)\s+to\s+(?:the\s+)?(?:police|regulator|council|gmc|hcpc|board|gosc|cncc)|police\s+(?:are|were)\s+involved|(?:called|phoned|contacted)\s+the\s+police)`,
    String.raw`\b${NEG}\s+feel\s+safe\b`,
    String.raw`\b(?:asked\s+me\s+out|locked\s+the\s+door|felt\s+trapped|flirt\w*)\b`,
  ]),
]
