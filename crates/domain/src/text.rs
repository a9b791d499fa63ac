//! Text analysis, the one tokenizer of clusterbridge: the directory search, the matchmaking
//! ranker and its baselines, cluster fit, themes and round tables all cut text the same way, so a
//! term found by search is the same term a recommendation explains.
//!
//! A token is a maximal run of letters and digits, lower-cased and accent-folded
//! ("Université" → "universite"), of at least two characters, neither an English stop word nor
//! all digits. [`Analyzer::stemmed`] adds a light plural stemmer for the ranker's ablation.
//!
//! Analysed terms are for machines. What people read shows the word as it was written:
//! [`Surfaces`] maps each term back to its written form, and [`is_filler`] names the words of
//! project prose ("approach", "tackling") that no reason should show.

use std::collections::HashMap;

/// English stop words: NLTK's list with the fragments contractions leave ("don", "isn"), plus
/// words that carry no meaning in project texts ("etc", "thus", "via"). Sorted.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "aren",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "couldn",
    "did",
    "didn",
    "do",
    "does",
    "doesn",
    "doing",
    "don",
    "down",
    "during",
    "each",
    "etc",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn",
    "has",
    "hasn",
    "have",
    "haven",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "isn",
    "it",
    "its",
    "itself",
    "just",
    "ll",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "re",
    "same",
    "shall",
    "she",
    "should",
    "shouldn",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "wasn",
    "we",
    "were",
    "weren",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won",
    "would",
    "wouldn",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Words of project prose that say how a text talks, not what it is about: they may match, but a
/// reason never shows them ("Its work mentions approach, tackling" tells a reader nothing). Sorted.
pub const FILLER_WORDS: &[&str] = &[
    "ability",
    "able",
    "achieve",
    "achieving",
    "activities",
    "activity",
    "address",
    "addresses",
    "addressing",
    "aim",
    "aimed",
    "aiming",
    "aims",
    "allow",
    "allows",
    "along",
    "among",
    "approach",
    "approaches",
    "area",
    "areas",
    "around",
    "aspects",
    "based",
    "better",
    "beyond",
    "bring",
    "bringing",
    "case",
    "cases",
    "challenge",
    "challenges",
    "combine",
    "combining",
    "concept",
    "concepts",
    "contribute",
    "current",
    "currently",
    "deliver",
    "develop",
    "developing",
    "different",
    "eg",
    "enable",
    "enables",
    "enabling",
    "ensure",
    "ensuring",
    "especially",
    "establish",
    "even",
    "example",
    "existing",
    "explore",
    "exploring",
    "field",
    "fields",
    "find",
    "focus",
    "focuses",
    "focusing",
    "following",
    "furthermore",
    "general",
    "get",
    "give",
    "goal",
    "goals",
    "going",
    "good",
    "great",
    "help",
    "helping",
    "however",
    "ie",
    "important",
    "improve",
    "improved",
    "improving",
    "include",
    "includes",
    "including",
    "increase",
    "increasing",
    "innovative",
    "issue",
    "issues",
    "key",
    "kind",
    "lead",
    "leading",
    "like",
    "look",
    "looking",
    "main",
    "make",
    "making",
    "many",
    "means",
    "much",
    "need",
    "needed",
    "needs",
    "new",
    "novel",
    "objective",
    "objectives",
    "one",
    "order",
    "overall",
    "particular",
    "partner",
    "partners",
    "partnership",
    "partnerships",
    "possible",
    "propose",
    "proposed",
    "provide",
    "provides",
    "providing",
    "range",
    "related",
    "result",
    "results",
    "see",
    "seek",
    "seeking",
    "several",
    "solution",
    "solutions",
    "specific",
    "still",
    "strong",
    "tackle",
    "tackles",
    "tackling",
    "take",
    "taking",
    "thereby",
    "therefore",
    "things",
    "throughout",
    "together",
    "toward",
    "towards",
    "two",
    "use",
    "used",
    "uses",
    "using",
    "various",
    "want",
    "way",
    "ways",
    "well",
    "whole",
    "wide",
    "work",
    "working",
    "works",
    "yet",
];

pub fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok()
}

/// Whether a term (lower-cased, accent-folded) is a word of project prose ([`FILLER_WORDS`]).
pub fn is_filler(term: &str) -> bool {
    FILLER_WORDS.binary_search(&term).is_ok()
}

