//! Countries a text names, by name or adjective ("Ukraine", "Norwegian", "the UK"), by a city
//! ("Ljubljana") or as part of a region ("the Baltic states"), in English, French or German
//! ("Norvège", "norwegische", "Pays baltes", "Westbalkan"; accents folded, German adjectives with
//! every ending, French ones in the plural too), as CORDIS country codes (`UK`,
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

use domain::text::fold_lower;

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

/// French names and adjectives of the countries of [`COUNTRIES`] (lower case; hyphens are word
/// breaks: "Royaume-Uni" is "royaume uni"). Adjectives in the masculine and feminine; plurals are
/// added ("norvégiens"). The language's own word for itself ("anglais") is left out: it names a
/// language more often than a country.
const COUNTRIES_FR: &[(&str, &[&str])] = &[
    ("AT", &["autriche", "autrichien", "autrichienne"]),
    ("BE", &["belgique", "belge", "flandre", "flamand", "flamande", "wallonie", "wallon", "wallonne"]),
    ("BG", &["bulgarie", "bulgare"]),
    ("HR", &["croatie", "croate"]),
    ("CY", &["chypre", "chypriote"]),
    ("CZ", &["tchéquie", "république tchèque", "tchèque"]),
    ("DK", &["danemark", "danois", "danoise"]),
    ("EE", &["estonie", "estonien", "estonienne"]),
    ("FI", &["finlande", "finlandais", "finlandaise"]),
    ("FR", &["france", "français", "française"]),
    ("DE", &["allemagne", "allemand", "allemande", "bavière", "bavarois", "bavaroise"]),
    ("EL", &["grèce", "grec", "grecque"]),
    ("HU", &["hongrie", "hongrois", "hongroise"]),
    ("IE", &["irlande", "irlandais", "irlandaise"]),
    ("IT", &["italie", "italien", "italienne"]),
    ("LV", &["lettonie", "letton", "lettone"]),
    ("LT", &["lituanie", "lituanien", "lituanienne"]),
    ("LU", &["luxembourgeois", "luxembourgeoise"]),
    ("MT", &["malte", "maltais", "maltaise"]),
    ("NL", &["pays bas", "néerlandais", "néerlandaise", "hollande"]),
    ("PL", &["pologne", "polonais", "polonaise"]),
    ("PT", &["portugais", "portugaise"]),
    ("RO", &["roumanie", "roumain", "roumaine"]),
    ("SK", &["slovaquie", "slovaque"]),
    ("SI", &["slovénie", "slovène"]),
    ("ES", &["espagne", "espagnol", "espagnole", "catalogne", "catalan", "catalane", "andalousie", "pays basque"]),
    ("SE", &["suède", "suédois", "suédoise"]),
    ("IS", &["islande", "islandais", "islandaise"]),
    ("NO", &["norvège", "norvégien", "norvégienne"]),
    ("CH", &["suisse"]),
    (
        "UK",
        &[
            "royaume uni",
            "grande bretagne",
            "britannique",
            "angleterre",
            "écosse",
            "écossais",
            "écossaise",
            "pays de galles",
            "gallois",
            "galloise",
            "irlande du nord",
        ],
    ),
    ("AL", &["albanie", "albanais", "albanaise"]),
    ("BA", &["bosnie", "herzégovine", "bosnien", "bosnienne"]),
    ("ME", &["monténégro", "monténégrin", "monténégrine"]),
    ("MK", &["macédoine du nord", "macédoine", "macédonien", "macédonienne"]),
    ("RS", &["serbie", "serbe"]),
    ("TR", &["turquie", "turc", "turque"]),
    ("UA", &["ukrainien", "ukrainienne"]),
    ("MD", &["moldavie", "moldave"]),
    ("GE", &["géorgie", "géorgien", "géorgienne"]),
    ("AM", &["arménie", "arménien", "arménienne"]),
    ("AZ", &["azerbaïdjan", "azerbaïdjanais", "azerbaïdjanaise"]),
    ("BY", &["biélorussie", "bélarus", "biélorusse"]),
    ("RU", &["russie", "russe"]),
    ("IL", &["israël", "israélien", "israélienne"]),
    ("FO", &["féroé"]),
    ("GL", &["groenland"]),
    ("US", &["états unis"]),
    ("CA", &["canadien", "canadienne"]),
    ("MX", &["mexique", "mexicain", "mexicaine"]),
    ("BR", &["brésil", "brésilien", "brésilienne"]),
    ("AR", &["argentine", "argentin"]),
    ("CL", &["chilien", "chilienne"]),
    ("CO", &["colombie", "colombien", "colombienne"]),
    ("PE", &["pérou", "péruvien", "péruvienne"]),
    ("CN", &["chine", "chinois", "chinoise"]),
    ("JP", &["japon", "japonais", "japonaise"]),
    ("KR", &["corée du sud", "corée", "coréen", "coréenne"]),
    ("TW", &["taïwan", "taïwanais", "taïwanaise"]),
    ("IN", &["inde"]),
    ("VN", &["viêt nam", "vietnamien", "vietnamienne"]),
    ("TH", &["thaïlande", "thaïlandais", "thaïlandaise"]),
    ("ID", &["indonésie", "indonésien", "indonésienne"]),
    ("MY", &["malaisie"]),
    ("AU", &["australie", "australien", "australienne"]),
    ("NZ", &["nouvelle zélande"]),
    ("ZA", &["afrique du sud", "sud africain", "sud africaine"]),
    ("KE", &["kenyan", "kenyane"]),
    ("TZ", &["tanzanie"]),
    ("UG", &["ouganda"]),
    ("ET", &["éthiopie", "éthiopien", "éthiopienne"]),
    ("NG", &["nigéria", "nigérian", "nigériane"]),
    ("SN", &["sénégal", "sénégalais", "sénégalaise"]),
    ("CM", &["cameroun"]),
    ("MA", &["maroc", "marocain", "marocaine"]),
    ("TN", &["tunisie", "tunisien", "tunisienne"]),
    ("DZ", &["algérie", "algérien", "algérienne"]),
    ("EG", &["égypte", "égyptien", "égyptienne"]),
    ("LB", &["liban", "libanais", "libanaise"]),
    ("PS", &["palestinien", "palestinienne"]),
];

