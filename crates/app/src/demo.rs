//! The Luxembourg demo, from real data: the eight clusters of the 2013 Luxembourg Cluster
//! Initiative, the Luxembourg organisations of CORDIS with their real EU projects and foreign
//! partners, and what the data does not hold, generated and labelled as such:
//!
//! - **memberships are inferred** by cluster fit (`matching::cluster_fit`): a named Luxembourg
//!   organisation joins every cluster whose keywords appear in at least a third of its projects'
//!   texts (at most three clusters, best first); an organisation below that threshold joins its
//!   single best-fitting cluster; a cluster left with fewer than five members takes the
//!   best-fitting organisations not yet in it, and when too few use its keywords at all, those
//!   whose project texts share most words with the cluster's description. Each membership
//!   stores its reason.
//! - **contact people are fictional**: generated names from a list of invented ones, e-mail
//!   addresses at `example.org`, marked fictional on every page.
//! - **demo accounts** (printed at start) let a visitor try each role.
//! - **the 2013 forum's day** (meetings held, feedback) and **its follow-ups**
//!   (`demo_follow_ups`) follow fixed, documented patterns.

use crate::auth::NewUser;
use crate::cordis::CordisData;
use crate::{App, AppError, AppResult};
use domain::text::term_set;
use domain::{
    Actor, ClusterInput, EventStatus, FeedbackOutcome, MeetingStatus, Membership, PersonDraft, RequestStatus,
    Visibility,
};
use domain::{ClusterId, EventId, MembershipId, OrganisationId, ParticipantId, RequestId, SlotId, UserId};
use matching::{cluster_fit, ClusterProfile};

const ORGANISATIONS: &[u8] = include_bytes!("../../../data/cordis-lu/organisations.csv");
const PROJECTS: &[u8] = include_bytes!("../../../data/cordis-lu/projects.csv");
const PARTICIPATION: &[u8] = include_bytes!("../../../data/cordis-lu/participation.csv");

/// The password of every demo account. The demo is for trying the product, never for real data.
pub const DEMO_PASSWORD: &str = "demo-password-2013";

/// The demo's accounts, which sign in only on a server in demo mode (`serve --demo`): their
/// password is printed and shown, so on any other server they must be dead.
pub const DEMO_ACCOUNTS: [&str; 3] = ["admin@demo.example.org", "manager@demo.example.org", "member@demo.example.org"];

/// Whether `email` (normalised) is one of [`DEMO_ACCOUNTS`].
pub fn is_demo_account(email: &str) -> bool {
    DEMO_ACCOUNTS.contains(&email.trim().to_lowercase().as_str())
}

pub struct DemoCluster {
    pub slug: &'static str,
    pub name: &'static str,
    pub sector: &'static str,
    pub description: &'static str,
    /// Keyword stems for cluster fit (lower-case, accent-free; "satellit" matches "satellites"),
    /// written to the store with the cluster: cluster fit reads them from there.
    pub keywords: &'static [&'static str],
}

