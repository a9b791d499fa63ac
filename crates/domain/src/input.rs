//! The one rule for text people type or files bring in: normalised to NFC, and free of the
//! characters that change how text reads without being seen — control characters, bidi
//! overrides and isolates (U+202A–U+202E, U+2066–U+2069) and zero-width characters (U+200B–U+200D,
//! U+2060, U+FEFF). Names and other one-line fields allow none of them; multi-line texts
//! (descriptions, offers, needs, summaries) may keep LF, CRLF and tab. Forms and the API refuse
//! such text with a [`FieldError`] naming the field and the character; imports, which must
//! never reject a real row for an invisible character, [`strip`] them and count what went.

use crate::FieldError;
use unicode_normalization::UnicodeNormalization;

/// Fields whose text may span several lines; every other field is one line.
pub const MULTI_LINE: &[&str] = &["description", "offers", "needs", "summary", "topic"];

/// Whether `field` may hold line breaks and tabs.
pub fn is_multi_line(field: &str) -> bool {
    MULTI_LINE.contains(&field)
}

/// A character no field may hold (line breaks and tab aside, which [`first_refused`] decides).
fn invisible(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || ('\u{200b}'..='\u{200d}').contains(&c)
        || c == '\u{2060}'
        || c == '\u{feff}'
}

/// The first character of `text` that `field` may not hold; in multi-line fields LF, tab and
/// the CR of a CRLF are allowed, a bare CR is not.
pub fn first_refused(field: &str, text: &str) -> Option<char> {
    let multi = is_multi_line(field);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = multi && (c == '\n' || c == '\t' || (c == '\r' && chars.peek() == Some(&'\n')));
        if invisible(c) && !allowed {
            return Some(c);
        }
    }
    None
}

/// Adds the error for the first refused character of `text`, if any.
pub fn check(errors: &mut Vec<FieldError>, field: &str, text: &str) {
    if let Some(c) = first_refused(field, text) {
        errors.push(refusal(field, c));
    }
}

/// The error for character `c` in `field`.
pub fn refusal(field: &str, c: char) -> FieldError {
    FieldError::new(field, format!("contains a control or invisible character (U+{:04X})", u32::from(c)))
}

/// `text` in Unicode normalisation form C (composed), as every stored text.
pub fn nfc(text: &str) -> String {
    text.nfc().collect()
}

/// `text` without the characters `field` may not hold, and how many went: for imports. In a
/// one-line field a line break or tab becomes a space (a CRLF one space), so that words stay
/// apart; every other refused character is dropped.
pub fn strip(field: &str, text: &str) -> (String, usize) {
    if first_refused(field, text).is_none() {
        return (text.to_string(), 0);
    }
    let multi = is_multi_line(field);
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let kept = multi && (c == '\n' || c == '\t' || (c == '\r' && chars.peek() == Some(&'\n')));
        if kept || !invisible(c) {
            out.push(c);
        } else {
            removed += 1;
            if matches!(c, '\n' | '\r' | '\t') {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(' ');
            }
        }
    }
    (out, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_and_multi_line_fields() {
        assert_eq!(first_refused("name", "a\u{202e}b"), Some('\u{202e}'));
        assert_eq!(first_refused("name", "a\r\nb"), Some('\r'));
        assert_eq!(first_refused("description", "a\r\nb\tc\nd"), None);
        assert_eq!(first_refused("description", "a\rb"), Some('\r'));
        assert_eq!(strip("name", "Zero\u{200b}width\r\nname"), ("Zerowidth name".to_string(), 2));
        assert_eq!(strip("needs", "keep\r\nthis\u{feff}"), ("keep\r\nthis".to_string(), 1));
        assert_eq!(nfc("e\u{301}"), "\u{e9}");
    }
}