/// German names of the countries of [`COUNTRIES`]. "Island" (Iceland) is left out: in English
/// text it is an island.
const COUNTRIES_DE: &[(&str, &[&str])] = &[
    ("AT", &["österreich"]),
    ("BE", &["belgien", "flandern", "wallonien"]),
    ("BG", &["bulgarien"]),
    ("HR", &["kroatien"]),
    ("CY", &["zypern"]),
    ("CZ", &["tschechien", "tschechische republik"]),
    ("DK", &["dänemark"]),
    ("EE", &["estland"]),
    ("FI", &["finnland"]),
    ("FR", &["frankreich"]),
    ("DE", &["deutschland", "bayern"]),
    ("EL", &["griechenland"]),
    ("HU", &["ungarn"]),
    ("IE", &["irland"]),
    ("IT", &["italien"]),
    ("LV", &["lettland"]),
    ("LT", &["litauen"]),
    ("LU", &["luxemburg"]),
    ("NL", &["niederlande"]),
    ("PL", &["polen"]),
    ("RO", &["rumänien"]),
    ("SK", &["slowakei"]),
    ("SI", &["slowenien"]),
    ("ES", &["spanien", "katalonien", "andalusien", "baskenland"]),
    ("SE", &["schweden"]),
    ("NO", &["norwegen", "spitzbergen"]),
    ("CH", &["schweiz", "schweizer"]),
    ("UK", &["vereinigtes königreich", "vereinigten königreich", "großbritannien", "schottland", "nordirland"]),
    ("AL", &["albanien"]),
    ("BA", &["bosnien", "herzegowina"]),
    ("MK", &["nordmazedonien", "mazedonien"]),
    ("RS", &["serbien"]),
    ("TR", &["türkei"]),
    ("MD", &["republik moldau", "moldau"]),
    ("GE", &["georgien"]),
    ("AM", &["armenien"]),
    ("AZ", &["aserbaidschan"]),
    ("BY", &["weißrussland"]),
    ("RU", &["russland"]),
    ("FO", &["färöer"]),
    ("GL", &["grönland"]),
    ("US", &["vereinigte staaten", "vereinigten staaten"]),
    ("CA", &["kanada"]),
    ("MX", &["mexiko"]),
    ("BR", &["brasilien"]),
    ("AR", &["argentinien"]),
    ("CO", &["kolumbien"]),
    ("KR", &["südkorea"]),
    ("IN", &["indien"]),
    ("ID", &["indonesien"]),
    ("PH", &["philippinen"]),
    ("AU", &["australien"]),
    ("NZ", &["neuseeland"]),
    ("ZA", &["südafrika"]),
    ("KE", &["kenia"]),
    ("TZ", &["tansania"]),
    ("ET", &["äthiopien"]),
    ("RW", &["ruanda"]),
    ("MZ", &["mosambik"]),
    ("CM", &["kamerun"]),
    ("MA", &["marokko"]),
    ("TN", &["tunesien"]),
    ("DZ", &["algerien"]),
    ("EG", &["ägypten"]),
    ("PS", &["palästina"]),
];

