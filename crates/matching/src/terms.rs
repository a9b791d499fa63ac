//! Translation through a bilingual terminology, of queries and of the profile texts members write
//! (the engine indexes those with their English beside their own words): a French or German text
//! is cut in its own language ([`Lang::tokens`]: its stop words, Snowball stems) and its words,
//! longest phrase first, are mapped to the English terms of the fields our clusters work in
//! ("apprentissage automatique", "maschinelles Lernen" → "machine learning"), which is what the
//! ranker's English profiles know. German compounds the terminology lacks are split into terms it has
//! ("Wasserstoffspeicher" → "Wasserstoff" + "Speicher" → "hydrogen storage"). A word the
//! terminology does not know passes as it is: names, acronyms and the many words French and
//! English share ("innovation", "composites").
//!
//! The terminology is data: `terms/*.tsv` beside this crate, one row per concept with its
//! English, French and German terms (see `terms/README.md`), embedded at build time.

use std::collections::HashMap;
use std::sync::OnceLock;

use domain::text::{light_stem, Lang};

/// The terminology files, by field.
const FILES: &[&str] = &[
    include_str!("../terms/general.tsv"),
    include_str!("../terms/academic.tsv"),
    include_str!("../terms/materials.tsv"),
    include_str!("../terms/automotive.tsv"),
    include_str!("../terms/space.tsv"),
    include_str!("../terms/ict.tsv"),
    include_str!("../terms/health.tsv"),
    include_str!("../terms/logistics.tsv"),
    include_str!("../terms/maritime.tsv"),
    include_str!("../terms/environment.tsv"),
    include_str!("../terms/energy.tsv"),
    include_str!("../terms/manufacturing.tsv"),
];

/// Longest source phrase tried, in words (after stop words).
const MAX_WORDS: usize = 5;

/// Shortest part of a German compound.
const MIN_PART: usize = 3;

/// One language's side of the terminology.
#[derive(Debug, Default)]
struct Table {
    /// Stems of a source phrase, joined by spaces → its English terms.
    phrases: HashMap<String, Vec<&'static str>>,
    /// Single-word terms by their folded form and by their stem, for compound parts.
    parts: HashMap<String, Vec<&'static str>>,
    /// Number of (source term, English term) pairs read, whichever the ranker keeps.
    entries: usize,
}

/// The FR→EN and DE→EN terminology.
#[derive(Debug)]
pub struct Terminology {
    fr: Table,
    de: Table,
}

/// A stretch of a text and the English it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The words as written, from the first to the last ("pile à combustible").
    pub written: &'a str,
    /// English terms, one or more: the terminology's, or the folded word itself.
    pub english: Vec<&'a str>,
    /// Whether the terminology gave `english` (else the word passed as it is).
    pub translated: bool,
    /// Whether a German compound was split to find it.
    pub split: bool,
}

/// The cells of a row: English, French, German; alternatives separated by `|`.
fn cells(line: &str) -> Option<[Vec<&str>; 3]> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() || line.starts_with('#') {
        return None;
    }
    let mut it = line.split('\t').map(|c| c.split('|').map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>());
    Some([it.next()?, it.next().unwrap_or_default(), it.next().unwrap_or_default()])
}

impl Table {
    fn add(&mut self, lang: Lang, source: &str, english: &'static str) {
        let toks = lang.tokens(source);
        if toks.is_empty() || toks.len() > MAX_WORDS {
            return;
        }
        let key = toks.iter().map(|t| t.stem.as_str()).collect::<Vec<_>>().join(" ");
        let list = self.phrases.entry(key).or_default();
        // "fuel cell" and "fuel cells" share a source stem: one English number is enough (the
        // ranker looks up the other number itself).
        if !list.iter().any(|e| same_number_aside(e, english)) {
            list.push(english);
        }
        self.entries += 1;
        if let [t] = toks.as_slice() {
            for form in [&t.term, &t.stem] {
                let list = self.parts.entry(form.clone()).or_default();
                if !list.contains(&english) {
                    list.push(english);
                }
            }
        }
    }
}

impl Terminology {
    /// The terminology of `terms/*.tsv`, parsed once.
    pub fn shared() -> &'static Terminology {
        static SHARED: OnceLock<Terminology> = OnceLock::new();
        SHARED.get_or_init(|| Terminology::parse(FILES))
    }

    fn parse(files: &[&'static str]) -> Terminology {
        let mut t = Terminology { fr: Table::default(), de: Table::default() };
        for line in files.iter().flat_map(|f| f.lines()) {
            let Some([en, fr, de]) = cells(line) else { continue };
            for &e in &en {
                for &f in &fr {
                    t.fr.add(Lang::Fr, f, e);
                }
                for &d in &de {
                    t.de.add(Lang::De, d, e);
                }
            }
        }
        t
    }

    fn table(&self, lang: Lang) -> Option<&Table> {
        match lang {
            Lang::Fr => Some(&self.fr),
            Lang::De => Some(&self.de),
            Lang::En => None,
        }
    }

    /// Number of (source term, English term) pairs of a language (0 for English).
    pub fn entries(&self, lang: Lang) -> usize {
        self.table(lang).map_or(0, |t| t.entries)
    }

    /// The English of `text`, written in `lang`, piece by piece in order; stop words left out.
    /// English text passes word by word.
    pub fn translate<'a>(&'a self, lang: Lang, text: &'a str) -> Vec<Piece<'a>> {
        let toks = lang.tokens(text);
        let Some(table) = self.table(lang) else {
            return toks.iter().map(|t| pass(t.written)).collect();
        };
        let mut out = Vec::with_capacity(toks.len());
        let mut i = 0;
        while i < toks.len() {
            let found = (1..=MAX_WORDS.min(toks.len() - i)).rev().find_map(|n| {
                let key = toks[i..i + n].iter().map(|t| t.stem.as_str()).collect::<Vec<_>>().join(" ");
                table.phrases.get(&key).map(|e| (n, e))
            });
            if let Some((n, english)) = found {
                let written = span(text, toks[i].written, toks[i + n - 1].written);
                out.push(Piece { written, english: english.clone(), translated: true, split: false });
                i += n;
                continue;
            }
            let t = &toks[i];
            match (lang == Lang::De).then(|| split(table, &t.term)).flatten() {
                Some(english) => out.push(Piece { written: t.written, english, translated: true, split: true }),
                None => out.push(pass(t.written)),
            }
            i += 1;
        }
        out
    }

    /// How many words of `text` the terminology of `lang` translates into other words: what
    /// tells a short French or German text from an English one when function words do not.
    pub fn coverage(&self, lang: Lang, text: &str) -> usize {
        self.translate(lang, text)
            .iter()
            .filter(|p| p.translated && p.english.iter().all(|e| !e.eq_ignore_ascii_case(p.written)))
            .map(|p| p.written.split_whitespace().count())
            .sum()
    }
}

