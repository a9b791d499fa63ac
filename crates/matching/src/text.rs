//! Text analysis: lower-casing tokenizer with an English stop-word list and an
//! optional light plural stemmer.
//!
//! The same analyser is used for documents and queries. The baselines use
//! [`Analyzer::plain`] (lower-casing + stop words only, as the evaluation issue
//! specifies); the ranker may use [`Analyzer::stemmed`].

/// English stop words (NLTK-style list plus a few very frequent single letters).
const STOP_WORDS: &[&str] = &[
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
    "won",
    "would",
    "wouldn",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Returns true if `word` (already lower-cased) is an English stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// A tokenizer configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Analyzer {
    /// Apply a light English plural/suffix stemmer ("systems" -> "system").
    pub stem: bool,
}

impl Analyzer {
    /// Lower-casing + stop-word removal only (the baseline analyser).
    pub const fn plain() -> Self {
        Analyzer { stem: false }
    }

    /// Lower-casing + stop words + light stemming.
    pub const fn stemmed() -> Self {
        Analyzer { stem: true }
    }

    /// Splits `text` into lower-cased tokens: maximal runs of alphanumeric
    /// characters, dropping stop words and one-character tokens.
    pub fn tokens(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for raw in text.split(|c: char| !c.is_alphanumeric()) {
            if raw.is_empty() {
                continue;
            }
            let lower = raw.to_lowercase();
            if lower.chars().count() < 2 || is_stop_word(&lower) {
                continue;
            }
            out.push(if self.stem { light_stem(&lower) } else { lower });
        }
        out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_sorted() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn tokenizes() {
        let t = Analyzer::plain().tokens("The Smart-Grid systems of 2030, and AI!");
        assert_eq!(t, vec!["smart", "grid", "systems", "2030", "ai"]);
        let s = Analyzer::stemmed().tokens("batteries processes systems analysis");
        assert_eq!(s, vec!["battery", "process", "system", "analysis"]);
    }
}