pub const CLUSTERS: &[DemoCluster] = &[
    DemoCluster {
        slug: "automotive",
        name: "Automotive Components",
        sector: "Automotive and mobility",
        description: "Suppliers of components, materials and systems for vehicles: tyres, sensors, powertrains, electric and connected mobility, and the testing behind them.",
        keywords: &["automot", "vehicl", "tyre", "tire", "powertrain", "batter", "charging", "driver", "autonomous", "mobilit", "traffic"],
    },
    DemoCluster {
        slug: "eco-innovation",
        name: "EcoInnovation",
        sector: "Environmental technologies",
        description: "Clean technologies and the circular economy: renewable energy, energy efficiency in buildings, water, waste and recycling, climate and emissions.",
        keywords: &["energ", "renewabl", "solar", "wind", "recycl", "circular", "waste", "water", "climat", "emission", "sustainab", "environment", "carbon", "building"],
    },
    DemoCluster {
        slug: "biohealth",
        name: "BioHealth",
        sector: "Health technologies",
        description: "Biomedical research, diagnostics, personalised medicine and health IT: hospitals, laboratories and companies working for patients.",
        keywords: &["health", "medic", "clinic", "patient", "disease", "cancer", "biomed", "pharma", "drug", "diagnos", "genom", "therap", "neuro", "biolog"],
    },
    DemoCluster {
        slug: "ict",
        name: "ICT",
        sector: "Information and communication technologies",
        description: "Software, data, cloud, networks and cybersecurity: the digital companies and research teams that make services work and keep them safe.",
        keywords: &["data", "software", "digital", "cyber", "cloud", "network", "comput", "intelligen", "internet", "algorithm", "blockchain", "ict", "platform"],
    },
    DemoCluster {
        slug: "materials",
        name: "Materials & Manufacturing",
        sector: "Materials and production",
        description: "New materials and how to make things with them: composites, polymers, coatings, nanomaterials, metals and advanced manufacturing. A theme almost every other cluster needs.",
        keywords: &["material", "composit", "polymer", "coating", "nano", "manufactur", "steel", "metal", "surface", "chemic", "additive"],
    },
    DemoCluster {
        slug: "space",
        name: "Space",
        sector: "Space industry",
        description: "Satellites, ground segment, Earth observation and space resources: operators, manufacturers and researchers of Luxembourg's space sector.",
        keywords: &["space", "satellit", "orbit", "copernicus", "gnss", "galileo", "launcher", "spacecraft", "asteroid", "lunar", "geospatial"],
    },
    DemoCluster {
        slug: "logistics",
        name: "Logistics",
        sector: "Logistics and transport",
        description: "Moving goods through Europe's heart: freight, multimodal transport, warehousing, supply chains and the data that coordinates them.",
        keywords: &["logistic", "freight", "transport", "supply", "cargo", "warehous", "rail", "airport", "shipment", "delivery"],
    },
    DemoCluster {
        slug: "maritime",
        name: "Maritime",
        sector: "Maritime industry",
        description: "A landlocked country's maritime flag: ship owners, ship management, marine equipment, offshore energy and ocean research.",
        keywords: &["maritim", "marine", "vessel", "ocean", "offshore", "naval", "fisher", "aquacult", "harbour", "shipbuild", "shipping", "ship", "boat", "fish", "seafar", "coast", "underwater"],
    },
];

impl App {
    /// The first Luxembourg Cluster Forum (11 December 2013, completed, scheduled) and an upcoming
    /// forum three weeks after the demo is loaded, open for requests. Participants are the
    /// members; their requests pair members of different clusters whose projects share words.
    async fn demo_forums(
        &self,
        chosen: &[(OrganisationId, ClusterId, String)],
        member_org: Option<OrganisationId>,
        member_user: Option<UserId>,
    ) -> AppResult<()> {
        use crate::events::{EventInput, ProgrammeBlock};
        let sys = Actor::system();
        let blocks = vec![ProgrammeBlock {
            day: None,
            session: "afternoon".into(),
            start: "14:00".into(),
            minutes: 20,
            count: 9,
        }];
        let upcoming_day = (self.today() + chrono::Duration::days(21)).format("%Y-%m-%d").to_string();
        let forums = [
            ("cluster-forum-2013", "Luxembourg Cluster Forum 2013", "2013-12-11".to_string(), "The first Luxembourg Cluster Forum: keynote, cluster testimonials, a round table of the cluster managers, then one-to-one meetings between members of all clusters."),
            ("cluster-forum-next", "Luxembourg Cluster Forum (upcoming)", upcoming_day, "The next Cluster Forum, open for meeting requests. Members of different clusters who share themes are encouraged to meet."),
        ];
        // Members and the words of their project titles.
        let mut members: Vec<OrganisationId> = chosen.iter().map(|(o, _, _)| *o).collect();
        members.sort_unstable();
        members.dedup();
        let mut conn = self.store.conn().await?;
        let mut words: Vec<(OrganisationId, Vec<String>)> = Vec::new();
        for m in &members {
            let titles: String = store::projects_of_org(&mut conn, *m, 200)
                .await?
                .iter()
                .map(|(p, _)| format!("{} ", p.title))
                .collect();
            words.push((*m, term_set(&titles)));
        }
        let mut names = std::collections::HashMap::new();
        for o in store::orgs_by_ids(&mut conn, &members.iter().map(|m| m.get()).collect::<Vec<_>>()).await? {
            names.insert(o.id, o.display_name());
        }
        drop(conn);
        for (k, (slug, name, day, description)) in forums.iter().enumerate() {
            let input = EventInput {
                slug: slug.to_string(),
                name: name.to_string(),
                venue: if k == 0 { "Utopolis cinema, Luxembourg".into() } else { "Luxembourg-Kirchberg".into() },
                description: description.to_string(),
                starts_on: day.clone(),
                // The forum is every cluster's: each cluster's managers organise it, the demo
                // manager (space, materials) among them.
                clusters: CLUSTERS.iter().map(|c| c.slug.to_string()).collect(),
                tables: 15,
                capacity: 200,
                max_meetings: Some(9),
                ..Default::default()
            };
            self.create_event(&sys, &input, &forum_sessions(), &blocks).await?;
            let mut tx = self.store.begin().await?;
            let event =
                store::get_event_by_slug(&mut tx, slug).await?.ok_or_else(|| AppError::NotFound("event".into()))?;
            let mut participant_of = std::collections::HashMap::new();
            let slot_ids: Vec<SlotId> = store::event_slots(&mut tx, event.id).await?.iter().map(|s| s.id).collect();
            for (i, m) in members.iter().enumerate() {
                let user = if Some(*m) == member_org && k == 1 { member_user } else { None };
                let pid = self.insert_participant(&mut tx, &event, &names[m], Some(*m), user).await?;
                participant_of.insert(*m, pid);
                // Real days: some arrive after the first three slots, some leave before the last two.
                let unavailable: Vec<SlotId> = match i % 7 {
                    2 => slot_ids.iter().take(3).copied().collect(),
                    5 => slot_ids.iter().rev().take(2).copied().collect(),
                    _ => Vec::new(),
                };
                if !unavailable.is_empty() {
                    store::set_unavailable(&mut tx, pid, &unavailable).await?;
                }
                // Every third member asked for a themed round table.
                if i % 3 == 0 {
                    store::set_round_table(&mut tx, pid, true).await?;
                }
            }
            self.demo_requests(&mut tx, &event, k == 0, &words, chosen, &participant_of).await?;
            store::commit(tx).await?;
            if k == 0 {
                self.schedule_event(&sys, slug, std::time::Duration::from_secs(2)).await?;
                self.demo_forum_day(event.id).await?;
                let forum_day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
                    .map_err(|e| AppError::Internal(anyhow::anyhow!("demo forum day: {e}")))?;
                self.demo_follow_ups(event.id, forum_day).await?;
            }
        }
        Ok(())
    }

