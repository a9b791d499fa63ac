//! Countries a text names, by name or adjective ("Ukraine", "Norwegian", "the UK"), by a city
//! ("Ljubljana") or as part of a region ("the Baltic states"), as CORDIS country codes (`UK`,
//! `EL`, `XK`); [`same_country`] matches them with the codes the same country also goes by (ISO's
//! `GB` and `GR`, CORDIS's older `KO`), since the app stores ISO codes and the CORDIS files use both.
//!
//! A call or a project summary that names a country very often has partners there: on the
//! tuning half of the CORDIS evaluation's dev projects (id ≡ 0 mod 4), participants come from a
//! country the objective names 5.1 times as often as that country's share of the participations,
//! from a city's country 4.3 times and from a region's countries 3.7 times.
//!
//! Words that are often something else are left out ("Chad", "Guinea", "Niger", "Jordan",
//! "American"), or count only when capitalised ("Polish", "Turkey", "Georgia"); fixed phrases
//! that name no place are skipped ("Norway spruce", "African swine fever", "New South Wales"), and
//! so is a city that names a treaty or a process ("the Paris Agreement", "the Bologna process")
//! or a city's name written as an acronym in running text ("ROME", "SOFIA").

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
    ("DE", &["germany", "german", "bavaria", "bavarian"]),
    ("EL", &["greece", "greek", "central macedonia", "western macedonia", "eastern macedonia"]),
    ("HU", &["hungary", "hungarian"]),
    ("IE", &["ireland", "irish"]),
    ("IT", &["italy", "italian"]),
    ("LV", &["latvia", "latvian"]),
    ("LT", &["lithuania", "lithuanian"]),
    ("LU", &["luxembourg", "luxembourgish"]),
    ("MT", &["malta", "maltese"]),
    ("NL", &["netherlands", "dutch", "holland"]),
    ("PL", &["poland", "polish"]),
    ("PT", &["portugal", "portuguese"]),
    ("RO", &["romania", "romanian"]),
    ("SK", &["slovakia", "slovak", "slovakian"]),
    ("SI", &["slovenia", "slovenian", "slovene"]),
    ("ES", &["spain", "spanish", "catalonia", "catalan", "andalusia", "andalucia", "andalucía", "basque country"]),
    ("SE", &["sweden", "swedish"]),
    ("IS", &["iceland", "icelandic"]),
    ("NO", &["norway", "norwegian", "svalbard"]),
    ("CH", &["switzerland", "swiss"]),
    ("LI", &["liechtenstein"]),
    ("MC", &["monaco"]),
    (
        "UK",
        &[
            "uk",
            "united kingdom",
            "britain",
            "british",
            "england",
            "scotland",
            "scottish",
            "wales",
            "welsh",
            "northern ireland",
            "northern irish",
        ],
    ),
    ("AL", &["albania", "albanian"]),
    ("BA", &["bosnia", "herzegovina", "bosnian"]),
    ("ME", &["montenegro", "montenegrin"]),
    ("MK", &["north macedonia", "macedonia", "macedonian"]),
    ("RS", &["serbia", "serbian"]),
    ("XK", &["kosovo", "kosovar"]),
    ("TR", &["turkey", "turkish", "türkiye"]),
    ("UA", &["ukraine", "ukrainian"]),
    ("MD", &["moldova", "moldovan"]),
    ("GE", &["georgia", "georgian"]),
    ("AM", &["armenia", "armenian"]),
    ("AZ", &["azerbaijan", "azerbaijani"]),
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

