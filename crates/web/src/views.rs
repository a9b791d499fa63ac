//! Page templates (askama, auto-escaped) and the small view models they read. Handlers turn app
//! results into these; templates only loop and print.

use askama::Template;
use axum::response::Html;

/// Renders a template; a rendering failure is our bug, logged and shown as a bare message.
pub fn render<T: Template>(t: &T) -> Html<String> {
    match t.render() {
        Ok(s) => Html(s),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            Html("<!doctype html><title>Error</title><p>Internal error.</p>".into())
        }
    }
}

/// What the navigation bar needs to know about the visitor.
#[derive(Debug, Clone, Default)]
pub struct Nav {
    pub signed_in: bool,
    pub email: String,
    pub role: String,
    pub csrf: String,
    pub is_admin: bool,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub nav: Nav,
    pub code: u16,
    pub title: String,
    pub message: String,
}

impl ErrorPage {
    pub fn new(code: u16, title: &str, message: &str) -> ErrorPage {
        ErrorPage { nav: Nav::default(), code, title: title.into(), message: message.into() }
    }
}

pub struct ClusterCard {
    pub slug: String,
    pub name: String,
    pub sector: String,
    pub description: String,
    pub status: String,
    pub members: i64,
    pub projects: i64,
    pub colour: usize,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub nav: Nav,
    pub clusters: Vec<ClusterCard>,
    pub organisations: i64,
    pub projects: i64,
    pub max_members: i64,
    pub inferred: bool,
}

pub struct MemberRow {
    pub id: i64,
    pub membership_id: i64,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub inferred: bool,
    pub note: String,
    pub since: String,
}

pub struct ProjectRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub programme: String,
    pub start: String,
    pub status: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "cluster.html")]
pub struct ClusterView {
    pub nav: Nav,
    pub slug: String,
    pub name: String,
    pub sector: String,
    pub description: String,
    pub status: String,
    pub successor: Option<(String, String)>,
    pub managers: Vec<String>,
    pub members: Vec<MemberRow>,
    pub any_inferred: bool,
    pub projects: Vec<ProjectRow>,
    pub project_total: i64,
    pub links: Vec<store::ClusterLink>,
    pub history: Vec<(String, String)>,
    pub can_edit: bool,
    pub member_error: Option<String>,
}

pub struct MembershipRow {
    pub slug: String,
    pub name: String,
    pub inferred: bool,
    pub current: bool,
    pub end: String,
    pub note: String,
}

pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub role_title: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub email_rule: String,
    pub phone_rule: String,
    pub fictional: bool,
}

pub struct PartnerRow {
    pub id: i64,
    pub name: String,
    pub country: String,
    pub kind: String,
    pub role: String,
    pub shared: i64,
}

#[derive(Template)]
#[template(path = "organisation.html")]
pub struct OrgView {
    pub nav: Nav,
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub sme: bool,
    pub country: String,
    pub city: String,
    pub external_id: Option<String>,
    pub website: String,
    pub description: String,
    pub track_record: String,
    pub offers: String,
    pub needs: String,
    pub tags: Vec<String>,
    pub languages: Vec<String>,
    pub updated_at: String,
    pub clusters: Vec<(String, String)>,
    pub memberships: Vec<MembershipRow>,
    pub projects: Vec<ProjectRow>,
    pub partners: Vec<PartnerRow>,
    pub people: Vec<PersonRow>,
    pub visibilities: Vec<(&'static str, &'static str)>,
    pub can_edit: bool,
    pub can_delete: bool,
    pub can_request_contact: bool,
    pub fits: Vec<(String, String, u32, String)>,
}

#[derive(Template)]
#[template(path = "recommendations.html")]
pub struct RecommendationsView {
    pub nav: Nav,
    pub id: i64,
    pub name: String,
    pub recommendations: Vec<SuggestionRow>,
    pub other_cluster_share: u32,
}

#[derive(Template)]
#[template(path = "project.html")]
pub struct ProjectView {
    pub nav: Nav,
    pub id: i64,
    pub can_edit: bool,
    pub roles: Vec<(String, String)>,
    pub title: String,
    pub acronym: String,
    pub kind: String,
    pub status: String,
    pub programme: String,
    pub external_id: Option<String>,
    pub dates: String,
    pub budget: Option<String>,
    pub topic: String,
    pub summary: String,
    pub clusters: Vec<(String, String)>,
    pub partners: Vec<PartnerRow>,
}

