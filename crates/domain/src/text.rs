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

/// Every token of `text` with the word as written, in order: `(term, written)`; numbers dropped.
pub fn words(text: &str) -> Vec<(String, &str)> {
    words_with(text, false)
}

/// [`words`], keeping all-digit tokens when `numbers` is set.
fn words_with<'a>(text: &'a str, numbers: bool) -> Vec<(String, &'a str)> {
    let flush = |out: &mut Vec<(String, &'a str)>, cur: &mut String, written: &'a str| {
        if cur.chars().count() >= 2 && !is_stop_word(cur) && (numbers || !cur.chars().all(|c| c.is_ascii_digit())) {
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

    /// The word as written for `term`, if the text held it.
    pub fn get(&self, term: &str) -> Option<&str> {
        self.written.get(term).map(String::as_str)
    }
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
}