/// Folds common Latin accents to ASCII so "Université" and "universite" meet.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' | 'ź' | 'ż' => 'z',
        'š' | 'ś' => 's',
        'ř' => 'r',
        'ł' => 'l',
        'ß' => 's',
        other => other,
    }
}

/// `text` in lower case with common Latin accents folded ("Norvège" → "norvege"), as tokens are.
pub fn fold_lower(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).map(fold).collect()
}

/// Every token of `text` with the word as written, in order: `(term, written)`; numbers dropped.
pub fn words(text: &str) -> Vec<(String, &str)> {
    words_with(text, false)
}

/// [`words`], keeping all-digit tokens when `numbers` is set.
fn words_with(text: &str, numbers: bool) -> Vec<(String, &str)> {
    words_stopped(text, numbers, is_stop_word)
}

/// The tokens of `text` that `stop` does not remove, with the words as written.
fn words_stopped<'a>(text: &'a str, numbers: bool, stop: fn(&str) -> bool) -> Vec<(String, &'a str)> {
    let flush = |out: &mut Vec<(String, &'a str)>, cur: &mut String, written: &'a str| {
        if cur.chars().count() >= 2 && !stop(cur) && (numbers || !cur.chars().all(|c| c.is_ascii_digit())) {
            out.push((std::mem::take(cur), written));
        } else {
            cur.clear();
        }
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if cur.is_empty() {
                start = i;
            }
            for l in c.to_lowercase() {
                cur.push(fold(l));
            }
        } else if !cur.is_empty() {
            flush(&mut out, &mut cur, &text[start..i]);
        }
    }
    if !cur.is_empty() {
        flush(&mut out, &mut cur, &text[start..]);
    }
    out
}

/// Lower-cased, accent-folded words of at least two characters, stop words and numbers removed,
/// in order.
pub fn tokens(text: &str) -> Vec<String> {
    words(text).into_iter().map(|(t, _)| t).collect()
}

/// Distinct tokens, sorted: the terms under which a text is indexed.
pub fn term_set(text: &str) -> Vec<String> {
    let mut t = tokens(text);
    t.sort();
    t.dedup();
    t
}

/// The tokenizer as the matchmaking uses it, with two options. The ranker and its baselines
/// keep numbers ("2030", "2050" and standard numbers name what a project is about: dropping them
/// lowered recall@20 on the tuning half, 0.2632 → 0.2601), while the directory search drops
/// them ([`tokens`]); the ranker may also conflate plurals ([`light_stem`], an ablation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Analyzer {
    /// Apply [`light_stem`] to every token ("systems" → "system").
    pub stem: bool,
    /// Keep tokens made of digits only.
    pub numbers: bool,
}

impl Analyzer {
    /// [`tokens`] with numbers kept.
    pub const fn plain() -> Self {
        Analyzer { stem: false, numbers: true }
    }

    /// [`Analyzer::plain`], each token through [`light_stem`].
    pub const fn stemmed() -> Self {
        Analyzer { stem: true, numbers: true }
    }

    /// The analysed terms of `text`, in order.
    pub fn tokens(&self, text: &str) -> Vec<String> {
        self.words(text).into_iter().map(|(t, _)| t).collect()
    }

    /// The analysed terms of `text` with the words as written.
    pub fn words<'a>(&self, text: &'a str) -> Vec<(String, &'a str)> {
        let mut w = words_with(text, self.numbers);
        if self.stem {
            w.iter_mut().for_each(|(t, _)| *t = light_stem(t));
        }
        w
    }
}

/// A light English stemmer (an S-stemmer with a few common suffix rules).
/// Deliberately conservative: it only conflates plural forms.
pub fn light_stem(word: &str) -> String {
    let n = word.len();
    if n <= 3 || !word.is_ascii() {
        return word.to_string();
    }
    if word.ends_with("ies") && !word.ends_with("eies") && !word.ends_with("aies") {
        return format!("{}y", &word[..n - 3]);
    }
    if word.ends_with("es") && !word.ends_with("aes") && !word.ends_with("ees") && !word.ends_with("oes") {
        // "processes" -> "process", "approaches" -> "approach", "classes" -> "class"
        let stem = &word[..n - 2];
        if stem.ends_with("ss") || stem.ends_with("ch") || stem.ends_with("sh") || stem.ends_with('x') {
            return stem.to_string();
        }
        return word[..n - 1].to_string();
    }
    if word.ends_with('s') && !word.ends_with("us") && !word.ends_with("ss") && !word.ends_with("is") {
        return word[..n - 1].to_string();
    }
    word.to_string()
}

