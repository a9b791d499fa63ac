//! The interface in English, French and German.
//!
//! Every sentence a page shows comes from a Project Fluent catalogue, one per language
//! (`crates/web/locales/{en,fr,de}/*.ftl`, one file per area, joined by `build.rs` and compiled
//! into the binary), looked up by key through
//! [`Tr`]; a key missing in French or German falls back to English (a test makes sure none is
//! missing). The language of a request is, in this order: the account's choice, the language
//! switcher's cookie ([`LANG_COOKIE`]), the browser's `Accept-Language`, English.
//!
//! Numbers and dates are written the way each language writes them ([`Tr::number`],
//! [`Tr::date`]): Fluent's own `NUMBER()` does not group digits per locale, and the pages need
//! only these few forms, so they are spelled out here rather than pulling in a CLDR library.

use axum::http::{header, HeaderMap};
use domain::Locale;
use fluent_bundle::concurrent::FluentBundle;
pub(crate) use fluent_bundle::FluentArgs;
use fluent_bundle::{FluentResource, FluentValue};
use std::sync::LazyLock;

/// The language switcher's cookie: a language code, for visitors and accounts without a choice.
pub(crate) const LANG_COOKIE: &str = "cb_lang";

/// The catalogues' sources, in [`Locale::ALL`] order.
pub(crate) const SOURCES: [(Locale, &str); 3] = [
    (Locale::En, include_str!(concat!(env!("OUT_DIR"), "/en.ftl"))),
    (Locale::Fr, include_str!(concat!(env!("OUT_DIR"), "/fr.ftl"))),
    (Locale::De, include_str!(concat!(env!("OUT_DIR"), "/de.ftl"))),
];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| SOURCES.iter().map(|(l, src)| bundle(*l, src)).collect());

/// One language's bundle. A catalogue that does not parse is a bug caught by the tests; at run
/// time its readable entries are kept and the errors logged.
fn bundle(locale: Locale, source: &str) -> Bundle {
    let id = locale.as_str().parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Pages are HTML, escaped by the templates: no bidi isolation marks around arguments.
    b.set_use_isolating(false);
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, errors)) => {
            tracing::error!(language = %locale, ?errors, "catalogue has syntax errors");
            r
        }
    };
    if let Err(errors) = b.add_resource(resource) {
        tracing::error!(language = %locale, ?errors, "catalogue has duplicate keys");
    }
    b
}

fn bundle_of(locale: Locale) -> &'static Bundle {
    let i = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    &BUNDLES[i]
}

/// The language of a request: the account's choice, else the switcher's cookie, else the
/// browser's `Accept-Language`, else English.
pub(crate) fn negotiate(account: Option<Locale>, headers: &HeaderMap) -> Locale {
    account
        .or_else(|| crate::auth::cookie(headers, LANG_COOKIE).and_then(Locale::parse))
        .or_else(|| headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::negotiate))
        .unwrap_or_default()
}

/// A translator for one language: what templates and handlers call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tr(pub(crate) Locale);

impl Tr {
    /// The message `key`, without arguments.
    pub(crate) fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with one argument.
    pub(crate) fn t1(&self, key: &str, name: &str, value: impl ToString) -> String {
        let mut args = FluentArgs::new();
        args.set(name, arg(value.to_string()));
        self.format(key, Some(&args))
    }

    /// The message `key` with any arguments, numbers among them (for plural forms).
    pub(crate) fn format_args(&self, key: &str, args: &FluentArgs<'_>) -> String {
        self.format(key, Some(args))
    }

    /// The message `key` about `n` things: `$count` chooses the plural form and `$count_text` is
    /// `n` written the language's way ("4,277 organisations").
    pub(crate) fn count(&self, key: &str, n: impl std::borrow::Borrow<i64>) -> String {
        let n = *n.borrow();
        let mut args = FluentArgs::new();
        args.set("count", n);
        args.set("count_text", self.number(n));
        self.format(key, Some(&args))
    }