    /// Requests: each member asks the three members of other clusters sharing most words. The
    /// past forum's requests were all accepted; the next one's are partly open. The demo keeps
    /// its events' caps as a visitor must (finding 16 of issue 13): a member who has sent the
    /// most requests the event allows sends no more, and a request is only accepted while both
    /// sides are under the cap on meetings; past it, the member asks the next best instead.
    async fn demo_requests(
        &self,
        conn: &mut store::Conn,
        event: &domain::Event,
        past: bool,
        words: &[(OrganisationId, Vec<String>)],
        chosen: &[(OrganisationId, ClusterId, String)],
        participant_of: &std::collections::HashMap<OrganisationId, ParticipantId>,
    ) -> AppResult<()> {
        let clusters_of =
            |o: OrganisationId| chosen.iter().filter(|(x, _, _)| *x == o).map(|(_, c, _)| *c).collect::<Vec<_>>();
        let event_id = event.id;
        let cap = event.max_meetings.unwrap_or(i64::MAX);
        let mut meetings: std::collections::HashMap<ParticipantId, i64> = std::collections::HashMap::new();
        let mut sent: std::collections::HashMap<ParticipantId, i64> = std::collections::HashMap::new();
        let mut n = 0usize;
        for (a, wa) in words {
            let ca = clusters_of(*a);
            let mut scored: Vec<(usize, OrganisationId)> = words
                .iter()
                .filter(|(b, _)| b != a && !clusters_of(*b).iter().any(|c| ca.contains(c)))
                .map(|(b, wb)| (wa.iter().filter(|w| wb.binary_search(w).is_ok()).count(), *b))
                .filter(|(shared, _)| *shared >= 2)
                .collect();
            scored.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            let mut asked = 0;
            for (_, b) in scored {
                let (from, to) = (participant_of[a], participant_of[&b]);
                if asked == 3 || sent.get(&from).copied().unwrap_or(0) >= event.max_requests {
                    break;
                }
                let all = store::meeting_requests(conn, event_id).await?;
                if all.iter().any(|r| {
                    (r.from_participant == from && r.to_participant == to)
                        || (r.from_participant == to && r.to_participant == from)
                }) {
                    continue;
                }
                // The past forum's requests were all answered; the next one's are partly open.
                let accept = past || !(n + 1).is_multiple_of(3);
                let room = |p: ParticipantId| meetings.get(&p).copied().unwrap_or(0) < cap;
                if accept && !(room(from) && room(to)) {
                    continue;
                }
                n += 1;
                asked += 1;
                *sent.entry(from).or_default() += 1;
                let status = if accept { RequestStatus::Accepted } else { RequestStatus::Pending };
                let r = domain::MeetingRequest {
                    id: RequestId::default(),
                    event_id,
                    from_participant: from,
                    to_participant: to,
                    message: "Our projects share themes; shall we meet? (demo request)".into(),
                    priority: 1 + (n % 3) as i64,
                    status,
                    created_at: self.now_text(),
                };
                let rid = store::insert_request(conn, &r).await?;
                if status == RequestStatus::Accepted {
                    *meetings.entry(from).or_default() += 1;
                    *meetings.entry(to).or_default() += 1;
                    store::insert_meeting(conn, event_id, rid, &self.now_text()).await?;
                }
            }
        }
        Ok(())
    }