/// Whether two English terms differ at most in number ("fuel cell", "Fuel cells").
fn same_number_aside(a: &str, b: &str) -> bool {
    let key = |t: &str| t.split_whitespace().map(|w| light_stem(&w.to_lowercase())).collect::<Vec<_>>();
    key(a) == key(b)
}

/// A word that passes untranslated, as written (the ranker's analyzer folds it).
fn pass(written: &str) -> Piece<'_> {
    Piece { written, english: vec![written], translated: false, split: false }
}

/// The text from the start of `first` to the end of `last`, both slices of `text`.
fn span<'a>(text: &'a str, first: &'a str, last: &'a str) -> &'a str {
    let base = text.as_ptr() as usize;
    let start = first.as_ptr() as usize - base;
    let end = last.as_ptr() as usize - base + last.len();
    &text[start..end]
}

/// A German compound cut into terms the terminology has, longest first part first, with the
/// linking letters German puts between parts ("Forschung-s-projekt"); the last part may be
/// inflected (matched by its stem). `None` unless every part is known and there are two or more.
fn split(table: &Table, word: &str) -> Option<Vec<&'static str>> {
    fn go(table: &Table, rest: &str, out: &mut Vec<&'static str>) -> bool {
        if rest.len() >= MIN_PART {
            if let Some(e) = table.parts.get(rest).or_else(|| table.parts.get(&Lang::De.stem(rest))) {
                if !out.is_empty() {
                    out.push(e[0]);
                    return true;
                }
            }
        }
        let cuts: Vec<usize> = rest.char_indices().map(|(i, _)| i).filter(|&i| i >= MIN_PART).collect();
        for &cut in cuts.iter().rev() {
            if rest.len() - cut < MIN_PART {
                continue;
            }
            let Some(e) = table.parts.get(&rest[..cut]) else { continue };
            let n = out.len();
            out.push(e[0]);
            let tail = &rest[cut..];
            for link in ["", "s", "es", "n", "en"] {
                if let Some(t) = tail.strip_prefix(link) {
                    if (link.is_empty() || t.len() >= MIN_PART) && go(table, t, out) {
                        return true;
                    }
                }
            }
            out.truncate(n);
        }
        false
    }
    if !word.is_ascii() || word.len() < 2 * MIN_PART {
        return None;
    }
    let mut out = Vec::new();
    go(table, word, &mut out).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(lang: Lang, text: &str) -> Vec<String> {
        Terminology::shared()
            .translate(lang, text)
            .into_iter()
            .map(|p| format!("{} → {}", p.written, p.english.join(" / ")))
            .collect()
    }

    #[test]
    fn multi_word_terms_win_over_their_words() {
        assert_eq!(
            english(Lang::Fr, "matériaux composites pour l'automobile"),
            ["matériaux composites → composite materials", "automobile → automotive"]
        );
        assert_eq!(english(Lang::Fr, "apprentissage automatique"), ["apprentissage automatique → machine learning"]);
        assert_eq!(english(Lang::De, "Maschinelles Lernen"), ["Maschinelles Lernen → machine learning"]);
        assert_eq!(english(Lang::Fr, "piles à combustible"), ["piles à combustible → fuel cell"]);
    }

    #[test]
    fn unknown_words_pass_and_german_compounds_split() {
        assert_eq!(english(Lang::Fr, "LIST et Goodyear"), ["LIST → LIST", "Goodyear → Goodyear"]);
        let p = Terminology::shared().translate(Lang::De, "Wasserstoffspeicher");
        assert_eq!(p.len(), 1);
        assert!(p[0].split && p[0].english == ["hydrogen", "storage"], "{p:?}");
        let (fr, de) = (Terminology::shared().entries(Lang::Fr), Terminology::shared().entries(Lang::De));
        assert!(fr >= 1500 && de >= 1500, "{fr} French and {de} German entries");
    }

    #[test]
    fn every_row_has_english_and_a_translation() {
        for (n, line) in FILES.iter().flat_map(|f| f.lines()).enumerate() {
            if let Some([en, fr, de]) = cells(line) {
                assert!(!en.is_empty() && (!fr.is_empty() || !de.is_empty()), "row {n}: {line:?}");
            }
        }
    }
}