/// Cities that name their country (capitals and large research cities whose names are
/// seldom anything else).
const CITIES: &[(&str, &[&str])] = &[
    ("AT", &["vienna", "graz", "innsbruck", "linz", "salzburg"]),
    ("BE", &["brussels", "antwerp", "ghent", "leuven", "liège", "liege"]),
    ("BG", &["sofia", "plovdiv", "varna"]),
    ("HR", &["zagreb", "rijeka"]),
    ("CY", &["nicosia", "limassol"]),
    ("CZ", &["prague", "brno", "ostrava"]),
    ("DK", &["copenhagen", "aarhus", "aalborg"]),
    ("EE", &["tallinn", "tartu"]),
    ("FI", &["helsinki", "tampere", "espoo", "oulu", "turku"]),
    ("FR", &["paris", "lyon", "marseille", "toulouse", "grenoble", "bordeaux", "nantes", "lille", "strasbourg"]),
    ("DE", &["berlin", "munich", "hamburg", "cologne", "frankfurt", "stuttgart", "dresden", "aachen", "karlsruhe"]),
    ("EL", &["athens", "thessaloniki", "crete", "patras"]),
    ("HU", &["budapest", "debrecen", "szeged"]),
    ("IE", &["dublin", "galway", "limerick"]),
    ("IT", &["rome", "milan", "turin", "naples", "venice", "florence", "bologna", "genoa", "sicily", "sardinia"]),
    ("LV", &["riga"]),
    ("LT", &["vilnius", "kaunas"]),
    ("NL", &["amsterdam", "rotterdam", "utrecht", "eindhoven", "delft", "groningen", "leiden"]),
    (
        "PL",
        &["warsaw", "krakow", "kraków", "gdansk", "gdańsk", "wroclaw", "wrocław", "poznan", "poznań", "lodz", "łódź"],
    ),
    ("PT", &["lisbon", "porto", "coimbra", "azores", "madeira"]),
    ("RO", &["bucharest", "cluj", "iasi", "iași", "iaşi", "timisoara", "timișoara", "timişoara"]),
    ("SK", &["bratislava", "kosice", "košice"]),
    ("SI", &["ljubljana", "maribor"]),
    ("ES", &["madrid", "barcelona", "valencia", "seville", "bilbao", "zaragoza", "canary islands"]),
    ("SE", &["stockholm", "gothenburg", "uppsala", "lund", "malmö", "malmo"]),
    ("IS", &["reykjavik", "reykjavík"]),
    ("NO", &["oslo", "bergen", "trondheim", "tromsø", "tromso", "stavanger"]),
    ("CH", &["zurich", "zürich", "geneva", "basel", "lausanne", "bern"]),
    ("UK", &["london", "edinburgh", "manchester", "glasgow", "birmingham"]),
    ("RS", &["belgrade", "novi sad"]),
    ("UA", &["kyiv", "kiev", "kharkiv", "lviv", "odesa", "odessa"]),
    ("TR", &["istanbul", "ankara", "izmir"]),
    ("IL", &["tel aviv", "jerusalem", "haifa"]),
];

/// Phrases that contain a name but do not name a place: species, diseases, places elsewhere.
const NOT_PLACES: &[&str] = &[
    "norway spruce",
    "norway rat",
    "norway lobster",
    "norway maple",
    "chinese hamster",
    "japanese knotweed",
    "japanese encephalitis",
    "japanese beetle",
    "african swine fever",
    "african horse sickness",
    "spanish flu",
    "dutch elm",
    "bordeaux mixture",
    "brussels sprouts",
    "german cockroach",
    "new south wales",
    "new england",
    "british columbia",
    "north korea",
    "georgia tech",
    "paris climate agreement",
    "paris climate accord",
];

/// Names that count only when written with a capital: in lower case they are usually a
/// verb, a bird, porcelain, a pepper or a first name.
const CAPITALISED_ONLY: &[&str] = &["polish", "turkey", "china", "chile", "georgia", "sofia", "florence"];

/// A city followed by one of these words names a treaty, a convention or a process, not a
/// place ("the Paris Agreement", "the Bologna process", "the Aarhus Convention"); so does a city
/// after "<word> of" ("the Declaration of Helsinki").
const POLICY_WORDS: &[&str] = &[
    "accord",
    "agenda",
    "agreement",
    "aligned",
    "consensus",
    "convention",
    "conventions",
    "criteria",
    "declaration",
    "principles",
    "process",
    "protocol",
    "regulation",
    "strategy",
    "treaty",
];

/// Whether two country codes name the same country (`UK` and ISO's `GB`, `EL` and `GR`, `XK`
/// and CORDIS's older `KO`).
pub fn same_country(a: &str, b: &str) -> bool {
    let canonical = |c| match c {
        "GB" => "UK",
        "GR" => "EL",
        "KO" => "XK",
        c => c,
    };
    canonical(a) == canonical(b)
}

/// Regions, by the names that name them, and the countries each includes; each of these
/// counts for less than a country named outright ([`crate::engine::Params::region_share`]).
const REGIONS: &[(&[&str], &[&str])] = &[
    (&["nordic"], &["DK", "FI", "IS", "NO", "SE"]),
    (&["scandinavia", "scandinavian"], &["DK", "NO", "SE"]),
    (&["baltic sea"], &["FI", "SE", "DE", "PL", "DK", "EE", "LV", "LT"]),
    (&["baltic states", "baltic countries", "baltic"], &["EE", "LV", "LT"]),
    (&["western balkans"], &["AL", "BA", "ME", "MK", "RS", "XK"]),
    (&["balkans", "balkan"], &["AL", "BA", "ME", "MK", "RS", "XK", "HR", "SI", "BG"]),
    (&["danube"], &["DE", "AT", "SK", "HU", "HR", "RS", "RO", "BG", "UA", "MD"]),
    (&["alpine", "alps"], &["AT", "CH", "DE", "FR", "IT", "SI", "LI"]),
    (&["iberian"], &["ES", "PT"]),
    (&["benelux"], &["BE", "NL", "LU"]),
    (&["eastern partnership"], &["UA", "MD", "GE", "AM", "AZ"]),
    (
        &["africa", "african"],
        &["ZA", "KE", "TZ", "UG", "ET", "GH", "NG", "SN", "BF", "RW", "MZ", "CM", "MA", "TN", "DZ", "EG"],
    ),
    (&["north africa", "north african"], &["MA", "DZ", "TN", "EG"]),
    (&["latin america", "latin american"], &["BR", "AR", "CL", "CO", "PE", "MX", "EC", "UY"]),
    (&["arctic"], &["NO", "IS", "FI", "SE", "DK", "GL", "FO", "CA"]),
];