    /// The day of the past forum happened: most meetings were held, a few were no-shows, and
    /// both sides left feedback (a fixed, documented pattern: this is demo data). A meeting the
    /// scheduling run could not place (15 tables, 9 slots, late arrivals) did not take place:
    /// it is cancelled, keeping the run's note on why, never left "scheduled" on a past day.
    async fn demo_forum_day(&self, event_id: EventId) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let requests = crate::events::requests_by_id(&mut tx, event_id).await?;
        let outcomes = [
            FeedbackOutcome::CooperationPossible,
            FeedbackOutcome::Informative,
            FeedbackOutcome::Informative,
            FeedbackOutcome::NoInterest,
        ];
        for (i, m) in store::event_meetings(&mut tx, event_id).await?.iter().enumerate() {
            if m.slot_id.is_none() {
                store::set_meeting_status(&mut tx, m.id, MeetingStatus::Cancelled, &self.now_text()).await?;
                continue;
            }
            let Some(r) = requests.get(&m.request_id) else { continue };
            let held = i % 11 != 7;
            store::set_meeting_status(
                &mut tx,
                m.id,
                if held { MeetingStatus::Held } else { MeetingStatus::NoShow },
                &self.now_text(),
            )
            .await?;
            for (side, p) in [r.from_participant, r.to_participant].into_iter().enumerate() {
                let outcome =
                    if held { outcomes[(i + side) % outcomes.len()] } else { FeedbackOutcome::DidNotTakePlace };
                store::upsert_feedback(&mut tx, m.id, p, outcome, &self.now_text()).await?;
            }
        }
        store::set_event_status(&mut tx, event_id, EventStatus::Completed).await?;
        store::commit(tx).await?;
        Ok(())
    }
}

/// The demo's rule on an organisation's fits (best first): every cluster whose keywords appear
/// in at least a third of its texts, at most three; else its single best-fitting cluster.
pub(crate) fn fit_picks(fits: &[matching::Fit]) -> Vec<&matching::Fit> {
    let strong: Vec<_> = fits.iter().filter(|f| f.score >= 1.0 / 3.0).take(3).collect();
    if strong.is_empty() {
        fits.iter().take(1).collect()
    } else {
        strong
    }
}

/// The agenda of both demo forums.
fn forum_sessions() -> Vec<domain::EventSession> {
    vec![
        domain::EventSession {
            starts_at: "09:00".into(),
            ends_at: "09:45".into(),
            title: "Welcome and keynote".into(),
            kind: "keynote".into(),
        },
        domain::EventSession {
            starts_at: "09:45".into(),
            ends_at: "11:00".into(),
            title: "Testimonials from the clusters".into(),
            kind: "testimonials".into(),
        },
        domain::EventSession {
            starts_at: "11:15".into(),
            ends_at: "12:30".into(),
            title: "Round table of the cluster managers".into(),
            kind: "round_table".into(),
        },
        domain::EventSession {
            starts_at: "14:00".into(),
            ends_at: "17:00".into(),
            title: "One-to-one business meetings".into(),
            kind: "meetings".into(),
        },
    ]
}