    /// Looks `key` up in this language, then in English; the key itself when neither has it
    /// (visible, and caught by the catalogue tests before it ships).
    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for locale in [self.0, Locale::En] {
            let b = bundle_of(locale);
            if let Some(pattern) = b.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = b.format_pattern(pattern, args, &mut errors).into_owned();
                if !errors.is_empty() {
                    tracing::warn!(key, language = %locale, ?errors, "message formatted with errors");
                }
                return text;
            }
        }
        tracing::warn!(key, "message missing from every catalogue");
        key.to_string()
    }

    /// What kind of organisation `kind` is (company, university, …), in this language.
    pub(crate) fn org_kind(&self, kind: domain::OrgKind) -> String {
        self.t(&format!("org-kind-{}", kind.as_str()))
    }

    /// A country's name in this language; a country the catalogues do not name (outside Europe
    /// and the frequent partners) keeps its English name.
    pub(crate) fn country(&self, c: domain::Country) -> String {
        let key = format!("country-{}", c.code().to_ascii_lowercase());
        if bundle_of(Locale::En).has_message(&key) {
            self.t(&key)
        } else {
            c.name().to_string()
        }
    }

    /// A partner's role in a project (coordinator, participant, …).
    pub(crate) fn project_role(&self, role: &str) -> String {
        self.known_or_as_is("project-role", role)
    }

    /// The message `{prefix}-{value}` for a value the catalogues may not know (free text such as
    /// a session's kind, `round_table`): a value without a message is shown as stored.
    pub(crate) fn known_or_as_is(&self, prefix: &str, value: &str) -> String {
        let key = if prefix.is_empty() { value.to_string() } else { format!("{prefix}-{}", value.replace('_', "-")) };
        if bundle_of(Locale::En).has_message(&key) {
            self.t(&key)
        } else if prefix.is_empty() {
            value.to_string()
        } else {
            value.replace('_', " ")
        }
    }

    /// A whole number with the language's digit grouping: 4,277 · 4 277 · 4.277.
    pub(crate) fn number(&self, n: impl std::borrow::Borrow<i64>) -> String {
        let n = *n.borrow();
        let sep = match self.0 {
            Locale::En => ",",
            // French groups with a narrow no-break space (U+202F), as the Imprimerie nationale does.
            Locale::Fr => "\u{202f}",
            Locale::De => ".",
        };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(sep);
            }
            out.push(c);
        }
        if n < 0 {
            out.insert(0, '-');
        }
        out
    }

    /// A number with `places` decimals, grouped and with the language's decimal mark:
    /// 1,234.5 · 1 234,5 · 1.234,5.
    pub(crate) fn decimal(&self, v: f64, places: usize) -> String {
        let text = format!("{:.*}", places, v.abs());
        let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = self.number(whole.parse::<i64>().unwrap_or(0));
        if !frac.is_empty() {
            out.push(if self.0 == Locale::En { '.' } else { ',' });
            out.push_str(frac);
        }
        if v < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            out.insert(0, '-');
        }
        out
    }

    /// A share (0 to 1) in per cent, whole: 45% · 45 % (narrow no-break space) · 45 %.
    pub(crate) fn percent(&self, share: f64) -> String {
        let n = self.number((share * 100.0).round() as i64);
        match self.0 {
            Locale::En => format!("{n}%"),
            Locale::Fr => format!("{n}\u{202f}%"),
            Locale::De => format!("{n}\u{a0}%"),
        }
    }

    /// An amount in euros, whole: €250,000 · 250 000 € · 250.000 €.
    pub(crate) fn euros(&self, amount: f64) -> String {
        let n = self.number(amount.round() as i64);
        match self.0 {
            Locale::En => format!("€{n}"),
            Locale::Fr => format!("{n}\u{a0}€"),
            Locale::De => format!("{n}\u{a0}€"),
        }
    }

    /// A calendar date (`YYYY-MM-DD`, or the date part of a timestamp) written out: 3 December
    /// 2026 · 3 décembre 2026 · 3. Dezember 2026. Text that is not a date is returned as is.
    pub(crate) fn date(&self, iso: &str) -> String {
        let Some((y, m, d)) = parse_date(iso) else { return iso.to_string() };
        let month = MONTHS[Locale::ALL.iter().position(|l| *l == self.0).unwrap_or(0)][m - 1];
        match self.0 {
            Locale::En => format!("{d} {month} {y}"),
            Locale::Fr if d == 1 => format!("1er {month} {y}"),
            Locale::Fr => format!("{d} {month} {y}"),
            Locale::De => format!("{d}. {month} {y}"),
        }
    }
}

