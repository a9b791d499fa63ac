//! A suggestion's reasons in words a member reads. The ranker counts an organisation's own
//! profile as one more text of its own, which is right for what it works on but not for how
//! many projects it has or how recent they are: those two come from its real projects
//! (`Record`). "Recently" means the last three years; a title never reads as empty quotes.

use domain::Country;
use matching::Reason;
use std::collections::HashMap;

/// An organisation's real projects: how many, and the latest start year.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Record {
    pub(super) projects: u32,
    pub(super) last_year: Option<i32>,
}

impl Record {
    pub(super) fn add(&mut self, start_year: Option<i32>) {
        self.projects += 1;
        self.last_year = self.last_year.max(start_year);
    }
}

/// Years, this one included, in which a last project counts as "recent": this year and the
/// two before.
const RECENT_YEARS: i32 = 3;

/// A reason in words a member reads, or `None` for bookkeeping ones.
pub(super) fn plain(r: &Reason, names: &HashMap<i64, String>, record: Record, this_year: i32) -> Option<String> {
    Some(match r {
        Reason::MatchedTerms { terms } if !terms.is_empty() => {
            let words: Vec<&str> = terms.iter().take(6).map(|(t, _)| t.as_str()).collect();
            format!("Its work mentions {}", words.join(", "))
        }
        Reason::SimilarProject { title, .. } if title == "its own profile" => {
            "Its own profile matches your text".to_string()
        }
        Reason::SimilarProject { title, .. } if title.trim().is_empty() => "Took part in a similar project".to_string(),
        Reason::SimilarProject { title, year, .. } => match year {
            Some(y) => format!("Took part in “{}” ({y}), a similar project", title.trim()),
            None => format!("Took part in “{}”, a similar project", title.trim()),
        },
        Reason::Partner { partner, title, shared_projects, .. } => {
            let name =
                partner.parse::<i64>().ok().and_then(|id| names.get(&id).cloned()).unwrap_or_else(|| partner.clone());
            let on = match (*shared_projects, title.trim()) {
                (n, "") if n > 1 => format!(", on {n} projects"),
                (_, "") => String::new(),
                (n, t) if n > 2 => format!(", on “{t}” and {} other projects", n - 1),
                (2, t) => format!(", on “{t}” and 1 other project"),
                (_, t) => format!(", on “{t}”"),
            };
            format!("Worked with {name}, a strong match{on}")
        }
        Reason::CountryNamed { country, words, .. } => {
            let name = Country::parse(country).map(|c| c.name()).unwrap_or(country);
            format!("Based in {name}, named in your text (“{words}”)")
        }
        Reason::TrackRecord { .. } => match record.projects {
            0 => return None,
            1 => "1 project on record".to_string(),
            n => format!("{n} projects on record"),
        },
        Reason::Recency { .. } => match record.last_year {
            Some(y) if y > this_year - RECENT_YEARS && y <= this_year => {
                format!("Active recently (last project started {y})")
            }
            _ => return None,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORD: Record = Record { projects: 3, last_year: Some(2025) };

    fn read(r: Reason) -> String {
        plain(&r, &HashMap::from([(7, "Ocean University".to_string())]), RECORD, 2026).unwrap()
    }

    #[test]
    fn reasons_read_as_plain_words_with_counts_in_the_right_number() {
        let one = Record { projects: 1, last_year: None };
        let names = HashMap::new();
        let track = Reason::TrackRecord { projects: 2, contribution: 0.1 };
        assert_eq!(plain(&track, &names, one, 2026).unwrap(), "1 project on record", "its profile is no project");
        assert_eq!(read(track.clone()), "3 projects on record");
        assert!(plain(&track, &names, Record::default(), 2026).is_none());
        let partner = |shared_projects, title: &str| Reason::Partner {
            partner: "7".into(),
            project: "P1".into(),
            title: title.into(),
            shared_projects,
            contribution: 0.2,
        };
        assert_eq!(read(partner(1, "Wind")), "Worked with Ocean University, a strong match, on “Wind”");
        assert_eq!(
            read(partner(2, "Wind")),
            "Worked with Ocean University, a strong match, on “Wind” and 1 other project"
        );
        assert_eq!(
            read(partner(3, "Wind")),
            "Worked with Ocean University, a strong match, on “Wind” and 2 other projects"
        );
        let named = Reason::CountryNamed { country: "NO".into(), words: "oslo".into(), contribution: 1.5 };
        assert_eq!(read(named), "Based in Norway, named in your text (“oslo”)");
        let named = Reason::CountryNamed { country: "GB".into(), words: "british".into(), contribution: 1.5 };
        assert_eq!(read(named), "Based in United Kingdom, named in your text (“british”)");
        assert!(plain(
            &Reason::TypeCalibration { activity_type: "PRC".into(), contribution: 0.1 },
            &names,
            RECORD,
            2026
        )
        .is_none());
    }

    #[test]
    fn no_reason_quotes_an_empty_title() {
        let partner = |shared_projects| Reason::Partner {
            partner: "7".into(),
            project: "P1".into(),
            title: " ".into(),
            shared_projects,
            contribution: 0.2,
        };
        assert_eq!(read(partner(1)), "Worked with Ocean University, a strong match");
        assert_eq!(read(partner(3)), "Worked with Ocean University, a strong match, on 3 projects");
        let similar = Reason::SimilarProject {
            project: "P1".into(),
            title: String::new(),
            year: Some(2020),
            similarity: 0.5,
            contribution: 0.1,
        };
        assert_eq!(read(similar), "Took part in a similar project");
        for r in [partner(1), partner(2), partner(3)] {
            assert!(!read(r).contains("“”"));
        }
    }

    #[test]
    fn recently_means_the_last_three_years() {
        let names = HashMap::new();
        let recency = Reason::Recency { last_year: Some(2026), contribution: 0.1 };
        let at = |y| plain(&recency, &names, Record { projects: 1, last_year: Some(y) }, 2026);
        assert_eq!(at(2026).as_deref(), Some("Active recently (last project started 2026)"));
        assert_eq!(at(2024).as_deref(), Some("Active recently (last project started 2024)"));
        assert_eq!(at(2023), None);
        assert_eq!(at(2015), None);
        assert_eq!(plain(&recency, &names, Record::default(), 2026), None);
    }
}