pub struct Facet {
    pub label: String,
    pub count: i64,
    pub url: String,
    pub on: bool,
}

pub struct HitRow {
    pub id: i64,
    pub name: String,
    pub city: String,
    pub kind: String,
    pub country: String,
    pub clusters: Vec<String>,
    pub projects: i64,
}

#[derive(Template)]
#[template(path = "directory.html")]
pub struct DirectoryView {
    pub nav: Nav,
    pub q: String,
    pub cluster: Option<String>,
    pub kind: Option<String>,
    pub country: Option<String>,
    pub errors: Vec<String>,
    pub active: Vec<(String, String)>,
    pub cluster_facets: Vec<Facet>,
    pub kind_facets: Vec<Facet>,
    pub country_facets: Vec<Facet>,
    pub hits: Vec<HitRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
    pub can_create: bool,
}

#[derive(Template)]
#[template(path = "projects.html")]
pub struct ProjectsView {
    pub nav: Nav,
    pub can_create: bool,
    pub q: String,
    pub cluster: Option<String>,
    pub errors: Vec<String>,
    pub rows: Vec<ProjectRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginView {
    pub nav: Nav,
    pub csrf: String,
    pub email: String,
    pub error: Option<String>,
    pub demo: bool,
    pub demo_password: &'static str,
}

pub struct FormField {
    pub name: &'static str,
    pub label: &'static str,
    pub kind: &'static str,
    pub value: String,
    pub help: &'static str,
    pub options: Vec<(String, String)>,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "form.html")]
pub struct FormView {
    pub nav: Nav,
    pub heading: String,
    pub action: String,
    pub cancel: String,
    pub fields: Vec<FormField>,
    pub errors: Vec<(String, String)>,
}

pub struct RequestRow {
    pub id: i64,
    pub from: String,
    pub person: String,
    pub message: String,
    pub status: String,
    pub at: String,
}

pub struct SavedRow {
    pub id: i64,
    pub name: String,
    pub q: String,
    pub url: String,
    pub fresh: Vec<(i64, String)>,
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountView {
    pub nav: Nav,
    pub searches: Vec<SavedRow>,
    pub organisation: Option<(i64, String)>,
    pub clusters: Vec<(String, String)>,
    pub requests: Vec<RequestRow>,
}

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditView {
    pub nav: Nav,
    pub entries: Vec<store::AuditEntry>,
}

pub struct EndpointDoc {
    pub method: String,
    pub path: String,
    pub summary: String,
    pub params: Vec<String>,
    pub body: String,
    pub responses: String,
}

#[derive(Template)]
#[template(path = "api.html")]
pub struct ApiDocView {
    pub nav: Nav,
    pub endpoints: Vec<EndpointDoc>,
}

pub struct SuggestionRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub clusters: Vec<String>,
    pub other_cluster: bool,
    pub reasons: Vec<String>,
}