/// Gives every demo cluster five members: first the organisations that fit it best by its
/// keywords, then, when too few use them, those whose project texts share words with the
/// cluster's description. Adds `(organisation, cluster, note)` to `chosen`.
fn top_up_clusters(
    cluster_ids: &[ClusterId],
    candidates: &[(domain::Organisation, usize, Vec<matching::Fit>)],
    texts_of: &std::collections::HashMap<OrganisationId, String>,
    chosen: &mut Vec<(OrganisationId, ClusterId, String)>,
) {
    for id in cluster_ids {
        let have = chosen.iter().filter(|(_, c, _)| c == id).count();
        if have >= 5 {
            continue;
        }
        let mut extra: Vec<_> = candidates
            .iter()
            .filter_map(|(o, n, fits)| fits.iter().find(|f| f.cluster_id == id.get()).map(|f| (o.id, *n, f)))
            .filter(|(o, _, _)| !chosen.iter().any(|(co, cc, _)| co == o && cc == id))
            .collect();
        extra.sort_by(|a, b| b.2.score.total_cmp(&a.2.score).then(b.2.backing.cmp(&a.2.backing)).then(a.0.cmp(&b.0)));
        let mut have = have;
        for (o, n, f) in extra.into_iter().take(5 - have) {
            chosen.push((o, *id, format!("Inferred (to give every cluster five members): {}", f.reason(n))));
            have += 1;
        }
        if have >= 5 {
            continue;
        }
        // Too few organisations use the cluster's keywords: fall back to the words of the
        // cluster's description shared with the organisation's project texts.
        let described =
            CLUSTERS.iter().zip(cluster_ids).find(|(_, c)| *c == id).map(|(c, _)| c.description).unwrap_or("");
        let wanted = term_set(described);
        let mut overlap: Vec<(usize, OrganisationId, Vec<String>)> = candidates
            .iter()
            .filter(|(o, _, _)| !chosen.iter().any(|(co, cc, _)| *co == o.id && cc == id))
            .map(|(o, _, _)| (o.id, texts_of.get(&o.id).map(String::as_str).unwrap_or("")))
            .map(|(oid, text)| {
                let words: Vec<String> =
                    term_set(text).into_iter().filter(|w| wanted.binary_search(w).is_ok()).collect();
                (words.len(), oid, words)
            })
            .filter(|(n, _, _)| *n > 0)
            .collect();
        overlap.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, oid, words) in overlap.into_iter().take(5 - have) {
            let shown: Vec<&str> = words.iter().take(4).map(String::as_str).collect();
            chosen.push((oid, *id, format!("Inferred (to give every cluster five members): its projects share the words {} with the cluster description", shown.join(", "))));
        }
    }
}

/// Fictional contact people: one or two per member, with varied visibility. Returns how many.
async fn demo_people(conn: &mut store::Conn, members: &[OrganisationId], now: &str) -> AppResult<usize> {
    let visibilities = [Visibility::Public, Visibility::Members, Visibility::Managers, Visibility::OnAgreement];
    let mut people = 0;
    for (i, org) in members.iter().enumerate() {
        for k in 0..(1 + i % 2) {
            let n = i * 2 + k;
            let first = FIRST[n % FIRST.len()];
            let last = LAST[(n / FIRST.len()) % LAST.len()];
            let d = PersonDraft {
                name: format!("{first} {last}"),
                role_title: if k == 0 {
                    "Innovation manager (fictional)".into()
                } else {
                    "Project officer (fictional)".into()
                },
                email: format!("{}.{}.{org}@example.org", first.to_lowercase(), last.to_lowercase()),
                email_visibility: visibilities[n % 4],
                phone: format!("+352 000 {:03} {:03}", org.get() % 1000, n % 1000),
                phone_visibility: visibilities[(n + 2) % 4],
            };
            store::insert_person(conn, *org, &d, true, now).await?;
            people += 1;
        }
    }
    Ok(people)
}

/// Invented names for fictional contact people.
const FIRST: &[&str] =
    &["Alex", "Sam", "Charlie", "Robin", "Kim", "Jo", "Andrea", "Toni", "Noa", "Mika", "Lou", "Dany"];
const LAST: &[&str] = &["Example", "Sample", "Demo", "Placeholder", "Testmann", "Fictif", "Muster", "Exemple"];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub loaded: bool,
    pub organisations: usize,
    pub members: usize,
    pub memberships: usize,
    pub people: usize,
    /// `(e-mail, role)` of the demo accounts.
    pub accounts: Vec<(String, String)>,
}