/// German adjectives of country, each declined with every ending ("norwegisch", "norwegische",
/// "norwegischen", ...). "Englisch" and "deutsch" also name languages and are left out.
const ADJECTIVES_DE: &[(&str, &[&str])] = &[
    ("AT", &["österreichisch"]),
    ("BE", &["belgisch", "flämisch", "wallonisch"]),
    ("BG", &["bulgarisch"]),
    ("HR", &["kroatisch"]),
    ("CY", &["zyprisch"]),
    ("CZ", &["tschechisch"]),
    ("DK", &["dänisch"]),
    ("EE", &["estnisch"]),
    ("FI", &["finnisch"]),
    ("FR", &["französisch"]),
    ("DE", &["bayerisch"]),
    ("EL", &["griechisch"]),
    ("HU", &["ungarisch"]),
    ("IE", &["irisch"]),
    ("IT", &["italienisch"]),
    ("LV", &["lettisch"]),
    ("LT", &["litauisch"]),
    ("LU", &["luxemburgisch"]),
    ("MT", &["maltesisch"]),
    ("NL", &["niederländisch", "holländisch"]),
    ("PL", &["polnisch"]),
    ("PT", &["portugiesisch"]),
    ("RO", &["rumänisch"]),
    ("SK", &["slowakisch"]),
    ("SI", &["slowenisch"]),
    ("ES", &["spanisch", "katalanisch", "baskisch"]),
    ("SE", &["schwedisch"]),
    ("IS", &["isländisch"]),
    ("NO", &["norwegisch"]),
    ("CH", &["schweizerisch"]),
    ("UK", &["britisch", "schottisch", "walisisch", "nordirisch"]),
    ("AL", &["albanisch"]),
    ("BA", &["bosnisch"]),
    ("ME", &["montenegrinisch"]),
    ("MK", &["nordmazedonisch", "mazedonisch"]),
    ("RS", &["serbisch"]),
    ("XK", &["kosovarisch"]),
    ("TR", &["türkisch"]),
    ("UA", &["ukrainisch"]),
    ("MD", &["moldauisch"]),
    ("GE", &["georgisch"]),
    ("AM", &["armenisch"]),
    ("AZ", &["aserbaidschanisch"]),
    ("BY", &["belarussisch"]),
    ("RU", &["russisch"]),
    ("IL", &["israelisch"]),
    ("US", &["us amerikanisch"]),
    ("CA", &["kanadisch"]),
    ("MX", &["mexikanisch"]),
    ("BR", &["brasilianisch"]),
    ("AR", &["argentinisch"]),
    ("CL", &["chilenisch"]),
    ("CO", &["kolumbianisch"]),
    ("PE", &["peruanisch"]),
    ("CN", &["chinesisch"]),
    ("JP", &["japanisch"]),
    ("KR", &["südkoreanisch", "koreanisch"]),
    ("TW", &["taiwanisch"]),
    ("IN", &["indisch"]),
    ("VN", &["vietnamesisch"]),
    ("TH", &["thailändisch"]),
    ("ID", &["indonesisch"]),
    ("AU", &["australisch"]),
    ("ZA", &["südafrikanisch"]),
    ("KE", &["kenianisch"]),
    ("ET", &["äthiopisch"]),
    ("GH", &["ghanaisch"]),
    ("NG", &["nigerianisch"]),
    ("SN", &["senegalesisch"]),
    ("MA", &["marokkanisch"]),
    ("TN", &["tunesisch"]),
    ("DZ", &["algerisch"]),
    ("EG", &["ägyptisch"]),
    ("LB", &["libanesisch"]),
    ("PS", &["palästinensisch"]),
];