/// Longest name, in words.
const MAX_WORDS: usize = 3;

/// What a lexicon phrase names: its countries, and what kind of name it is.
type Entry = (Vec<&'static str>, Kind);

/// The country lexicon, ready to scan texts.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    phrases: HashMap<String, Entry>,
}

impl Default for Gazetteer {
    /// Countries, cities and regions.
    fn default() -> Self {
        Gazetteer::new(true)
    }
}

impl Gazetteer {
    /// Countries and regions, and cities when `cities` is set.
    pub fn new(cities: bool) -> Self {
        let mut phrases: HashMap<String, Entry> = HashMap::new();
        let cities = if cities { CITIES } else { &[] };
        for (table, kind) in [(COUNTRIES, Kind::Country), (cities, Kind::City)] {
            for &(code, names) in table {
                for &n in names {
                    phrases.entry(n.to_string()).or_insert_with(|| (Vec::new(), kind)).0.push(code);
                }
            }
        }
        for &(names, codes) in REGIONS {
            for &n in names {
                phrases.insert(n.to_string(), (codes.to_vec(), Kind::Region));
            }
        }
        for &n in NOT_PLACES {
            phrases.insert(n.to_string(), (Vec::new(), Kind::Nothing));
        }
        Gazetteer { phrases }
    }
}

/// A country named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// CORDIS country code.
    pub code: &'static str,
    /// The words (lower-case) that name it: the first that name it outright, else the first
    /// region that includes it.
    pub words: String,
    /// Named only as part of a region ("Nordic", "the Western Balkans").
    pub region: bool,
}

/// A word of the scanned text.
struct Word {
    /// Lower-case, combining marks removed ("İzmir" → "izmir", "Lie\u{300}ge" → "liege").
    lower: String,
    capitalised: bool,
    /// All letters upper-case and at least four of them (an acronym, unless the text shouts).
    acronym: bool,
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The words of `text`, in sentences: a name never runs across `.`, `;`, `:`, `!`, `?` or a
/// line break.
fn sentences(text: &str) -> Vec<Vec<Word>> {
    text.split(['.', ';', ':', '!', '?', '\n'])
        .map(|sentence| {
            sentence
                .split(|c: char| !c.is_alphanumeric() && !is_combining(c))
                .filter(|w| !w.is_empty())
                .map(|w| Word {
                    lower: w.to_lowercase().chars().filter(|&c| !is_combining(c)).collect(),
                    capitalised: w.chars().next().is_some_and(char::is_uppercase),
                    acronym: w.chars().filter(|c| c.is_alphabetic()).count() >= 4
                        && w.chars().all(|c| !c.is_lowercase()),
                })
                .collect()
        })
        .collect()
}

/// What a phrase of the lexicon names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Country,
    City,
    Region,
    /// A fixed phrase that names no place.
    Nothing,
}

impl Gazetteer {
    /// Countries named in `text`, each once, in order of first mention; a country named
    /// outright anywhere is not also counted as named by a region.
    pub fn countries(&self, text: &str) -> Vec<Named> {
        let sentences = sentences(text);
        let words = sentences.iter().map(Vec::len).sum::<usize>().max(1);
        // A text mostly in capitals (some titles are) has no acronyms to tell apart.
        let shouting = sentences.iter().flatten().filter(|w| w.acronym).count() * 2 > words;
        let mut out: Vec<Named> = Vec::new();
        for words in &sentences {
            let mut i = 0;
            while i < words.len() {
                let Some((n, phrase, (codes, kind))) = self.longest_at(words, i) else {
                    i += 1;
                    continue;
                };
                if !names_no_place(words, i, n, &phrase, *kind, shouting) {
                    for &code in codes {
                        note(&mut out, code, &phrase, *kind == Kind::Region);
                    }
                }
                i += n;
            }
        }
        out
    }