impl SuggestionRow {
    pub fn from(s: &app::partners::Suggestion) -> SuggestionRow {
        SuggestionRow {
            id: s.organisation.id,
            name: s.organisation.display_name(),
            kind: s.organisation.kind.label().into(),
            country: s.organisation.country.name().into(),
            clusters: s.clusters.iter().map(|c| c.name.clone()).collect(),
            other_cluster: s.other_cluster,
            reasons: s.reasons.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "partners.html")]
pub struct PartnersView {
    pub nav: Nav,
    pub q: String,
    pub cluster: String,
    pub kind: String,
    pub country: String,
    pub sme: String,
    pub from: String,
    pub clusters: Vec<(String, String)>,
    pub kinds: Vec<(String, String)>,
    pub errors: Vec<String>,
    pub searched: bool,
    pub results: Vec<SuggestionRow>,
}

pub struct ThemeCluster {
    pub slug: String,
    pub name: String,
    pub members: Vec<(i64, String)>,
}

pub struct ThemeRow {
    pub term: String,
    pub clusters: Vec<ThemeCluster>,
}

#[derive(Template)]
#[template(path = "themes.html")]
pub struct ThemesView {
    pub nav: Nav,
    pub themes: Vec<ThemeRow>,
}

pub struct TeamRow {
    pub role: String,
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub reasons: Vec<String>,
    pub swap_url: String,
    pub keep_url: String,
}

#[derive(Template)]
#[template(path = "consortium.html")]
pub struct ConsortiumView {
    pub nav: Nav,
    pub q: String,
    pub roles: String,
    pub min_countries: String,
    pub exclude: String,
    pub fixed: String,
    pub errors: Vec<String>,
    pub built: bool,
    pub members: Vec<TeamRow>,
    pub missing: Vec<String>,
    pub countries: Vec<String>,
}

#[derive(Template)]
#[template(path = "events.html")]
pub struct EventsView {
    pub nav: Nav,
    pub events: Vec<store::Event>,
    pub can_create: bool,
}

pub struct RequestLine {
    pub id: i64,
    pub incoming: bool,
    pub other: String,
    pub message: String,
    pub status: String,
}

pub struct ParticipantLine {
    pub id: i64,
    pub name: String,
    pub organisation: Option<i64>,
    pub status: String,
    pub me: bool,
}

#[derive(Template)]
#[template(path = "event.html")]
pub struct EventPage {
    pub nav: Nav,
    pub slug: String,
    pub name: String,
    pub starts_on: String,
    pub venue: String,
    pub status: String,
    pub description: String,
    pub registered: usize,
    pub is_organiser: bool,
    pub registered_me: bool,
    pub can_register: bool,
    pub errors: Vec<String>,
    pub requests: Vec<RequestLine>,
    pub participants: Vec<ParticipantLine>,
    pub sessions: Vec<store::EventSession>,
    /// `(start, minutes, session)`.
    pub slots: Vec<(String, i64, String)>,
    /// `(theme, shared words, members with their clusters)`.
    pub round_tables: Vec<(String, String, Vec<String>)>,
}

#[derive(Template)]
#[template(path = "agenda.html")]
pub struct AgendaPage {
    pub nav: Nav,
    pub slug: String,
    pub event: String,
    pub venue: String,
    pub who: String,
    pub token: String,
    pub items: Vec<AgendaRow>,
}

pub struct AgendaRow {
    pub id: i64,
    pub time: String,
    pub table: String,
    pub with: String,
    pub status: String,
}

pub struct ReportLine {
    pub placed: usize,
    pub requests: usize,
    pub placed_weight: u64,
    pub upper_bound: u64,
    pub ratio: String,
    pub worst_shortfall: u32,
    pub breaks: u32,
    pub breaks_minimal: bool,
    pub moved: usize,
    /// Participants whose published meetings moved, with how many.
    pub moved_by: Vec<(String, usize)>,
}

/// One slot of the organisers' table plan.
pub struct PlanSlot {
    pub id: i64,
    pub time: String,
    pub session: String,
    pub tables: i64,
    /// The slot's own number of tables, empty when it uses the event's.
    pub own_tables: String,
    pub meetings: Vec<app::events::PlannedMeeting>,
}

#[derive(Template)]
#[template(path = "organise.html")]
pub struct OrganisePage {
    pub nav: Nav,
    pub slug: String,
    pub event: String,
    pub report: Option<ReportLine>,
    pub errors: Vec<String>,
    pub default_tables: i64,
    pub plan: Vec<PlanSlot>,
    pub unscheduled: Vec<(String, String)>,
    pub requests: Vec<(i64, String, String, String, i64)>,
    pub participants: Vec<app::events::OrganiserParticipant>,
    /// `(outcome, answers)` of the feedback after meetings.
    pub feedback: Vec<(String, i64)>,
}

/// One slot on the availability form.
pub struct AvailabilitySlot {
    pub id: i64,
    pub time: String,
    pub session: String,
    pub arrival: bool,
    pub departure: bool,
    pub blocked: bool,
    pub available: bool,
}

#[derive(Template)]
#[template(path = "availability.html")]
pub struct AvailabilityPage {
    pub nav: Nav,
    pub slug: String,
    pub event: String,
    pub who: String,
    /// Set when an organiser edits someone else's availability.
    pub participant: Option<i64>,
    pub slots: Vec<AvailabilitySlot>,
    /// `(session, attended)`.
    pub sessions: Vec<(String, bool)>,
    pub available: usize,
    pub errors: Vec<String>,
    pub saved: bool,
}
