//! Countries a text names, by name or adjective ("Ukraine", "Norwegian", "the UK"), by a city
//! ("Ljubljana") or as part of a region ("the Baltic states"), as the CORDIS country codes
//! organisations carry (`UK` and `EL` rather than ISO's GB and GR).
//!
//! A call or a project summary that names a country very often has partners there: on the
//! tuning half of the CORDIS evaluation's dev projects (id ≡ 0 mod 4), participants come from a
//! country the objective names 5.1 times as often as that country's share of the participations,
//! from a city's country 4.3 times and from a region's countries 3.7 times.
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
    ("GR", &["athens", "thessaloniki", "crete", "patras"]),
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
    ("RO", &["bucharest", "cluj", "iasi", "iași", "timisoara", "timișoara"]),
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

/// Phrases that contain a name but do not name a place ("the Paris Agreement").
const NOT_PLACES: &[&str] = &["paris agreement", "paris climate agreement"];

/// Regions that name several countries; each of them counts for less than a country named
/// outright ([`crate::engine::Params::region_share`]).
const REGIONS: &[(&str, &[&str])] = &[
    ("nordic", &["DK", "FI", "IS", "NO", "SE"]),
    ("scandinavia", &["DK", "NO", "SE"]),
    ("scandinavian", &["DK", "NO", "SE"]),
    ("baltic states", &["EE", "LV", "LT"]),
    ("baltic countries", &["EE", "LV", "LT"]),
    ("baltic", &["EE", "LV", "LT"]),
    ("western balkans", &["AL", "BA", "ME", "MK", "RS", "XK"]),
    ("balkans", &["AL", "BA", "ME", "MK", "RS", "XK", "HR", "SI", "BG"]),
    ("balkan", &["AL", "BA", "ME", "MK", "RS", "XK", "HR", "SI", "BG"]),
    ("danube", &["DE", "AT", "SK", "HU", "HR", "RS", "RO", "BG", "UA", "MD"]),
    ("alpine", &["AT", "CH", "DE", "FR", "IT", "SI", "LI"]),
    ("alps", &["AT", "CH", "DE", "FR", "IT", "SI", "LI"]),
    ("iberian", &["ES", "PT"]),
    ("benelux", &["BE", "NL", "LU"]),
    ("eastern partnership", &["UA", "MD", "GE", "AM", "AZ"]),
    ("africa", &["ZA", "KE", "TZ", "UG", "ET", "GH", "NG", "SN", "BF", "RW", "MZ", "CM", "MA", "TN", "DZ", "EG"]),
    ("african", &["ZA", "KE", "TZ", "UG", "ET", "GH", "NG", "SN", "BF", "RW", "MZ", "CM", "MA", "TN", "DZ", "EG"]),
    ("latin america", &["BR", "AR", "CL", "CO", "PE", "MX", "EC", "UY"]),
    ("latin american", &["BR", "AR", "CL", "CO", "PE", "MX", "EC", "UY"]),
    ("arctic", &["NO", "IS", "FI", "SE", "DK", "GL", "FO", "CA"]),
];

/// Longest name, in words.
const MAX_WORDS: usize = 3;

/// The country lexicon, ready to scan texts.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// Phrase → the countries it names, and whether it names them as part of a region.
    phrases: HashMap<String, (Vec<&'static str>, bool)>,
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
        let mut phrases: HashMap<String, (Vec<&'static str>, bool)> = HashMap::new();
        let cities = if cities { CITIES } else { &[] };
        for &(code, names) in COUNTRIES.iter().chain(cities) {
            for &n in names {
                phrases.entry(n.to_string()).or_default().0.push(code);
            }
        }
        for &(name, codes) in REGIONS {
            phrases.insert(name.to_string(), (codes.to_vec(), true));
        }
        for &n in NOT_PLACES {
            phrases.insert(n.to_string(), (Vec::new(), false));
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
    /// Named only as part of a region ("Nordic", "the Western Balkans").
    pub region: bool,
}

impl Gazetteer {
    /// Countries named in `text`, each once, in order of first mention; a country named
    /// outright anywhere is not also counted as named by a region.
    pub fn countries(&self, text: &str) -> Vec<Named> {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let mut out: Vec<Named> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut matched = 0;
            for n in (1..=MAX_WORDS.min(words.len() - i)).rev() {
                let phrase = words[i..i + n].join(" ");
                if let Some((codes, region)) = self.phrases.get(&phrase) {
                    for &code in codes {
                        match out.iter_mut().find(|m| m.code == code) {
                            Some(m) if m.region && !region => {
                                *m = Named { code, words: phrase.clone(), region: false };
                            }
                            Some(_) => {}
                            None => out.push(Named { code, words: phrase.clone(), region: *region }),
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
        assert!(codes("meeting the goals of the Paris Agreement").is_empty());
    }

    #[test]
    fn cities_name_their_country_and_regions_name_several() {
        let named = Gazetteer::default().countries("Pilots in Lisbon and across the Baltic states, led from Riga");
        let got: Vec<(&str, bool)> = named.iter().map(|n| (n.code, n.region)).collect();
        assert_eq!(got, [("PT", false), ("EE", true), ("LV", false), ("LT", true)]);
        assert_eq!(named[2].words, "riga", "a country named outright keeps the words that named it");
    }
}
