//! The languages the interface speaks: English, French and German, Luxembourg's working
//! languages. A [`Locale`] is what an account prefers, what the language switcher's cookie holds
//! and what an `Accept-Language` header is negotiated down to; the catalogues of messages live
//! with the pages that show them (the `web` crate), the choice itself is vocabulary.

use std::fmt;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    Fr,
    De,
}

impl Locale {
    /// Every language the interface speaks, English (the fallback) first.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Fr, Locale::De];

    /// The BCP 47 code, as `<html lang>` and the preference store it.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::De => "de",
        }
    }

    /// The language's name in itself, as a switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::De => "Deutsch",
        }
    }

    /// Reads a language tag: its primary subtag decides, case-insensitively ("fr", "fr-LU",
    /// "de_CH", "EN-gb"). Anything else, an empty or unknown code included, is `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Locale::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(primary))
    }

    /// The best language for an `Accept-Language` header (RFC 9110 §12.5.4): the supported
    /// language with the highest weight, the earlier one on a tie; `*` and unknown tags name
    /// nothing, `q=0` refuses. `None` when the header names no language we speak.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut best: Option<(Locale, u16)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let Some(locale) = parts.next().and_then(Locale::parse) else { continue };
            let weight = parts.find_map(|p| p.trim().strip_prefix("q=").map(quality)).unwrap_or(1000);
            if weight > 0 && best.is_none_or(|(_, w)| weight > w) {
                best = Some((locale, weight));
            }
        }
        best.map(|(l, _)| l)
    }
}

/// A quality value as thousandths (`q=0.8` → 800); a malformed one counts as refused.
fn quality(q: &str) -> u16 {
    let q = q.trim();
    match q.split_once('.') {
        None => match q {
            "1" => 1000,
            _ => 0,
        },
        Some((whole, frac)) if frac.len() <= 3 && frac.bytes().all(|b| b.is_ascii_digit()) => match whole {
            "0" => format!("{frac:0<3}").parse().unwrap_or(0),
            "1" if frac.bytes().all(|b| b == b'0') => 1000,
            _ => 0,
        },
        _ => 0,
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_by_their_primary_subtag() {
        assert_eq!(Locale::parse("fr"), Some(Locale::Fr));
        assert_eq!(Locale::parse("fr-LU"), Some(Locale::Fr));
        assert_eq!(Locale::parse("DE_ch"), Some(Locale::De));
        assert_eq!(Locale::parse(" en-GB "), Some(Locale::En));
        for unknown in ["", "lb", "xx", "french", "*", "f"] {
            assert_eq!(Locale::parse(unknown), None, "{unknown:?}");
        }
    }

    #[test]
    fn accept_language_picks_the_heaviest_language_we_speak() {
        assert_eq!(Locale::negotiate("fr"), Some(Locale::Fr));
        assert_eq!(Locale::negotiate("lb-LU, de;q=0.9, fr;q=0.8, en;q=0.5"), Some(Locale::De));
        assert_eq!(Locale::negotiate("en;q=0.5, fr-FR;q=0.7"), Some(Locale::Fr));
        assert_eq!(Locale::negotiate("de, fr"), Some(Locale::De), "a tie goes to the earlier");
        assert_eq!(Locale::negotiate("fr;q=0, de;q=0.1"), Some(Locale::De), "q=0 refuses");
        assert_eq!(Locale::negotiate("it, es;q=0.8, *;q=0.1"), None);
        assert_eq!(Locale::negotiate(""), None);
        assert_eq!(Locale::negotiate("fr;q=2, de;q=0.abc, en;q=0.3"), Some(Locale::En), "malformed weights refuse");
    }
}