    /// The longest lexicon phrase that starts at word `i`: its length in words, the phrase,
    /// and what it names.
    fn longest_at(&self, words: &[Word], i: usize) -> Option<(usize, String, &Entry)> {
        (1..=MAX_WORDS.min(words.len() - i)).rev().find_map(|n| {
            let phrase = words[i..i + n].iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ");
            self.phrases.get(&phrase).map(|entry| (n, phrase, entry))
        })
    }
}

/// Whether the lexicon phrase of `n` words at word `i` names no place here: a fixed phrase
/// that names none, an ambiguous name not capitalised, a city's name written as an acronym, a
/// city that names a treaty or a process.
fn names_no_place(words: &[Word], i: usize, n: usize, phrase: &str, kind: Kind, shouting: bool) -> bool {
    let first = &words[i];
    let policy = |w: Option<&Word>| w.is_some_and(|w| POLICY_WORDS.contains(&w.lower.as_str()));
    match kind {
        Kind::Nothing => true,
        _ if CAPITALISED_ONLY.contains(&phrase) && !first.capitalised => true,
        _ if n == 1 && first.acronym && !shouting && phrase != "usa" => true,
        Kind::City => policy(words.get(i + n)) || (i >= 2 && words[i - 1].lower == "of" && policy(words.get(i - 2))),
        _ => false,
    }
}

/// Records that `phrase` names the country `code`; a name outright replaces a region's.
fn note(out: &mut Vec<Named>, code: &'static str, phrase: &str, region: bool) {
    match out.iter_mut().find(|m| m.code == code) {
        Some(m) if m.region && !region => *m = Named { code, words: phrase.to_string(), region: false },
        Some(_) => {}
        None => out.push(Named { code, words: phrase.to_string(), region }),
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
        assert_eq!(codes("Pilots in Norway and the United Kingdom, with Greek partners"), ["NO", "UK", "EL"]);
        assert_eq!(codes("Ukrainian researchers; Ukraine's recovery"), ["UA"]);
        assert_eq!(codes("Belfast, Northern Ireland and Kosovar schools"), ["UK", "XK"]);
        assert!(same_country("UK", "GB") && same_country("GR", "EL") && same_country("KO", "XK"));
        assert!(!same_country("UK", "IE"));
    }

    #[test]
    fn longest_phrase_wins_and_unrelated_words_do_not_match() {
        assert_eq!(codes("South Africa and north macedonia"), ["ZA", "MK"]);
        assert_eq!(codes("a Turkish bath in Chad; american markets"), ["TR"]);
        assert!(codes("").is_empty());
        assert!(codes("Europe-wide digital twins of the ocean").is_empty());
        assert!(codes("Norway spruce stands hit by African swine fever and the Spanish flu").is_empty());
        assert!(codes("New South Wales and British Columbia").is_empty());
    }

    #[test]
    fn ambiguous_names_count_only_when_written_as_names() {
        assert!(codes("polish the lens; roast turkey; fine china").is_empty());
        assert_eq!(codes("Polish and Turkish partners"), ["PL", "TR"]);
        assert!(codes("the ROME and SOFIA instruments").is_empty(), "acronyms in running text");
        assert_eq!(codes("PILOTS IN ROME AND SOFIA"), ["IT", "BG"], "a title in capitals still names places");
        assert_eq!(codes("partners in the USA"), ["US"]);
    }

    #[test]
    fn treaties_and_processes_named_after_cities_are_not_places() {
        assert!(codes("meeting the goals of the Paris Agreement, the Paris climate agreement").is_empty());
        assert!(codes("the Bologna process, the Aarhus Convention and the Declaration of Helsinki").is_empty());
        assert!(codes("Paris-aligned portfolios").is_empty());
        assert_eq!(codes("a living lab in Paris"), ["FR"]);
    }

    #[test]
    fn names_do_not_run_across_sentences_and_accents_fold() {
        let named = Gazetteer::default().countries("We work in the south. Africa comes next");
        let za = named.iter().find(|n| n.code == "ZA").unwrap();
        assert!(za.region && za.words == "africa", "not South Africa: {za:?}");
        assert_eq!(codes("İzmir and Lie\u{300}ge"), ["TR", "BE"]);
    }

    #[test]
    fn cities_name_their_country_and_regions_name_several() {
        let named = Gazetteer::default().countries("Pilots in Lisbon and across the Baltic states, led from Riga");
        let got: Vec<(&str, bool)> = named.iter().map(|n| (n.code, n.region)).collect();
        assert_eq!(got, [("PT", false), ("EE", true), ("LV", false), ("LT", true)]);
        assert_eq!(named[2].words, "riga", "a country named outright keeps the words that named it");
        assert!(Gazetteer::new(false).countries("Pilots in Lisbon").is_empty(), "cities can be left out");
    }
}
