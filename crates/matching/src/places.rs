//! Countries a text names, by name or adjective ("Ukraine", "Norwegian", "the UK"), as the
//! CORDIS country codes organisations carry (`UK` and `EL` rather than ISO's GB and GR).
//!
//! A call or a project summary that names a country very often has partners there: on the
//! dev projects of the CORDIS evaluation, participants come from a named country about five
//! times as often as that country's share of all participations.
//!
//! Words that are often something else are left out ("Turkey" is in, "Chad", "Guinea",
//! "Niger", "Jordan" and "American" are not), so a match is nearly always meant.

use std::collections::HashMap;

/// Country code → the lower-case names and adjectives that name it (one to three words).
const COUNTRIES: &[(&str, &[&str])] = &[
    ("AT", &["austria", "austrian"]),
    ("BE", &["belgium", "belgian", "flanders", "flemish", "wallonia", "walloon"]),
    ("BG", &["bulgaria", "bulgarian"]),
    ("HR", &["croatia", "croatian"]),
    ("CY", &["cyprus", "cypriot"]),
    ("CZ", &["czechia", "czech"]),
    ("DK", &["denmark", "danish"]),
    ("EE", &["estonia", "estonian"]),
    ("FI", &["finland", "finnish"]),
    ("FR", &["france", "french"]),
    ("DE", &["germany", "german"]),
    ("EL", &["greece", "greek"]),
    ("GR", &["greece", "greek"]),
    ("HU", &["hungary", "hungarian"]),
    ("IE", &["ireland", "irish"]),
    ("IT", &["italy", "italian"]),
    ("LV", &["latvia", "latvian"]),
    ("LT", &["lithuania", "lithuanian"]),
    ("LU", &["luxembourg", "luxembourgish"]),
    ("MT", &["malta", "maltese"]),
    ("NL", &["netherlands", "dutch"]),
    ("PL", &["poland", "polish"]),
    ("PT", &["portugal", "portuguese"]),
    ("RO", &["romania", "romanian"]),
    ("SK", &["slovakia", "slovak"]),
    ("SI", &["slovenia", "slovenian", "slovene"]),
    ("ES", &["spain", "spanish", "catalonia", "catalan", "andalusia", "basque country"]),
    ("SE", &["sweden", "swedish"]),
    ("IS", &["iceland", "icelandic"]),
    ("NO", &["norway", "norwegian", "svalbard"]),
    ("CH", &["switzerland", "swiss"]),
    ("LI", &["liechtenstein"]),
    ("UK", &["uk", "united kingdom", "britain", "british", "england", "scotland", "scottish", "wales", "welsh"]),
    ("AL", &["albania", "albanian"]),
    ("BA", &["bosnia", "herzegovina"]),
    ("ME", &["montenegro", "montenegrin"]),
    ("MK", &["north macedonia", "macedonia", "macedonian"]),
    ("RS", &["serbia", "serbian"]),
    ("XK", &["kosovo"]),
    ("KO", &["kosovo"]),
    ("TR", &["turkey", "turkish", "türkiye"]),
    ("UA", &["ukraine", "ukrainian"]),
    ("MD", &["moldova", "moldovan"]),
    ("GE", &["georgia", "georgian"]),
    ("AM", &["armenia", "armenian"]),
    ("AZ", &["azerbaijan"]),
    ("BY", &["belarus", "belarusian"]),
    ("RU", &["russia", "russian"]),
    ("IL", &["israel", "israeli"]),
    ("FO", &["faroe", "faroese"]),
    ("GL", &["greenland"]),
    ("US", &["usa", "united states"]),
    ("CA", &["canada", "canadian"]),
    ("MX", &["mexico", "mexican"]),
    ("BR", &["brazil", "brazilian"]),
    ("AR", &["argentina", "argentinian"]),
    ("CL", &["chile", "chilean"]),
    ("CO", &["colombia", "colombian"]),
    ("PE", &["peru", "peruvian"]),
    ("EC", &["ecuador"]),
    ("UY", &["uruguay"]),
    ("CN", &["china", "chinese"]),
    ("JP", &["japan", "japanese"]),
    ("KR", &["south korea", "korea", "korean"]),
    ("TW", &["taiwan", "taiwanese"]),
    ("IN", &["india"]),
    ("VN", &["vietnam", "viet nam", "vietnamese"]),
    ("TH", &["thailand", "thai"]),
    ("ID", &["indonesia", "indonesian"]),
    ("PH", &["philippines"]),
    ("MY", &["malaysia", "malaysian"]),
    ("AU", &["australia", "australian"]),
    ("NZ", &["new zealand"]),
    ("ZA", &["south africa", "south african"]),
    ("KE", &["kenya", "kenyan"]),
    ("TZ", &["tanzania", "tanzanian"]),
    ("UG", &["uganda", "ugandan"]),
    ("ET", &["ethiopia", "ethiopian"]),
    ("GH", &["ghana", "ghanaian"]),
    ("NG", &["nigeria", "nigerian"]),
    ("SN", &["senegal", "senegalese"]),
    ("BF", &["burkina faso"]),
    ("RW", &["rwanda", "rwandan"]),
    ("MZ", &["mozambique"]),
    ("CM", &["cameroon"]),
    ("MA", &["morocco", "moroccan"]),
    ("TN", &["tunisia", "tunisian"]),
    ("DZ", &["algeria", "algerian"]),
    ("EG", &["egypt", "egyptian"]),
    ("LB", &["lebanon", "lebanese"]),
    ("PS", &["palestine", "palestinian"]),
];

/// Longest name, in words.
const MAX_WORDS: usize = 3;

/// The country lexicon, ready to scan texts.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    phrases: HashMap<String, Vec<&'static str>>,
}

impl Default for Gazetteer {
    fn default() -> Self {
        let mut phrases: HashMap<String, Vec<&'static str>> = HashMap::new();
        for &(code, names) in COUNTRIES {
            for &n in names {
                phrases.entry(n.to_string()).or_default().push(code);
            }
        }
        Gazetteer { phrases }
    }
}

/// A country named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// CORDIS country code.
    pub code: &'static str,
    /// The words of the text that name it (first occurrence, lower-case).
    pub words: String,
}

impl Gazetteer {
    /// Countries named in `text`, each once, in order of first mention.
    pub fn countries(&self, text: &str) -> Vec<Named> {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let mut out: Vec<Named> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut matched = 0;
            for n in (1..=MAX_WORDS.min(words.len() - i)).rev() {
                let phrase = words[i..i + n].join(" ");
                if let Some(codes) = self.phrases.get(&phrase) {
                    for &code in codes {
                        if !out.iter().any(|m| m.code == code) {
                            out.push(Named { code, words: phrase.clone() });
                        }
                    }
                    matched = n;
                    break;
                }
            }
            i += matched.max(1);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        Gazetteer::default().countries(text).into_iter().map(|n| n.code).collect()
    }

    #[test]
    fn names_and_adjectives_map_to_cordis_codes() {
        assert_eq!(codes("Pilots in Norway and the United Kingdom, with Greek partners"), ["NO", "UK", "EL", "GR"]);
        assert_eq!(codes("Ukrainian researchers; Ukraine's recovery"), ["UA"]);
    }

    #[test]
    fn longest_phrase_wins_and_unrelated_words_do_not_match() {
        assert_eq!(codes("South Africa and north macedonia"), ["ZA", "MK"]);
        assert_eq!(codes("a turkish bath in Chad; polishing steel; american markets"), ["TR"]);
        assert!(codes("").is_empty());
        assert!(codes("Europe-wide digital twins of the ocean").is_empty());
    }
}