/// Endings of a German adjective.
const DE_ENDINGS: &[&str] = &["", "e", "em", "en", "er", "es"];

/// French and German names of cities of [`CITIES`] where they differ from the English one.
const CITIES_FR_DE: &[(&str, &[&str])] = &[
    ("AT", &["wien", "salzbourg"]),
    ("BE", &["bruxelles", "anvers", "gand", "louvain", "brüssel", "antwerpen", "gent", "lüttich"]),
    ("CY", &["nicosie", "nikosia"]),
    ("CZ", &["prag", "brünn"]),
    ("DK", &["copenhague", "kopenhagen"]),
    ("FR", &["straßburg"]),
    ("DE", &["munich", "hambourg", "francfort", "dresde", "aix la chapelle", "münchen", "köln"]),
    ("EL", &["athènes", "thessalonique", "crète", "athen", "kreta"]),
    (
        "IT",
        &[
            "turin",
            "venise",
            "bologne",
            "sicile",
            "sardaigne",
            "mailand",
            "neapel",
            "venedig",
            "florenz",
            "genua",
            "sizilien",
            "sardinien",
            "rom",
        ],
    ),
    ("NL", &["la haye", "den haag"]),
    ("PL", &["varsovie", "cracovie", "warschau", "krakau", "danzig", "breslau", "posen"]),
    ("PT", &["lisbonne", "açores", "madère", "lissabon", "azoren"]),
    ("RO", &["bucarest", "bukarest"]),
    ("ES", &["barcelone", "séville", "saragosse", "îles canaries", "sevilla", "saragossa", "kanarische inseln"]),
    ("SE", &["göteborg"]),
    ("CH", &["genève", "bâle", "berne", "genf"]),
    ("UK", &["londres", "édimbourg"]),
    ("RS", &["belgrad"]),
    ("UA", &["kiew", "charkiw", "lemberg"]),
    ("IL", &["jérusalem"]),
];

