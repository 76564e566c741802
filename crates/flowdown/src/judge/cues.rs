//! Content cues of each detector: what a provision must talk about to be read for a requirement.
//! Term lists that users tune live in the pack; these describe the shape of each obligation.

use super::lexicon::cue;
use regex::Regex;
use std::sync::LazyLock;

macro_rules! cues {
    ($($name:ident = $pat:expr;)*) => {
        $(pub(crate) static $name: LazyLock<Regex> = LazyLock::new(|| cue($pat));)*
        #[cfg(test)]
        pub(crate) fn all_patterns() -> Vec<&'static str> { vec![$($pat),*] }
    };
}

cues! {
    PROHIBIT = r"\b(?:not|no|never|nor|neither|prohibit\w*|forbid\w*|refrain\w*|refuse\w*|zero[\s-]tolerance|free\s+(?:from|of)|eliminat\w*|avoid\w*|compl(?:y|ies|iance)|abide|adhere|observe|only\s+(?:employ|use|engage)|voluntary|ensure|eradicat\w*|prevent\w*|without)\b";
    SUPPORT = r"\b(?:support\w*|facilitat\w*|aid(?:s|ed|ing)?|abet\w*|enabl\w*|contribut\w*\s+to|benefit\w*\s+from|profit\w*\s+from|condon\w*|tolerat\w*|procur\w*\b(?:\W+\w+){0,8}?\W+(?:services|sex\w*|victims?|labou?r|persons)|financ\w*|sponsor\w*)\b";
    PENALTY_THREAT = r"\b(?:threats?|menace)\s+of\s+(?:any\s+)?(?:\w+\s+)?penalt(?:y|ies)\b";
    SUPPORT_CORE = r"\b(?:support\w*|facilitat\w*|aid(?:s|ed|ing)?|abet\w*|enabl\w*|contribut\w*\s+to|benefit\w*\s+from|profit\w*\s+from)\b";
    PRACTICES = r"(?:(?:destroy\w*|conceal\w*|confiscat\w*|deny\w*\s+(?:\w+\s+){0,2}access\s+to|withh[oe]ld\w*|retain\w*|retention\s+of)\s+(?:\w+\s+){0,4}(?:identity|identification|immigration|passports?|work\s+permits?|travel)\s*(?:documents?|papers?)?|(?:charg\w*|impos\w*|collect\w*)\s+(?:\w+\s+){0,4}recruitment\s+fees|(?:misleading|fraudulent|deceptive)\s+(?:or\s+\w+\s+)?(?:recruitment|practices)|procur\w*\s+(?:\w+\s+){0,2}commercial\s+sex)";
    SUBCONTRACTORS = r"(?:\b(?:its|their|all|any|each|every|such|the)\s+(?:own\s+)?(?:sub-?contractors?|sub-?suppliers?|suppliers|vendors|agents|sub-?grantees|sub-?tier|contractors|sub-?processors|manufacturers|factories)\b|\bsub-?contract(?:s|ors?|ed|ing)?\b|\bsub-?suppliers?\b|\bsub-?tier|\blower[\s-]tier|\bsub-?agreements?\b|\bsub-?awards?\b|\bthird[\s-]party\s+(?:manufacturers|suppliers|contractors)\b)";
    FLOW_NEAR = r"(?:\b(?:includ\w*|insert\w*|flow(?:ed|s|ing)?[\s-]+down|incorporat\w*|impos\w*|pass\w*\s+(?:on|through)|cascad\w*|reflect\w*)\b(?:\W+\w+){0,14}?\W+(?:in|into|to|on|upon|within)\s+(?:[\w-]+\s+){0,5}?(?:sub-?contracts?|sub-?contractors?|sub-?suppliers?|sub-?agreements?|sub-?awards?|contracts\s+with|agreements\s+with|purchase\s+orders)\b|\b(?:ensur\w*|procur\w*\s+that|requir\w*|bind\w*|caus\w*|oblig\w*|allow\w*|permit\w*|suffer\w*|instruct\w*)\s+(?:that\s+)?(?:[\w'-]+[\s,]+){0,6}?(?:sub-?contractors?|sub-?suppliers?|suppliers|vendors|agents|sub-?grantees|manufacturers|factories|sub-?tier\w*|lower[\s-]tier\w*)\b|\b(?:responsible|liable|answerable|accountable)\s+for\s+(?:[\w-]+\s+){0,6}?(?:sub-?contractors?|sub-?suppliers?|suppliers|vendors|agents|manufacturers)|\b(?:sub-?contractors?|sub-?suppliers?|suppliers|vendors|agents|sub-?grantees|manufacturers)\b(?:\W+\w+){0,10}?\W+(?:same|equivalent|similar|no\s+less\s+(?:onerous|stringent)|substantially\s+the\s+same)\b|\b(?:extends?|appl(?:y|ies)(?:\s+equally)?|binding\s+(?:up)?on)\s+to?\s*(?:[\w-]+\s+){0,4}?(?:sub-?contractors?|sub-?suppliers?|suppliers|vendors|agents|sub-?grantees|manufacturers)\b|\bpromot\w*\s+(?:among|to|with)\s+(?:[\w-]+\s+){0,5}(?:sub-?contractors?|suppliers)\b)";
    ANAPHORA = r"\b(?:(?:equivalent|such|the\s+same|these|those|similar|(?:the\s+)?foregoing|(?:the\s+)?above)\s+(?:obligations|requirements|terms|provisions|standards|undertakings|restrictions|commitments|principles|prohibitions?)|the\s+foregoing)\b";
    FIRST_TIER = r"\b(?:first[\s-]tier|tier[\s-](?:one|1)|direct\s+(?:sub-?contractors|suppliers)|immediate\s+(?:sub-?contractors|suppliers)|only\s+(?:to\s+)?(?:its\s+)?(?:direct|immediate))\b";
    ALL_TIERS = r"\b(?:at\s+(?:all|any|every)\s+tiers?|(?:all|any|every)\s+tiers?|at\s+any\s+level|all\s+levels|throughout\s+(?:its|the)\s+supply\s+chain|(?:all|and)\s+lower[\s-]tiers?)\b";
    REMEDY = r"(?:\bremedia\w*|\bcorrective\s+(?:and\s+preventive\s+)?(?:actions?|measures?|plans?)|\baction\s+plans?\b|\bremed(?:y|ies)\s+(?:\w+\s+){0,3}(?:victims?|affected|workers|employees|persons)|\bprovide\s+(?:\w+\s+){0,2}remed\w*|\bremedy\s+(?:the|such|any)\s+(?:breach|violation|situation)|\brectif\w*|\bcure\s+(?:the|such|any)\s+(?:breach|violation|non-?compliance)|\bappropriate\s+action\s+(?:\w+\s+){0,3}(?:against|to\s+address)|\btake\s+(?:all\s+)?(?:necessary|appropriate|reasonable|prompt|immediate|effective)?\s*(?:steps|measures|actions?)\s+(?:\w+\s+){0,3}(?:remedy|address|correct|remediate|end|stop|rectify|eliminate|mitigate|terminate)|\breimburs\w*\s+(?:\w+\s+){0,4}(?:fees|workers|employees|costs)|\breturn\s+(?:of\s+)?(?:\w+\s+){0,3}(?:identity|passports?|documents)|\bmake\s+(?:the\s+)?(?:\w+\s+)?whole|\brepatriat\w*|\bremov(?:e|al)\s+(?:\w+\s+){0,3}(?:employees?|personnel|individuals?|agents?)\s+(?:\w+\s+){0,6}(?:who|that|responsible|involved))";
    TERMINATE = r"\b(?:terminat\w*|cancel\w*|rescind\w*|rescission)\b";
    DEEMED_MATERIAL = r"\b(?:(?:material|fundamental|substantial)\s+breach|event\s+of\s+default|grounds?\s+for\s+(?:immediate\s+)?(?:terminat\w*|cancell\w*)|cause\s+for\s+(?:immediate\s+)?terminat\w*)\b";
    BUYER_RIGHT = r"\b(?:may|shall\s+(?:be\s+entitled|have\s+the\s+right)|will\s+(?:be\s+entitled|have\s+the\s+right)|has\s+the\s+right|is\s+entitled|reserves\s+the\s+right|right\s+to|entitled\s+to|be\s+(?:immediately\s+)?terminat\w*|grounds?\s+for|cause\s+for|for\s+(?:cause|default))\b";
    SANCTION = r"(?:\bwithh[oe]ld\w*\s+(?:\w+\s+){0,4}(?:payments?|fees|sums|amounts|monies|award\s+fees?|invoices?)|\b(?:reduc\w*|set[\s-]?off|deduct\w*|offset)\s+(?:\w+\s+){0,4}(?:payments?|price|fees|sums|amounts|charges)|\bliquidated\s+damages\b|\bpenalt(?:y|ies)\b|\bfines?\b|\bdebar\w*|\bsuspen(?:d|sion)\s+(?:\w+\s+){0,3}(?:supplier|contractor|vendor|payments?|performance|from|work|the\s+agreement|this\s+agreement|the\s+contract|this\s+contract)|\bsuspension\b|\bexclu(?:de|sion|ded)\s+(?:\w+\s+){0,4}from\s+(?:\w+\s+){0,2}(?:procurements?|tenders?|contracts?|bidding|awards?|competitions?)|\bremov(?:e|al)\s+(?:\w+\s+){0,3}(?:employees?|personnel|individuals?|staff|agents?|workers?)|\brefer(?:ral|red|s)?\s+(?:\w+\s+){0,5}(?:authorities|law\s+enforcement|police|inspector\s+general|prosecut\w*|competent)|\bdisqualif\w*|\bblacklist\w*|\bloss\s+of\s+(?:award\s+fee|payment)|\b(?:impose|apply)\s+(?:\w+\s+){0,2}sanctions\b|\bineligib\w*|\badjust\w*\s+(?:\w+\s+){0,3}(?:prices?|payments?|fees|charges|contract\s+price)|\bprice\s+(?:adjustments?|reductions?)|\bservice\s+credits?)";
    SANCTION_NEGATED = r"(?:\b(?:shall|will|may|must)\s+not\s+(?:be\s+entitled\s+to\s+|have\s+the\s+right\s+to\s+)?(?:withh[oe]ld|reduce|set[\s-]?off|deduct|claim|impose|suspend|debar|levy|recover)\b|\b(?:sole|only|exclusive)\s+(?:and\s+exclusive\s+)?(?:remedy|remedies)\b|\bno\s+(?:other\s+)?(?:remedy|remedies|sanctions?|penalt(?:y|ies))\b)";
    NEGOTIATED = r"\b(?:discuss\w*|negotiat\w*|consult\w*|meet\s+and\s+confer|in\s+good\s+faith|seek\s+to\s+agree|endeavou?r\w*|should)\b";
    CONVICTION = r"\b(?:convicted|conviction|found\s+guilty|final\s+(?:judgment|judgement)|sentenced)\b";
    CAP = r"\b(?:shall\s+not\s+exceed|will\s+not\s+exceed|not\s+to\s+exceed|(?:is|are)\s+limited\s+to|capped\s+at|maximum\s+aggregate|in\s+aggregate|in\s+no\s+event\s+(?:\w+\s+){0,4}exceed)\b";
    ECONOMIC_SANCTIONS = r"\b(?:OFAC|economic\s+sanctions|trade\s+sanctions|export\s+controls?|sanctioned\s+(?:countr\w*|persons?|entit\w*|territor\w*)|sanctions\s+(?:laws?|regulations|lists?|programs?))\b";
    DUE_DILIGENCE = r"(?:\bdue\s+diligence\b|\brisk\s+assessments?\b|\bassess\w*\s+(?:\w+\s+){0,4}risks?\b|\b(?:map|mapping|trac(?:e|ing)|traceab\w*)\s+(?:\w+\s+){0,4}(?:supply\s+chains?|suppliers|sub-?contractors|origin)|\bmonitor\w*\s+(?:\w+\s+){0,4}(?:supply\s+chains?|suppliers|sub-?contractors|compliance|facilities|risks?)|\baudit\w*\s+(?:\w+\s+){0,4}(?:supply\s+chains?|suppliers|sub-?contractors|facilities|factories|sites|compliance)|\bcompliance\s+(?:plan|program(?:me)?s?|management\s+system)\b|\binternal\s+controls?\b|\b(?:disclose|identify|list|name|map)\s+(?:\w+\s+){0,3}(?:sub-?contractors|suppliers|sub-?suppliers)\b|\bverif\w*\s+(?:\w+\s+){0,4}(?:supply\s+chains?|suppliers|sub-?contractors|materials?|compliance)|\bsupply\s+chain\s+(?:due\s+diligence|management|transparency|verification|audits?|mapping)\b|\bpolicies\s+and\s+procedures\b|\b(?:identify|prevent|mitigate)\s+(?:\w+\s+){0,4}risks?\b|\bcertif\w*\s+(?:\w+\s+){0,6}(?:materials?|supply\s+chains?|suppliers)|\bscreen\w*\s+(?:\w+\s+){0,3}(?:suppliers|sub-?contractors)|\bassessments?\s+of\s+(?:\w+\s+){0,3}(?:suppliers|sub-?contractors|supply\s+chains?))";
    FUNDS = r"(?:\b(?:funds?|monies|moneys|money|payments?|proceeds|sums?|amounts?|consideration|compensation|fees|resources|(?:contract\s+)?price|charges|award)\b(?:\W+\w+){0,14}?\W+(?:is|are|be|been|being)?\s*(?:used?|applied|spent|directed|diverted|channell?ed|utili[sz]ed|allocated)\b|\b(?:use|application|spend|direct|divert|utili[sz]e|allocate)\s+(?:\w+\s+){0,6}(?:funds?|monies|money|payments?|proceeds|sums?|amounts?|price))";
    FUNDS_PURPOSE = r"\b(?:support\w*|facilitat\w*|financ\w*|benefit\w*|fund\w*|directly|indirectly|further\w*|promot\w*|pay\s+for)\b";
    DEF_FORM = r#"(?:"[^"]{2,60}"\s*(?:\([^)]{0,40}\)\s*)?(?:means|shall\s+mean|has\s+(?:the|its)\s+meaning|is\s+defined|includes|refers\s+to|shall\s+include)|\b(?:means|shall\s+mean)\b|\bhas\s+(?:the|its)\s+meaning\b|\bas\s+defined\s+(?:in|by|under)\b|\bshall\s+have\s+the\s+meaning\b)"#;
    DEF_HEAD = r#"^\s*(?:[0-9A-Za-z]{1,4}(?:\.[0-9]{1,3})*[.)]?\s+|\([a-z0-9]{1,4}\)\s+)?["\u{201C}][^"\u{201D}]{2,60}["\u{201D}](?:\s*(?:or|and|,)\s*["\u{201C}][^"\u{201D}]{1,60}["\u{201D}])*\s*(?:\([^)]{0,40}\)\s*)?(?:means|shall\s+mean|has\s+(?:the|its)\s+meaning|is\s+defined|includes|refers\s+to|shall\s+include|shall\s+have\s+the\s+meaning)\b"#;
    NEG_REFERENCE = r"\b(?:(?:shall|will|must|is|are)\s+not\s+(?:be\s+)?(?:construed|interpreted|read|understood|defined|governed)\s+(?:\w+\s+){0,3}?(?:by\s+reference\s+to|in\s+accordance\s+with|under|by)|without\s+(?:regard|reference)\s+to|irrespective\s+of|regardless\s+of|rather\s+than\s+(?:by\s+reference\s+to|under))\b[^.;]{0,160}$";
    DEF_ACT = r"\b(?:recruit\w*|transport\w*|transfer\w*|harbo(?:u)?r\w*|receipt|receiv\w*|provision|obtain\w*|patroniz\w*|solicit\w*)\b";
    DEF_MEANS = r"\b(?:force|coercion|coerc\w*|abduct\w*|fraud\w*|decepti\w*|deceiv\w*|abuse\s+of\s+(?:power|authority)|vulnerab\w*|threat\w*|payments?\s+or\s+benefits)\b";
    DEF_PURPOSE = r"\b(?:exploitation|slavery|servitude|peonage|debt\s+bondage|sex(?:ual)?\b|organs?|forced\s+labou?r|involuntary)\b";
    DEF_FORCED = r"\b(?:forced\s+(?:or\s+compulsory\s+)?labou?r|forced\s+labou?r\s+or\s+services|labou?r\s+or\s+services|compulsory\s+labou?r|involuntary\s+servitude)\b";
    DEF_CHILD = r"\b(?:child(?:ren)?|minors?|under\s+(?:the\s+age\s+of\s+)?18|(?:18|eighteen)\s+years|age\s+of\s+(?:18|eighteen))\b";
    DEFINITIONS_LEAD = r"(?:\bdefinitions?\b|\bas\s+used\s+in\s+this\b|\bin\s+this\s+(?:clause|section|agreement|contract|attachment|schedule)\s*,?\s+(?:the\s+following|unless)\b)";
    DEF_REFERENCE = r"(?:\bas\s+defined\s+(?:in|by|under)\b|\bhas\s+the\s+meaning\s+(?:given|set\s+out|ascribed|assigned)\b|\bwithin\s+the\s+meaning\s+of\b|\bshall\s+have\s+the\s+meaning\b)";
    DEF_STATUTE = r"\b(?:22\s+U\.?S\.?C\.?\s+(?:§\s*)?7102|Trafficking\s+Victims\s+Protection\s+Act|Modern\s+Slavery\s+Act|ILO\s+(?:Forced\s+Labou?r\s+)?Convention|Convention\s+(?:No\.?\s*)?29)\b";
    NOTIFY = r"\b(?:notif\w*|inform\w*|report\w*|disclos\w*|advis\w*|alert\w*|tell|notice)\b";
    NOTIFY_TRIGGER = r"\b(?:allegations?|incidents?|breach\w*|violations?|suspect\w*|suspicions?|credible\s+information|becom\w*\s+aware|aware|knowledge|learns?|discover\w*|actual|concerns?|instances?|occurrences?|cases?)\b";
    COOPERATE = r"\b(?:co-?operat\w*\s+(?:\w+\s+){0,10}?(?:investigat\w*|inquir\w*|enquir\w*|audits?|authorit\w*|police|law\s+enforcement|prosecut\w*)|(?:assist\w*|support\w*|participat\w*\s+in)\s+(?:\w+\s+){0,6}?(?:investigat\w*|inquir\w*|enquir\w*|police|authorit\w*|law\s+enforcement)|provide\s+(?:\w+\s+){0,4}(?:access|information|documents|records|evidence)\s+(?:\w+\s+){0,8}(?:investigat\w*|inquir\w*|audit\w*))\b";
    RETALIATION = r"(?:\bretaliat\w*|\breprisal\w*|\bvictimi[sz]\w*|\badverse\s+(?:employment\s+)?action\s+against|\b(?:protect\w*|safeguard\w*)\s+(?:\w+\s+){0,4}(?:whistle-?\s?blowers?|complainants?|(?:those|persons|employees|workers|anyone|individuals)\s+who\s+(?:report|raise|make|complain))|\bwhistle-?\s?blow\w*\s+protection|\bintimidat\w*\s+(?:\w+\s+){0,4}(?:who\s+report|whistle|complain)|\b(?:disciplin|dismiss|penali[sz]|demot|punish|sanction)\w*\s+(?:[\w,]+\s+){0,14}?(?:who\s+(?:has\s+|have\s+)?(?:made|makes|raised|raises|reports?|reported|complain\w*|blown)|for\s+(?:making|raising|reporting|filing)))";
    EXCLUSION_OF_REF = r"\b(?:(?:does|do|shall|will)\s+not\s+apply|not\s+applicable|inapplicable|is\s+excluded|are\s+excluded|shall\s+be\s+excluded|deleted|omitted|waived)\b";
    CARVE_OUT = r"\b(?:except|excluding|other\s+than|save\s+for|but\s+not)\s+(?:for\s+)?(?:(?:sub)?paragraphs?|sub-?sections?|clauses?)?\s*\(([a-z])\)(?:\s*(?:,|and|or|through|to|-)\s*\(([a-z])\))*";
    XREF = r"\b(?:clauses?|sections?|articles?|paragraphs?|sub-?clauses?|sub-?sections?|schedules?|exhibits?|annex(?:es)?|appendi(?:x|ces)|attachments?|parts?)\s+(\d+(?:\.\d+)*[A-Za-z]?(?:\s*\([a-zA-Z0-9]{1,4}\))*|[IVXL]+\b|[A-Z]\b)";
    THIS_CLAUSE = r"\bth(?:is|ese)\s+(?:clause|section|article|paragraph|schedule|exhibit|annex|appendix|provisions?|sub-?clause|obligations|code|(?:supplier\s+)?code\s+of\s+(?:business\s+)?conduct|attachment|policy|standards?|requirements?)\b";
    SIBLING_REF = r"\b(?:(?:sub-?)?paragraphs?|sub-?clauses?|items?|limbs?)\s+\(([a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)";
    SUBJECT_TO = r"\b(?:subject\s+to|except\s+as\s+(?:otherwise\s+)?(?:provided|set\s+out)\s+in|save\s+as\s+(?:otherwise\s+)?(?:provided|set\s+out)\s+in)\s+(?:the\s+(?:terms|provisions)\s+of\s+)?(?:clauses?|sections?|articles?|paragraphs?)\s+(\d+(?:\.\d+)*(?:\s*\([a-z0-9]{1,4}\))*|[IVXL]+\b)";
    NOTWITHSTANDING = r"\bnotwithstanding\b";
    INCORPORATES = r"\b(?:compl(?:y|ies|iance)\s+with|abide\s+by|adhere\s+to|observe|incorporat\w*|subject\s+to\s+the\s+(?:terms|provisions)\s+of|in\s+accordance\s+with|perform\s+(?:\w+\s+){0,3}in\s+accordance)\b";
    DISAPPLY = r"(?:\b(?:clauses?|sections?|articles?|paragraphs?)\s+[0-9A-Za-z.()-]+(?:\s+(?:and|to|or)\s+[0-9A-Za-z.()-]+)?\s+(?:is|are|shall\s+be|will\s+be)?\s*(?:(?:a|an|only\s+a)\s+(?:\w+\s+){0,3}?statement\s+of|not\s+(?:legally\s+)?binding|(?:does|do|shall|will)\s+not\s+apply|(?:shall|will)\s+not\s+give\s+rise|(?:is|are)\s+(?:hereby\s+)?(?:deleted|waived|disapplied))|\bnothing\s+in\s+(?:clauses?|sections?|articles?)\s+[0-9A-Za-z.()-]+\s+(?:shall\s+)?(?:oblige|require|create|impose)s?)";
    SUCH_PRACTICES = r"\bsuch\s+(?:labou?r|practices?|conduct|activit\w*|acts?|exploitation|offen[cs]es?)\b";
    REFERENCE_TITLES = r"\b(?:Combat(?:t)?ing|Certification\s+Regarding|Representation\s+Regarding|Policy\s+on\s+Combat(?:t)?ing|Prohibition\s+of)\s+Trafficking\s+in\s+(?:Persons|Human\s+Beings)(?:\s+Compliance\s+Plan)?|\bTrafficking\s+in\s+Persons\s+Compliance\s+Plan\b";
    MENTION_BEFORE = r"(?:\b(?:see|identified\s+(?:in|at)|defined\s+in|described\s+in|required\s+(?:by|under)|prescribed\s+(?:in|by|at)|specified\s+in|listed\s+in|paragraphs?\s+\([a-z0-9]+\)(?:\s*\([0-9a-z]+\))*\s+of)\b[^.;:]{0,110}|\bentitled\s+[^.;]{0,80})$";
    INSERT_INSTRUCTION = r"\b(?:insert|use)\s+(?:the\s+)?(?:following\s+)?(?:clause|provision)s?\b";
    CLAUSE_NUMBER = r"\b(?:52|252)\.\d{3}-\d{1,4}\b";
    CARVE_BACK = r"\b(?:other\s+than|except(?:\s+for)?)\s+(?:those|the\s+(?:clauses|provisions)|as\s+(?:listed|set\s+out|provided))\b";
    MENTION_AFTER = r"^\s*\([a-z]\)";
    SCOPE_LIMIT = r"\b(?:appl(?:y|ies)\s+(?:solely|only|exclusively)\s+(?:to|with\s+respect\s+to|in\s+respect\s+of)\s+(?:\w+\s+){0,6}?(?:portions?|parts?|work|items?|orders?|tasks?)|(?:solely|only)\s+(?:to\s+the\s+extent\s+)?(?:\w+\s+){0,8}?(?:funded|financed|paid\s+for)\s+(?:\w+\s+){0,3}?(?:by|with|using|from)\s+(?:\w+\s+){0,2}?(?:government|federal))\b";
    CERTIFY_ONLY = r"\b(?:certif(?:y|ies|ied)|represents?|warrants?)\b";
    COVENANT = r"\b(?:shall|will|must|agrees?|undertakes?|covenants?|at\s+all\s+times|during\s+the\s+term|throughout)\b";
    PARAGRAPH_OFF = r"\b(?:sub)?paragraphs?\s+\(([a-z])\)(?:\s*(?:,|and|or)\s*\(([a-z])\))*\s+(?:of\s+(?:that|the|this)\s+clause\s+|thereof\s+)?(?:shall|does|do|will)\s+not\s+apply";
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_cue_compiles() {
        for p in super::all_patterns() {
            assert!(super::super::lexicon::build(&[p.to_owned()]).is_ok(), "{p}");
        }
    }
}