fn arg(s: String) -> FluentValue<'static> {
    FluentValue::from(s)
}

const MONTHS: [[&str; 12]; 3] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
];

fn parse_date(s: &str) -> Option<(u32, usize, u32)> {
    let s = s.get(..10)?;
    let mut it = s.split('-');
    let y = it.next()?.parse().ok()?;
    let m: usize = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Message keys and, per key, the sorted names of the variables it uses.
    fn keys(source: &str) -> Vec<(String, BTreeSet<String>)> {
        let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
        for line in source.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(' ') {
                if let Some((key, _)) = line.split_once(" =") {
                    out.push((key.trim().to_string(), BTreeSet::new()));
                }
            }
            if let Some((_, vars)) = out.last_mut() {
                let mut rest = line;
                while let Some(i) = rest.find("{ $") {
                    rest = &rest[i + 3..];
                    let name: String =
                        rest.chars().take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_').collect();
                    vars.insert(name);
                }
            }
        }
        out
    }

    #[test]
    fn every_catalogue_parses_and_has_every_key_with_the_same_variables() {
        let english = keys(SOURCES[0].1);
        assert!(english.len() > 50, "the English catalogue is read ({} keys)", english.len());
        for (locale, source) in SOURCES {
            FluentResource::try_new(source.to_string())
                .unwrap_or_else(|(_, e)| panic!("{locale}: the catalogue does not parse: {e:?}"));
            let these = keys(source);
            let mut seen = BTreeSet::new();
            for (k, _) in &these {
                assert!(seen.insert(k.clone()), "{locale}: key {k} twice");
            }
            for (k, vars) in &english {
                let theirs = these.iter().find(|(t, _)| t == k);
                let Some((_, their_vars)) = theirs else { panic!("{locale}: key {k} is missing") };
                assert_eq!(their_vars, vars, "{locale}: {k} uses other variables than English");
            }
            for (k, _) in &these {
                assert!(english.iter().any(|(e, _)| e == k), "{locale}: key {k} is not in the English catalogue");
            }
        }
    }

    /// Templates whose words are not yet in the catalogues: the list shrinks as pages are
    /// translated, and the test below fails if one of them is translated and still listed, or if
    /// any other template shows a word of its own.
    const NOT_YET_TRANSLATED: &[&str] = &[];

    /// Words a template may show as they are: names, the same in every language (code, in
    /// `<code>`, is skipped whole).
    const VERBATIM: &[&str] = &["clusterbridge", "API", "OpenAPI"];

    /// The words a template shows that do not come from a catalogue: its text with tags,
    /// template code, entities and verbatim names taken out.
    fn own_words(template: &str) -> Vec<String> {
        let mut text = String::new();
        let mut rest = template;
        while !rest.is_empty() {
            let next = ["<", "{{", "{%", "{#", "&"].iter().filter_map(|m| rest.find(m).map(|i| (i, *m))).min();
            let Some((i, open)) = next else {
                text.push_str(rest);
                break;
            };
            text.push_str(&rest[..i]);
            text.push(' ');
            let close = match open {
                // Code is shown as it is typed, in every language.
                "<" if rest[i..].starts_with("<code") => "</code>",
                "<" => ">",
                "{{" => "}}",
                "{%" => "%}",
                "{#" => "#}",
                _ => ";",
            };
            rest = match rest[i..].find(close) {
                Some(j) => &rest[i + j + close.len()..],
                None => "",
            };
        }
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && !VERBATIM.contains(w))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn templates_show_no_words_outside_the_catalogues() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".html"))
            .collect();
        names.sort();
        let english = keys(SOURCES[0].1);
        for name in &names {
            let source = std::fs::read_to_string(dir.join(name)).unwrap();
            let words = own_words(&source);
            if NOT_YET_TRANSLATED.contains(&name.as_str()) {
                assert!(!words.is_empty(), "{name} is translated: take it off NOT_YET_TRANSLATED");
                continue;
            }
            assert!(words.is_empty(), "{name} shows words outside the catalogues: {words:?}");
            // Every key a template asks for exists.
            let mut rest = source.as_str();
            while let Some(i) = rest.find("nav.t(\"") {
                rest = &rest[i + 7..];
                let key = &rest[..rest.find('"').unwrap()];
                assert!(english.iter().any(|(k, _)| k == key), "{name}: key {key} is in no catalogue");
            }
        }
        for listed in NOT_YET_TRANSLATED {
            assert!(names.iter().any(|n| n == listed), "{listed} no longer exists");
        }
    }

    #[test]
    fn own_words_sees_text_but_not_markup_or_code() {
        assert!(own_words(r#"<p class="x">{{ nav.t("a") }} &amp; {% if y %}<b>{{ z }}</b>{% endif %}</p>"#).is_empty());
        assert_eq!(own_words("<h1>Events</h1> <code>clusterbridge serve --demo</code> API"), ["Events"]);
    }

    #[test]
    fn messages_are_looked_up_in_the_language_with_arguments() {
        let (en, fr, de) = (Tr(Locale::En), Tr(Locale::Fr), Tr(Locale::De));
        assert_eq!(en.t("nav-sign-in"), "Sign in");
        assert_eq!(fr.t("nav-sign-in"), "Se connecter");
        assert_eq!(de.t("nav-sign-in"), "Anmelden");
        assert_eq!(
            fr.t1("flash-search-saved-named", "name", "Hydrogène"),
            "Recherche «\u{202f}Hydrogène\u{202f}» enregistrée."
        );
        assert_eq!(de.t("no-such-key"), "no-such-key", "a missing key shows itself");
    }

    #[test]
    fn numbers_and_dates_are_written_per_language() {
        let (en, fr, de) = (Tr(Locale::En), Tr(Locale::Fr), Tr(Locale::De));
        assert_eq!(en.number(4277), "4,277");
        assert_eq!(fr.number(4277), "4\u{202f}277");
        assert_eq!(de.number(1_234_567), "1.234.567");
        assert_eq!(de.number(-12), "-12");
        assert_eq!(en.number(999), "999");
        assert_eq!(en.date("2026-12-03"), "3 December 2026");
        assert_eq!(fr.date("2026-12-01T09:00:00Z"), "1er décembre 2026");
        assert_eq!(de.date("2013-03-21"), "21. März 2013");
        assert_eq!(de.date("soon"), "soon");
    }

    #[test]
    fn shares_money_and_decimals_are_written_per_language() {
        let (en, fr, de) = (Tr(Locale::En), Tr(Locale::Fr), Tr(Locale::De));
        assert_eq!(en.percent(0.45), "45%");
        assert_eq!(fr.percent(0.45), "45\u{202f}%");
        assert_eq!(de.percent(0.454), "45\u{a0}%");
        assert_eq!(en.euros(250_000.0), "€250,000");
        assert_eq!(fr.euros(250_000.0), "250\u{202f}000\u{a0}€");
        assert_eq!(de.euros(1_250_000.4), "1.250.000\u{a0}€");
        assert_eq!(en.decimal(1234.5, 2), "1,234.50");
        assert_eq!(fr.decimal(0.05, 3), "0,050");
        assert_eq!(de.decimal(-2.26, 1), "-2,3");
        assert_eq!(de.decimal(-0.01, 1), "0,0");
    }

    #[test]
    fn the_language_is_the_accounts_then_the_cookies_then_the_browsers() {
        let mut h = HeaderMap::new();
        assert_eq!(negotiate(None, &h), Locale::En);
        h.insert(header::ACCEPT_LANGUAGE, "de-LU,de;q=0.9,en;q=0.5".parse().unwrap());
        assert_eq!(negotiate(None, &h), Locale::De);
        h.insert(header::COOKIE, format!("x=1; {LANG_COOKIE}=fr").parse().unwrap());
        assert_eq!(negotiate(None, &h), Locale::Fr);
        assert_eq!(negotiate(Some(Locale::En), &h), Locale::En);
        h.insert(header::COOKIE, format!("{LANG_COOKIE}=xx").parse().unwrap());
        assert_eq!(negotiate(None, &h), Locale::De, "an unknown cookie value is ignored");
    }
}