impl App {
    /// Demo accounts, one per role: `(e-mail, role)`.
    async fn demo_accounts(
        &self,
        actor: &Actor,
        space: ClusterId,
        materials: ClusterId,
        member_org: Option<OrganisationId>,
    ) -> AppResult<Vec<(String, String)>> {
        let mut accounts = Vec::new();
        for (email, role, clusters, org) in [
            ("admin@demo.example.org", "admin", vec![], None),
            ("manager@demo.example.org", "manager", vec![space, materials], None),
            ("member@demo.example.org", "member", vec![], member_org),
        ] {
            let input = NewUser {
                email: email.into(),
                password: DEMO_PASSWORD.into(),
                role: role.into(),
                clusters,
                organisation_id: org,
            };
            self.create_user(actor, &input).await?;
            accounts.push((email.to_string(), role.to_string()));
        }
        Ok(accounts)
    }

    /// Loads the demo into an empty database; does nothing (and says so) when data exists.
    pub async fn load_demo(&self) -> AppResult<DemoReport> {
        // Asked for the demo: its accounts work, whether it is loaded now or was before.
        self.set_demo_mode(true);
        {
            let mut conn = self.store.conn().await?;
            if !store::is_empty(&mut conn).await? {
                return Ok(DemoReport::default());
            }
        }
        let actor = Actor::system();
        let data = CordisData::from_bytes(ORGANISATIONS, PROJECTS, PARTICIPATION)?;
        let cordis = self.import_cordis(&actor, &data, &|_, _| {}).await?;

        let mut cluster_ids = Vec::new();
        for c in CLUSTERS {
            let input = ClusterInput {
                slug: c.slug.into(),
                name: c.name.into(),
                sector: c.sector.into(),
                description: c.description.into(),
            };
            cluster_ids.push(self.create_cluster(&actor, &input).await?);
        }
        let profiles: Vec<ClusterProfile> = CLUSTERS
            .iter()
            .zip(&cluster_ids)
            .map(|(c, id)| ClusterProfile {
                id: id.get(),
                keywords: c.keywords.iter().map(|k| k.to_string()).collect(),
            })
            .collect();

        let mut tx = self.store.begin().await?;
        for p in &profiles {
            store::set_cluster_keywords(&mut tx, ClusterId::new(p.id), &p.keywords).await?;
        }
        let now = self.now_text();
        // Candidates: organisations in Luxembourg that CORDIS names (not by the import's
        // placeholder), with the texts of their projects.
        let mut candidates = Vec::new();
        let mut texts_of: std::collections::HashMap<OrganisationId, String> = std::collections::HashMap::new();
        for o in store::all_orgs(&mut tx).await?.into_iter().filter(|o| {
            o.country.code() == "LU"
                && !o.name.trim().is_empty()
                && !domain::is_placeholder_name(&o.name, o.external_id.as_deref())
        }) {
            let texts = store::org_project_texts(&mut tx, o.id).await?;
            let fits = cluster_fit(&texts, &profiles);
            texts_of.insert(o.id, texts.join("\n"));
            candidates.push((o, texts.len(), fits));
        }
        let mut chosen: Vec<(OrganisationId, ClusterId, String)> = Vec::new();
        for (o, n, fits) in &candidates {
            for f in fit_picks(fits) {
                chosen.push((o.id, ClusterId::new(f.cluster_id), format!("Inferred: {}", f.reason(*n))));
            }
        }
        top_up_clusters(&cluster_ids, &candidates, &texts_of, &mut chosen);
        for (org, cluster, note) in &chosen {
            let m = Membership {
                id: MembershipId::default(),
                organisation_id: *org,
                cluster_id: *cluster,
                start_date: None,
                end_date: None,
                inferred: true,
                note: note.clone(),
            };
            store::insert_membership(&mut tx, &m, &now).await?;
        }
        let mut members: Vec<OrganisationId> = chosen.iter().map(|(o, _, _)| *o).collect();
        members.sort_unstable();
        members.dedup();

        let people = demo_people(&mut tx, &members, &now).await?;
        store::commit(tx).await?;

        let space = cluster_ids[5];
        let materials = cluster_ids[4];
        let member_org = chosen.iter().find(|(_, c, _)| *c == space).map(|(o, _, _)| *o).or(members.first().copied());
        let accounts = self.demo_accounts(&actor, space, materials, member_org).await?;
        let member_user =
            store::get_user_by_email(&mut *self.store.conn().await?, "member@demo.example.org").await?.map(|u| u.id);
        self.demo_forums(&chosen, member_org, member_user).await?;
        Ok(DemoReport {
            loaded: true,
            organisations: cordis.organisations_created,
            members: members.len(),
            memberships: chosen.len(),
            people,
            accounts,
        })
    }
}