/// Analysed terms mapped back to a word as written, for what people read: "satellites", never
/// "satellit"; "université", never "universite"; "AI" stays "AI". A capital that only starts a
/// word is lowered (it starts a sentence or a title, it is not how the word is written); of
/// several spellings of one term a lower-case one wins, else the first seen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Surfaces {
    written: HashMap<String, String>,
}

impl Surfaces {
    /// The written forms of the terms of `text`.
    pub fn of(analyzer: Analyzer, text: &str) -> Surfaces {
        let mut s = Surfaces::default();
        s.add(analyzer, text);
        s
    }

    /// Adds the written forms of the terms of `text`.
    pub fn add(&mut self, analyzer: Analyzer, text: &str) {
        for (term, written) in analyzer.words(text) {
            let initial_only = written.chars().skip(1).all(|c| !c.is_uppercase());
            let written = if initial_only { written.to_lowercase() } else { written.to_string() };
            let lower = initial_only;
            match self.written.get_mut(&term) {
                Some(w) if lower && w.chars().any(char::is_uppercase) => *w = written,
                Some(_) => {}
                None => {
                    self.written.insert(term, written);
                }
            }
        }
    }

    /// Shows `term` as `written` unless it already has a written form. With `lower_initial`, a
    /// capital that only starts the text is lowered, as in [`Surfaces::add`]; German, which
    /// capitalises every noun, keeps it.
    pub fn insert(&mut self, term: &str, written: &str, lower_initial: bool) {
        if !self.written.contains_key(term) {
            let mut chars = written.chars();
            let initial_only = lower_initial && chars.next().is_some() && chars.all(|c| !c.is_uppercase());
            let shown = if initial_only { lower_first(written) } else { written.to_string() };
            self.written.insert(term.to_string(), shown);
        }
    }

    /// The word as written for `term`, if the text held it.
    pub fn get(&self, term: &str) -> Option<&str> {
        self.written.get(term).map(String::as_str)
    }
}

/// A working language of the initiative's members: what [`detect`] tells apart and what the
/// language-specific analysis ([`Lang::tokens`]) cuts. Profiles learnt from EU projects are
/// English; needs, offers and calls that members write may be in any of the three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Fr,
    De,
}

/// French stop words (folded): articles, pronouns, prepositions, conjunctions and the forms of
/// *être*, *avoir* and *faire* that carry no topic. Sorted.
pub const FR_STOP_WORDS: &[&str] = &[
    "afin",
    "ai",
    "aie",
    "aient",
    "ainsi",
    "alors",
    "au",
    "aucun",
    "aucune",
    "auquel",
    "aussi",
    "autre",
    "autres",
    "aux",
    "auxquelles",
    "auxquels",
    "avaient",
    "avais",
    "avait",
    "avant",
    "avec",
    "avez",
    "avoir",
    "avons",
    "ayant",
    "ca",
    "car",
    "ce",
    "ceci",
    "cela",
    "celle",
    "celles",
    "celui",
    "cependant",
    "ces",
    "cet",
    "cette",
    "ceux",
    "chacun",
    "chacune",
    "chaque",
    "ci",
    "comme",
    "comment",
    "dans",
    "de",
    "dela",
    "depuis",
    "des",
    "desquelles",
    "desquels",
    "donc",
    "dont",
    "du",
    "duquel",
    "elle",
    "elles",
    "en",
    "encore",
    "entre",
    "es",
    "est",
    "et",
    "etaient",
    "etait",
    "etant",
    "ete",
    "etre",
    "eu",
    "eux",
    "faire",
    "fait",
    "fois",
    "font",
    "furent",
    "fut",
    "grace",
    "hors",
    "ici",
    "il",
    "ils",
    "je",
    "jusqu",
    "jusque",
    "la",
    "laquelle",
    "le",
    "lequel",
    "les",
    "lesquelles",
    "lesquels",
    "leur",
    "leurs",
    "lors",
    "lorsque",
    "lui",
    "ma",
    "mais",
    "me",
    "meme",
    "memes",
    "mes",
    "moi",
    "mon",
    "ne",
    "ni",
    "nos",
    "notre",
    "nous",
    "on",
    "ont",
    "ou",
    "par",
    "parce",
    "parmi",
    "pas",
    "peu",
    "peut",
    "peuvent",
    "plus",
    "pour",
    "pourquoi",
    "pourra",
    "pourront",
    "qu",
    "quand",
    "que",
    "quel",
    "quelle",
    "quelles",
    "quels",
    "qui",
    "quoi",
    "sa",
    "sans",
    "se",
    "selon",
    "ses",
    "si",
    "sien",
    "soi",
    "soient",
    "soit",
    "son",
    "sont",
    "suis",
    "sur",
    "ta",
    "tandis",
    "te",
    "tel",
    "telle",
    "telles",
    "tels",
    "tes",
    "toi",
    "ton",
    "tous",
    "tout",
    "toute",
    "toutes",
    "tres",
    "tu",
    "un",
    "une",
    "vers",
    "via",
    "vos",
    "votre",
    "vous",
];