/// French and German names of the regions of [`REGIONS`].
const REGIONS_FR_DE: &[(&[&str], &[&str])] = &[
    (&["pays nordiques", "nordique", "nordiques", "nordischen länder", "nordisch"], &["DK", "FI", "IS", "NO", "SE"]),
    (&["scandinavie", "scandinave", "scandinaves", "skandinavien", "skandinavisch"], &["DK", "NO", "SE"]),
    (&["mer baltique", "ostsee", "ostseeraum", "ostseeregion"], &["FI", "SE", "DE", "PL", "DK", "EE", "LV", "LT"]),
    (
        &[
            "pays baltes",
            "états baltes",
            "baltes",
            "baltique",
            "baltikum",
            "baltische staaten",
            "baltischen staaten",
            "baltisch",
        ],
        &["EE", "LV", "LT"],
    ),
    (
        &[
            "balkans occidentaux",
            "westbalkan",
            "westbalkans",
            "westlicher balkan",
            "westlichen balkan",
            "westbalkanstaaten",
        ],
        &["AL", "BA", "ME", "MK", "RS", "XK"],
    ),
    (
        &["balkanique", "balkaniques", "balkanstaaten", "balkanländer"],
        &["AL", "BA", "ME", "MK", "RS", "XK", "HR", "SI", "BG"],
    ),
    (&["donau", "donauraum", "danubien", "danubienne"], &["DE", "AT", "SK", "HU", "HR", "RS", "RO", "BG", "UA", "MD"]),
    (&["alpes", "alpin", "alpine", "alpen", "alpenraum"], &["AT", "CH", "DE", "FR", "IT", "SI", "LI"]),
    (&["ibérique", "ibériques", "iberische halbinsel", "iberisch"], &["ES", "PT"]),
    (&["bénélux", "beneluxstaaten", "beneluxländer"], &["BE", "NL", "LU"]),
    (&["partenariat oriental", "östliche partnerschaft", "östlichen partnerschaft"], &["UA", "MD", "GE", "AM", "AZ"]),
    (
        &["afrique", "africain", "africaine", "africains", "africaines", "afrika", "afrikanisch"],
        &["ZA", "KE", "TZ", "UG", "ET", "GH", "NG", "SN", "BF", "RW", "MZ", "CM", "MA", "TN", "DZ", "EG"],
    ),
    (
        &["afrique du nord", "nord africain", "nord africaine", "nordafrika", "nordafrikanisch"],
        &["MA", "DZ", "TN", "EG"],
    ),
    (
        &["amérique latine", "latino américain", "latino américaine", "lateinamerika", "lateinamerikanisch"],
        &["BR", "AR", "CL", "CO", "PE", "MX", "EC", "UY"],
    ),
    (&["arctique", "arktis", "arktisch"], &["NO", "IS", "FI", "SE", "DK", "GL", "FO", "CA"]),
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
    "peste porcine africaine",
    "afrikanische schweinepest",
    "grippe espagnole",
    "spanische grippe",
    "choux de bruxelles",
    "épicéa de norvège",
];

/// Names that count only when written with a capital: in lower case they are usually a
/// verb, a bird, porcelain, a pepper or a first name.
const CAPITALISED_ONLY: &[&str] = &["polish", "turkey", "china", "chile", "georgia", "sofia", "florence", "georgie"];

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
    // French and German, folded.
    "abkommen",
    "accords",
    "erklarung",
    "konvention",
    "processus",
    "protocole",
    "protokoll",
    "prozess",
    "strategie",
    "traite",
    "ubereinkommen",
    "vertrag",
];

/// Words between a treaty and the city it is named after: "the Declaration of Helsinki",
/// "l'accord de Paris", "das Übereinkommen von Paris".
const OF: &[&str] = &["of", "de", "d", "von"];

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
        let (cities, cities_fr_de) = if cities { (CITIES, CITIES_FR_DE) } else { (&[][..], &[][..]) };
        let tables = [
            (COUNTRIES, Kind::Country, false),
            (COUNTRIES_FR, Kind::Country, true),
            (COUNTRIES_DE, Kind::Country, false),
            (ADJECTIVES_DE, Kind::Country, false),
            (cities, Kind::City, false),
            (cities_fr_de, Kind::City, false),
        ];
        for (table, kind, french) in tables {
            for &(code, names) in table {
                for form in names.iter().flat_map(|n| forms(n, french)) {
                    let entry = phrases.entry(form).or_insert_with(|| (Vec::new(), kind));
                    if !entry.0.contains(&code) {
                        entry.0.push(code);
                    }
                }
            }
        }
        for (regions, french) in [(REGIONS, false), (REGIONS_FR_DE, true)] {
            for &(names, codes) in regions {
                for form in names.iter().flat_map(|n| forms(n, french)) {
                    phrases.insert(form, (codes.to_vec(), Kind::Region));
                }
            }
        }
        for &n in NOT_PLACES {
            phrases.insert(fold_lower(n), (Vec::new(), Kind::Nothing));
        }
        Gazetteer { phrases }
    }
}