/// German stop words (folded: "für" → "fur"): articles, pronouns, prepositions, conjunctions,
/// auxiliaries and modal verbs. Sorted.
pub const DE_STOP_WORDS: &[&str] = &[
    "ab",
    "aber",
    "alle",
    "allem",
    "allen",
    "aller",
    "alles",
    "als",
    "also",
    "am",
    "an",
    "andere",
    "anderen",
    "anderer",
    "anderes",
    "auch",
    "auf",
    "aus",
    "bei",
    "beide",
    "beiden",
    "beim",
    "bereits",
    "bis",
    "bisher",
    "bzw",
    "da",
    "dabei",
    "dadurch",
    "dafur",
    "daher",
    "damit",
    "dann",
    "daran",
    "darauf",
    "darin",
    "daruber",
    "das",
    "dass",
    "dem",
    "den",
    "denen",
    "denn",
    "der",
    "deren",
    "derer",
    "des",
    "deshalb",
    "dessen",
    "die",
    "dies",
    "diese",
    "diesem",
    "diesen",
    "dieser",
    "dieses",
    "doch",
    "dort",
    "du",
    "durch",
    "eben",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "eines",
    "einige",
    "einigen",
    "einiger",
    "er",
    "es",
    "etwa",
    "euch",
    "euer",
    "fur",
    "gegen",
    "haben",
    "hat",
    "hatte",
    "hatten",
    "ich",
    "ihm",
    "ihn",
    "ihnen",
    "ihr",
    "ihre",
    "ihrem",
    "ihren",
    "ihrer",
    "ihres",
    "im",
    "in",
    "indem",
    "ins",
    "insbesondere",
    "ist",
    "ja",
    "je",
    "jede",
    "jedem",
    "jeden",
    "jeder",
    "jedes",
    "jedoch",
    "jene",
    "jenem",
    "jenen",
    "jener",
    "kann",
    "konnen",
    "konnte",
    "man",
    "mehr",
    "mit",
    "muss",
    "mussen",
    "nach",
    "neben",
    "nicht",
    "noch",
    "nun",
    "nur",
    "ob",
    "oder",
    "ohne",
    "seid",
    "sein",
    "seine",
    "seinem",
    "seinen",
    "seiner",
    "sich",
    "sie",
    "sind",
    "so",
    "soll",
    "sollen",
    "sollte",
    "sondern",
    "sowie",
    "sowohl",
    "uber",
    "um",
    "und",
    "uns",
    "unser",
    "unsere",
    "unserem",
    "unseren",
    "unserer",
    "unter",
    "usw",
    "viel",
    "viele",
    "vom",
    "von",
    "vor",
    "wahrend",
    "war",
    "waren",
    "was",
    "weil",
    "welche",
    "welchem",
    "welchen",
    "welcher",
    "welches",
    "wenn",
    "wer",
    "werden",
    "wie",
    "wir",
    "wird",
    "wo",
    "wobei",
    "wurde",
    "wurden",
    "zu",
    "zum",
    "zur",
    "zwischen",
];

/// Function words that occur in one of the three languages only (folded), for short texts where
/// letter statistics say little: "matériaux composites pour l'automobile" is French by "pour".
const MARKERS: [(Lang, &[&str]); 3] = [
    (Lang::En, &["and", "are", "by", "for", "from", "is", "of", "our", "that", "the", "their", "this", "to", "with"]),
    (
        Lang::Fr,
        &["au", "aux", "avec", "dans", "de", "du", "est", "et", "la", "le", "les", "par", "pour", "sont", "sur", "une"],
    ),
    (
        Lang::De,
        &[
            "auf", "das", "dem", "den", "der", "die", "ein", "eine", "fur", "im", "ist", "mit", "und", "von", "zum",
            "zur",
        ],
    ),
];

/// Texts of fewer words than this are judged by their function words and accents only.
const SHORT_TEXT: usize = 6;

impl Lang {
    /// ISO 639-1 code: "en", "fr", "de".
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// Whether a folded token is a stop word of this language.
    pub fn is_stop_word(self, term: &str) -> bool {
        match self {
            Lang::En => is_stop_word(term),
            Lang::Fr => FR_STOP_WORDS.binary_search(&term).is_ok(),
            Lang::De => DE_STOP_WORDS.binary_search(&term).is_ok(),
        }
    }

    /// The Snowball stem of a lower-case word, folded ("matériaux" → "materiau",
    /// "Speichern" → "speich"): stemming reads the accents, so it comes before folding.
    pub fn stem(self, word: &str) -> String {
        let algorithm = match self {
            Lang::En => rust_stemmers::Algorithm::English,
            Lang::Fr => rust_stemmers::Algorithm::French,
            Lang::De => rust_stemmers::Algorithm::German,
        };
        let lower = word.to_lowercase();
        rust_stemmers::Stemmer::create(algorithm).stem(&lower).chars().map(fold).collect()
    }

    /// The tokens of `text` as this language cuts them: the shared tokenizer's folding and
    /// numbers, this language's stop words, each token with its stem and the word as written.
    pub fn tokens(self, text: &str) -> Vec<LangToken<'_>> {
        let stop: fn(&str) -> bool = match self {
            Lang::En => is_stop_word,
            Lang::Fr => |t| FR_STOP_WORDS.binary_search(&t).is_ok(),
            Lang::De => |t| DE_STOP_WORDS.binary_search(&t).is_ok(),
        };
        words_stopped(text, true, stop)
            .into_iter()
            .map(|(term, written)| LangToken { stem: self.stem(written), term, written })
            .collect()
    }
}

/// A token of [`Lang::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangToken<'a> {
    /// Lower-case and folded, as the shared tokenizer makes it ("matériaux" → "materiaux").
    pub term: String,
    /// The language's Snowball stem, folded ("materiau").
    pub stem: String,
    /// The word as written.
    pub written: &'a str,
}

/// The language of a text, English when it is short or unclear: [`detect_clear`] or English.
pub fn detect(text: &str) -> Lang {
    detect_clear(text).unwrap_or(Lang::En)
}

/// The language of a text when the text says it: letter statistics (whatlang, restricted to
/// English, French and German) for texts of [`SHORT_TEXT`] words or more whose statistics are
/// clear; otherwise, and for short texts, function words that only one of the languages has and
/// the accents only French or German write ("é", "ç"; "ä", "ß"). `None` when nothing decides.
pub fn detect_clear(text: &str) -> Option<Lang> {
    let words = words_stopped(text, false, |_| false);
    if words.is_empty() {
        return None;
    }
    if words.len() >= SHORT_TEXT {
        let detector =
            whatlang::Detector::with_allowlist(vec![whatlang::Lang::Eng, whatlang::Lang::Fra, whatlang::Lang::Deu]);
        if let Some(info) = detector.detect(text).filter(|i| i.confidence() >= 0.5) {
            return Some(match info.lang() {
                whatlang::Lang::Fra => Lang::Fr,
                whatlang::Lang::Deu => Lang::De,
                _ => Lang::En,
            });
        }
    }
    let mut score = [0usize; 3];
    for (term, _) in &words {
        for (i, (_, markers)) in MARKERS.iter().enumerate() {
            score[i] += 2 * usize::from(markers.binary_search(&term.as_str()).is_ok());
        }
    }
    // Elided articles and pronouns ("l'automobile", "d'énergie", "qu'il") are French.
    let elided = |w: &&str| ["l'", "d'", "qu'", "l’", "d’", "qu’"].iter().any(|p| w.to_lowercase().starts_with(p));
    score[1] += 2 * text.split_whitespace().filter(elided).count();
    score[1] += text.chars().filter(|c| "éèêëàâçœùûîôÉÈÊÀÇ".contains(*c)).count().min(3);
    score[2] += text.chars().filter(|c| "äöüßÄÖÜ".contains(*c)).count().min(3);
    let best = (0..3).max_by_key(|&i| (score[i], std::cmp::Reverse(i))).unwrap_or(0);
    if score[best] == 0 || (0..3).any(|i| i != best && score[i] == score[best]) {
        return None;
    }
    Some(MARKERS[best].0)
}