/// The forms under which a lexicon name is looked up, folded like the words of a text: the name;
/// a German adjective ("norwegisch") with each ending; when `french`, a French adjective in the
/// plural ("norvégiens").
fn forms(name: &str, french: bool) -> Vec<String> {
    let name = fold_lower(name);
    let mut out = vec![name.clone()];
    if name.ends_with("isch") {
        out.extend(DE_ENDINGS.iter().skip(1).map(|e| format!("{name}{e}")));
    } else if french
        && [
            "ien", "ienne", "aise", "and", "ande", "ain", "aine", "ol", "ole", "ois", "oise", "que", "ate", "in",
            "ine", "an", "ane", "c", "e",
        ]
        .iter()
        .any(|e| name.ends_with(e))
        && !name.ends_with('s')
    {
        out.push(format!("{name}s"));
    }
    out
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
    /// Lower-case with combining marks removed, accents kept: how a reason quotes it.
    shown: String,
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
                    shown: w.to_lowercase().chars().filter(|&c| !is_combining(c)).collect::<String>(),
                    lower: fold_lower(&w.to_lowercase().chars().filter(|&c| !is_combining(c)).collect::<String>()),
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
                        let shown = words[i..i + n].iter().map(|w| w.shown.as_str()).collect::<Vec<_>>().join(" ");
                        note(&mut out, code, &shown, *kind == Kind::Region);
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
        Kind::City => {
            policy(words.get(i + n))
                || (i >= 2 && OF.contains(&words[i - 1].lower.as_str()) && policy(words.get(i - 2)))
        }
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

    #[test]
    fn french_and_german_names_name_the_same_countries() {
        assert_eq!(codes("Partenaires en Norvège et aux Pays-Bas, avec des chercheurs allemands"), ["NO", "NL", "DE"]);
        assert_eq!(
            codes("Pilotprojekte in Norwegen und im Vereinigten Königreich mit österreichischen Partnern"),
            ["NO", "UK", "AT"]
        );
        assert_eq!(codes("Norway, Norvège, Norwegen; norwegische Fjorde, fjords norvégiens"), ["NO"]);
        assert_eq!(codes("Ateliers à Bruxelles et Genève, Workshop in München"), ["BE", "CH", "DE"]);
        assert_eq!(codes("Royaume-Uni, Grande-Bretagne, Großbritannien"), ["UK"]);
    }

    #[test]
    fn french_and_german_regions_and_treaties() {
        let baltic = Gazetteer::default().countries("Coopération avec les pays baltes");
        assert_eq!(
            baltic.iter().map(|n| (n.code, n.region)).collect::<Vec<_>>(),
            [("EE", true), ("LV", true), ("LT", true)]
        );
        assert_eq!(baltic[0].words, "pays baltes");
        for text in ["Kooperation mit dem Westbalkan", "les Balkans occidentaux", "the Western Balkans"] {
            assert_eq!(codes(text), ["AL", "BA", "ME", "MK", "RS", "XK"], "{text}");
        }
        assert!(codes("l'accord de Paris, le processus de Bologne et das Übereinkommen von Paris").is_empty());
        assert!(codes("la peste porcine africaine et la grippe espagnole").is_empty());
        assert_eq!(codes("un laboratoire vivant à Paris"), ["FR"]);
    }
}