/// `text` with its first character in lower case.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(FILLER_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(FILLER_WORDS.iter().all(|w| !is_stop_word(w)), "a filler word is already a stop word");
    }

    #[test]
    fn tokens_fold_and_filter() {
        assert_eq!(
            tokens("The Université du Luxembourg, 2013: A space-robotics lab!"),
            ["universite", "du", "luxembourg", "space", "robotics", "lab"]
        );
        assert_eq!(term_set("b a b"), Vec::<String>::new());
        assert_eq!(term_set("solar solar cells"), ["cells", "solar"]);
        assert_eq!(tokens("Don't we? Isn't it, etc."), Vec::<String>::new());
    }

    #[test]
    fn stemming_conflates_plurals_only() {
        let s = Analyzer::stemmed().tokens("batteries processes systems analysis");
        assert_eq!(s, ["battery", "process", "system", "analysis"]);
        assert_eq!(Analyzer::plain().tokens("Smart-Grid systems"), ["smart", "grid", "systems"]);
    }

    #[test]
    fn surfaces_give_words_as_written() {
        let s = Surfaces::of(Analyzer::plain(), "Satellites of the Université; AI for AI and CubeSats");
        assert_eq!(s.get("satellites"), Some("satellites"));
        assert_eq!(s.get("universite"), Some("université"));
        assert_eq!(s.get("ai"), Some("AI"));
        assert_eq!(s.get("cubesats"), Some("CubeSats"));
        assert_eq!(s.get("the"), None);
        let s = Surfaces::of(Analyzer::stemmed(), "Batteries");
        assert_eq!(s.get("battery"), Some("batteries"));
        assert!(is_filler("approach") && is_filler("tackling") && !is_filler("satellites"));
    }

    #[test]
    fn language_lists_are_sorted() {
        for list in [FR_STOP_WORDS, DE_STOP_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
        assert!(MARKERS.iter().all(|(_, m)| m.windows(2).all(|w| w[0] < w[1])));
    }

    #[test]
    fn detection_of_long_short_and_mixed_texts() {
        let long = [
            ("Composite materials for lightweight car bodies, tested with the suppliers of the region.", Lang::En),
            (
                "Des matériaux composites pour des carrosseries légères, testés avec les fournisseurs de la région.",
                Lang::Fr,
            ),
            ("Verbundwerkstoffe für leichte Karosserien, erprobt mit den Zulieferern der Region.", Lang::De),
        ];
        for (text, lang) in long {
            assert_eq!(detect(text), lang, "{text}");
        }
        // Short texts: function words and accents decide.
        assert_eq!(detect("matériaux composites pour l'automobile"), Lang::Fr);
        assert_eq!(detect("Wasserstoff für die Stahlindustrie"), Lang::De);
        assert_eq!(detect("hydrogen for the steel industry"), Lang::En);
        // Nothing decides: English.
        assert_eq!(detect_clear("satellite data"), None);
        assert_eq!(detect("satellite data"), Lang::En);
        assert_eq!(detect(""), Lang::En);
        assert_eq!(detect("LIST CubeSat 2030"), Lang::En);
        // Mixed: a French text that keeps English terms is French; an English one with a
        // French name is English.
        assert_eq!(
            detect("Nous cherchons des partenaires pour un projet de machine learning et de edge computing dans la logistique."),
            Lang::Fr
        );
        assert_eq!(
            detect("We look for partners with experience of the Université du Luxembourg and its data centre."),
            Lang::En
        );
    }

    #[test]
    fn languages_cut_with_their_own_stop_words_and_stems() {
        let t = Lang::Fr.tokens("Les matériaux composites pour l'automobile");
        let got: Vec<(&str, &str, &str)> = t.iter().map(|t| (t.term.as_str(), t.stem.as_str(), t.written)).collect();
        assert_eq!(
            got,
            [
                ("materiaux", "material", "matériaux"),
                ("composites", "composit", "composites"),
                ("automobile", "automobil", "automobile")
            ]
        );
        let t = Lang::De.tokens("Die Speicherung von Wasserstoff in der Industrie");
        let stems: Vec<&str> = t.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, ["speicher", "wasserstoff", "industri"]);
        assert!(Lang::Fr.is_stop_word("pour") && Lang::De.is_stop_word("fur") && !Lang::En.is_stop_word("pour"));
        assert_eq!(fold_lower("Norvège Großbritannien"), "norvege grosbritannien");
    }
}
