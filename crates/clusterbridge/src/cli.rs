//! Command-line interface. Every command opens the database named by `--database-url`
//! (or `CLUSTERBRIDGE_DATABASE_URL`), else the SQLite file in `--data-dir`, and applies pending
//! migrations first. A user's mistake exits with status 2 and a message naming what is wrong;
//! a rejected import exits with status 1 after listing every problem as `file:line: column: message`.

use anyhow::{Context, Result};
use app::export::Format;
use app::import::CsvKind;
use app::{App, AppError};
use clap::{Args, Parser, Subcommand, ValueEnum};
use domain::{Actor, ClusterId, OrganisationId, SlotId};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "clusterbridge",
    version,
    about = "Registry, partner matchmaking and B2B meetings for cluster initiatives"
)]
struct Cli {
    /// Folder holding the embedded SQLite database (created when missing).
    #[arg(long, global = true, default_value = "clusterbridge-data", env = "CLUSTERBRIDGE_DATA_DIR")]
    data_dir: PathBuf,
    /// Database URL (sqlite://PATH or postgres://...); overrides --data-dir.
    #[arg(long, global = true, env = "CLUSTERBRIDGE_DATABASE_URL")]
    database_url: Option<String>,
    /// Log format.
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text, env = "CLUSTERBRIDGE_LOG_FORMAT")]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

/// Mail: where it is sent, where its links point, who sends it.
#[derive(Args)]
struct MailArgs {
    /// SMTP server, in lettre's URL convention: smtp://HOST:PORT (plain; credentials only to a
    /// loopback host), smtp://USER:PASS@HOST:587?tls=required (STARTTLS), smtps://USER:PASS@HOST:465
    /// (TLS). Without it, mail stays in the outbox (/admin/outbox).
    #[arg(long, env = "CLUSTERBRIDGE_SMTP_URL", value_name = "URL")]
    smtp_url: Option<String>,
    /// The base of every link in a mail (default: http:// and the bind address); never taken from
    /// a request's Host header.
    #[arg(long, env = "CLUSTERBRIDGE_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// The sender of every mail.
    #[arg(long, env = "CLUSTERBRIDGE_MAIL_FROM", value_name = "ADDRESS", default_value = "clusterbridge@localhost")]
    mail_from: String,
}

/// How often the mail worker looks for due mail when there was nothing to send.
const MAIL_POLL: std::time::Duration = std::time::Duration::from_secs(5);

/// Starts the outbox's worker when there is an SMTP server; the sender stops it. The worker stops
/// after the server: a mail in flight is finished, not cut.
fn start_mail_worker(
    app: &App,
    mailer: Option<app::mail::Mailer>,
) -> (tokio::sync::oneshot::Sender<()>, Option<tokio::task::JoinHandle<()>>) {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let Some(mailer) = mailer else {
        tracing::info!("no --smtp-url: mail stays in the outbox (/admin/outbox)");
        return (stop, None);
    };
    tracing::info!("mail worker started");
    let app = app.clone();
    let worker = tokio::spawn(async move {
        app.run_mail_worker(mailer, MAIL_POLL, async {
            let _ = stopped.await;
        })
        .await
    });
    (stop, Some(worker))
}

/// Checks the mail flags before anything is served: a wrong one exits with status 2.
fn mail_setup(mail: &MailArgs) -> Result<Option<app::mail::Mailer>> {
    if let Some(url) = &mail.public_url {
        if !(url.starts_with("http://") || url.starts_with("https://")) || url.contains(char::is_whitespace) {
            anyhow::bail!(AppError::field("public-url", "must be an http:// or https:// URL"));
        }
    }
    let from = mail.mail_from.trim();
    if !app::mail::valid_sender(from) {
        anyhow::bail!(AppError::field("mail-from", "must be an e-mail address such as noreply@example.org"));
    }
    match &mail.smtp_url {
        Some(url) => {
            Ok(Some(app::mail::Mailer::from_url(url).map_err(|e| AppError::field("smtp-url", e.to_string()))?))
        }
        None => Ok(None),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Collaboration analytics and strategy KPIs (see docs/kpis.md).
    Analytics {
        #[command(subcommand)]
        what: crate::analytics::AnalyticsWhat,
    },
    /// Runs the web app and the JSON API.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080", env = "CLUSTERBRIDGE_BIND")]
        bind: String,
        /// Loads the Luxembourg demo when the database is empty.
        #[arg(long)]
        demo: bool,
        /// Marks cookies `Secure`: set it when users reach the app over HTTPS (e.g. behind a
        /// TLS-terminating proxy).
        #[arg(long, env = "CLUSTERBRIDGE_SECURE_COOKIES")]
        secure_cookies: bool,
        /// A proxy (CIDR range or address; repeatable) whose `X-Forwarded-For` names the client,
        /// for login limits. Without it the socket's peer is the client.
        #[arg(long = "trusted-proxy", value_name = "CIDR", value_parser = web::parse_proxy_range)]
        trusted_proxies: Vec<web::IpNet>,
        #[command(flatten)]
        mail: MailArgs,
    },
    /// Applies pending database migrations.
    Migrate,
    /// Imports CSV files in our format, or a CORDIS extract.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Exports data to standard output.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Manages accounts.
    User {
        #[command(subcommand)]
        what: UserWhat,
    },
    /// Writes a backup: a snapshot of a running SQLite database, or a logical export of PostgreSQL.
    Backup { file: PathBuf },
    /// Restores a backup (of either kind) into an empty database.
    Restore { file: PathBuf },
    /// Finds partners for a need or a call text; prints each suggestion with its reasons.
    Partners {
        /// The need or call text ("-" reads standard input).
        text: String,
        #[arg(long)]
        cluster: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        sme: Option<String>,
        /// The asking organisation (id): left out, and other clusters get a bonus.
        #[arg(long)]
        from: Option<String>,
        #[arg(long, default_value = "10")]
        limit: String,
        #[arg(long)]
        json: bool,
    },
    /// Who an organisation should meet (new contacts, biased towards other clusters).
    Recommend {
        organisation: i64,
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Clusters: list them, split members off into a new cluster, merge one into another.
    Cluster {
        #[command(subcommand)]
        what: ClusterWhat,
    },
    /// Which clusters suit an organisation, and why.
    ClusterFit { organisation: i64 },
    /// Saved searches of an account with their new or changed matches (what its alerts show).
    Alerts {
        #[arg(long)]
        email: String,
    },
    /// Topics that members of several clusters share, with the members behind each.
    Themes {
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Proposes a team for a call text: `--roles university=1,sme=2,public=1 --min-countries 3`.
    Consortium {
        /// The call text ("-" reads standard input).
        text: String,
        #[arg(long, default_value = "university=1,sme=2,public=1")]
        roles: String,
        #[arg(long, default_value = "3")]
        min_countries: String,
        /// Organisations (ids, comma-separated) to keep in the team.
        #[arg(long, default_value = "")]
        fixed: String,
        /// Organisations (ids, comma-separated) never to propose.
        #[arg(long, default_value = "")]
        exclude: String,
    },
    /// Events: create and list them, add participants, set tables per slot, schedule an event's
    /// accepted meetings, print its table plan and round tables.
    Event {
        #[command(subcommand)]
        what: EventWhat,
    },
    /// Evaluations that print figures.
    Eval {
        #[command(subcommand)]
        what: EvalWhat,
    },
    /// Schedules B2B meetings: reads a problem file, writes a solution file (see README).
    Schedule {
        #[arg(long)]
        problem: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// Wall-clock limit in seconds; the best schedule found by then is written.
        #[arg(long, default_value_t = 10.0)]
        time_limit: f64,
        /// Work limit: with a seed, the output is then identical on every run.
        #[arg(long)]
        max_iterations: Option<u64>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Threads: 2 lets a second search run in the exact phase of small `place_all`
        /// forums; 1 keeps to one core.
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
        threads: u8,
    },
}

#[derive(Args)]
struct CsvFile {
    file: PathBuf,
    /// Validates and reports without writing anything.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Subcommand)]
enum ImportWhat {
    /// organisations.csv: external_id,name,kind,country[,short_name,sme,city,website,description,offers,needs,tags,languages]
    Organisations(CsvFile),
    /// memberships.csv: organisation,cluster[,start_date,end_date]
    Memberships(CsvFile),
    /// people.csv: organisation,name[,role_title,email,email_visibility,phone,phone_visibility]
    People(CsvFile),
    /// projects.csv: external_id,title,kind[,acronym,summary,start_date,end_date,budget_eur,programme,topic,clusters]
    Projects(CsvFile),
    /// partners.csv: project,organisation,role
    Partners(CsvFile),
    /// A directory in the CORDIS format (organisations.csv, projects.csv, participation.csv).
    Cordis { dir: PathBuf },
}

#[derive(Subcommand)]
enum ClusterWhat {
    /// Lists clusters: id, slug, status, number of current members, name (tab-separated).
    List,
    /// Splits a new cluster off FROM: the given members move to it, both histories say so.
    Split {
        /// The cluster (slug or id) the members leave.
        from: String,
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// FROM's sector if left out.
        #[arg(long)]
        sector: Option<String>,
        #[arg(long, default_value = "")]
        description: String,
        /// Current members of FROM (organisation ids, comma-separated) that move to the new cluster.
        #[arg(long)]
        organisations: String,
    },
    /// Shows a cluster's cluster-fit keywords, or replaces them with --set.
    Keywords {
        /// The cluster (slug or id).
        cluster: String,
        /// The new keywords, comma-separated (words or word beginnings: `satellit,orbit,launch`).
        #[arg(long)]
        set: Option<String>,
    },
    /// Merges FROM into INTO: current members move, FROM is marked merged, both histories say so.
    Merge {
        /// The cluster (slug or id) that ends.
        from: String,
        /// The cluster (slug or id) that absorbs it.
        #[arg(long)]
        into: String,
    },
}

#[derive(Subcommand)]
enum EventWhat {
    /// Lists events.
    List,
    /// Creates an event with its agenda and meeting programme.
    Create {
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// The first day (YYYY-MM-DD).
        #[arg(long)]
        starts_on: String,
        #[arg(long, default_value = "")]
        venue: String,
        #[arg(long, default_value = "")]
        description: String,
        /// A cluster (slug) whose managers organise the event; repeat for several.
        #[arg(long = "cluster")]
        clusters: Vec<String>,
        #[arg(long, default_value_t = 20)]
        tables: i64,
        #[arg(long, default_value_t = 500)]
        capacity: i64,
        /// Hours before an unanswered meeting request expires.
        #[arg(long, default_value_t = 72)]
        request_ttl_hours: i64,
        /// Requests one participant may send.
        #[arg(long, default_value_t = 20)]
        max_requests: i64,
        /// Meetings one participant may accept (no cap if left out).
        #[arg(long)]
        max_meetings: Option<i64>,
        /// An agenda session of the first day, `HH:MM-HH:MM Title (kind)`; repeat for several.
        #[arg(long)]
        agenda: Vec<String>,
        /// A block of meeting slots, `[YYYY-MM-DD] SESSION HH:MM MINUTES COUNT`; repeat for several.
        #[arg(long, required = true)]
        programme: Vec<String>,
    },
    /// Adds a participant: a guest, or with `--organisation` an organisation's representative.
    AddParticipant {
        slug: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        organisation: Option<i64>,
    },
    /// Sets the number of tables of single slots: `SLOT_ID=N`, or `SLOT_ID=` for the event's number.
    Tables { slug: String, tables: Vec<String> },
    /// Prints the table plan: every slot with its tables and meetings.
    Plan { slug: String },
    /// Themed round tables of an event (4 to 6 people, clusters mixed).
    RoundTables { slug: String },
    /// Places every accepted meeting of an event into slots and tables, with the upper bound.
    Schedule {
        slug: String,
        #[arg(long, default_value_t = 10.0)]
        time_limit: f64,
    },
}

#[derive(Subcommand)]
enum EvalWhat {
    /// Partner matchmaking on real EU consortia: recall@k, MRR, nDCG@20 for our ranker and the
    /// popularity, bm25 and bm25_prior baselines.
    Matching {
        /// A directory in the CORDIS format.
        #[arg(long, default_value = "../shared/data/cordis")]
        data: String,
        /// The test list (a CSV whose first column is project ids).
        #[arg(long)]
        test: String,
        /// Projects starting before this date are training data.
        #[arg(long, default_value = "2023-01-01")]
        cutoff: String,
        /// Prints one JSON object.
        #[arg(long)]
        json: bool,
        /// `all`, or r in 0..=3 for the test projects whose id ≡ r (mod 4).
        #[arg(long, default_value = "all")]
        split: String,
        /// Prints the table for dev ≡ 0 (tuning half), ≡ 2 (held out) and all.
        #[arg(long)]
        halves: bool,
        /// Prints the table again with each signal switched off.
        #[arg(long)]
        ablation: bool,
        /// Prints index build time and query latency.
        #[arg(long)]
        bench: bool,
        /// Re-derives the weights on the test projects whose id ≡ 0 (mod 4) only.
        #[arg(long)]
        tune: bool,
        #[arg(long, value_delimiter = ',')]
        knobs: Vec<String>,
        /// JSON lines `{"id": PROJECT_ID, "title": TEXT, "objective": TEXT}`: these texts replace
        /// the test projects' own, and only these projects are evaluated (e.g. a translated set).
        #[arg(long)]
        queries: Option<String>,
    },
}

#[derive(Subcommand)]
enum ExportWhat {
    /// Every organisation with its current clusters.
    Organisations {
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Csv,
    Json,
}

#[derive(Subcommand)]
enum UserWhat {
    /// Creates an account.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
        /// A cluster the manager runs (id or slug); repeat for several.
        #[arg(long = "cluster")]
        clusters: Vec<String>,
        /// The organisation a member represents (id).
        #[arg(long)]
        organisation: Option<i64>,
        /// Reads the password from standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Lists accounts.
    List,
    /// Sets a new password.
    Password {
        #[arg(long)]
        email: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Issues an API token (printed once); with --list lists the account's tokens, with
    /// --revoke TOKEN_ID revokes one.
    Token {
        #[arg(long, required_unless_present = "revoke")]
        email: Option<String>,
        #[arg(long, default_value = "cli", conflicts_with_all = ["list", "revoke"])]
        name: String,
        /// Lists the account's tokens: id, name, created (never the tokens themselves).
        #[arg(long, conflicts_with = "revoke")]
        list: bool,
        /// Revokes the token with this id (see --list).
        #[arg(long, value_name = "TOKEN_ID", conflicts_with = "email")]
        revoke: Option<i64>,
    },
    /// Disables an account: it cannot sign in, and its sessions and API tokens end now.
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Lets a disabled account sign in again (its old sessions and tokens stay ended).
    Enable {
        #[arg(long)]
        email: String,
    },
}

pub(crate) fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.log_format);
    if let Command::Eval {
        what: EvalWhat::Matching { data, test, cutoff, json, split, halves, ablation, bench, tune, knobs, queries },
    } = &cli.command
    {
        let Some(cutoff) = matching::Date::parse(cutoff) else {
            eprintln!("error: --cutoff: `{cutoff}` is not a date (YYYY-MM-DD)");
            return ExitCode::from(2);
        };
        let split = match split.as_str() {
            "all" => None,
            r => match r.parse::<u64>() {
                Ok(n) if n < 4 => Some(n),
                _ => {
                    eprintln!("error: --split: `{r}` is not `all` or 0 to 3");
                    return ExitCode::from(2);
                }
            },
        };
        let args = crate::eval::EvalArgs {
            data: data.clone(),
            test: test.clone(),
            cutoff,
            split,
            json: *json,
            halves: *halves,
            ablation: *ablation,
            bench: *bench,
            tune: *tune,
            knobs: knobs.clone(),
            queries: queries.clone(),
        };
        return match crate::eval::run(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        };
    }
    if let Command::Schedule { problem, out, time_limit, max_iterations, seed, threads } = &cli.command {
        // Needs no database: a pure computation from one file to another.
        return schedule(problem, out, *time_limit, *max_iterations, *seed, *threads as usize);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            match e.downcast_ref::<AppError>() {
                Some(AppError::Internal(inner)) => eprintln!("error: {inner:#}"),
                Some(user) => {
                    eprintln!("error: {user}");
                    return ExitCode::from(2);
                }
                None => eprintln!("error: {e:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

fn database_url(cli: &Cli) -> Result<String> {
    if let Some(url) = &cli.database_url {
        return Ok(url.clone());
    }
    std::fs::create_dir_all(&cli.data_dir).with_context(|| format!("creating {}", cli.data_dir.display()))?;
    Ok(format!("sqlite://{}", cli.data_dir.join("clusterbridge.sqlite3").display()))
}

fn read_password(from_stdin: bool) -> Result<String> {
    if from_stdin {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        Ok(s.trim_end_matches(['\n', '\r']).to_string())
    } else {
        let p = rpassword::prompt_password("Password: ")?;
        let again = rpassword::prompt_password("Again: ")?;
        if p != again {
            anyhow::bail!(AppError::field("password", "the two entries differ"));
        }
        Ok(p)
    }
}

fn progress_bar(label: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    if std::io::stderr().is_terminal() {
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} rows ({eta} left)")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_message(label.to_string());
    } else {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar
}

async fn run(cli: Cli) -> Result<ExitCode> {
    let url = database_url(&cli)?;
    let app = App::open(&url).await?;
    let system = Actor::system();
    match cli.command {
        Command::Migrate => {
            out!("migrations applied ({})", app.backend_name());
        }
        Command::Analytics { what } => crate::analytics::run(&app, &system, what).await?,
        Command::Serve { bind, demo, secure_cookies, trusted_proxies, mail } => {
            let mailer = mail_setup(&mail)?;
            if demo {
                let report = app.load_demo().await?;
                if report.loaded {
                    tracing::info!(
                        organisations = report.organisations,
                        members = report.members,
                        memberships = report.memberships,
                        people = report.people,
                        "loaded the Luxembourg demo (memberships inferred, people fictional)"
                    );
                    for (email, role) in &report.accounts {
                        tracing::info!("demo account {email} ({role}), password {}", app::demo::DEMO_PASSWORD);
                    }
                } else {
                    tracing::info!("--demo: the database is not empty, so the demo was not loaded");
                }
            }
            // Build the directory index before saying "ready", so the first search is fast.
            app.directory().await?;
            let listener = tokio::net::TcpListener::bind(&bind).await.with_context(|| format!("binding {bind}"))?;
            let addr = listener.local_addr()?;
            app.set_mail_settings(app::mail::MailSettings {
                public_url: mail.public_url.clone().unwrap_or_else(|| format!("http://{addr}")),
                from: mail.mail_from.trim().to_string(),
            });
            let (stop_mail, worker) = start_mail_worker(&app, mailer);
            // Not `out!`: a server whose standard output was closed goes on serving.
            {
                use std::io::Write as _;
                let mut stdout = std::io::stdout();
                let _ = writeln!(stdout, "clusterbridge is ready: open http://{addr}/").and_then(|_| stdout.flush());
            }
            web::serve(app, web::Options { secure_cookies, trusted_proxies }, listener, shutdown_signal()).await?;
            let _ = stop_mail.send(());
            if let Some(worker) = worker {
                let _ = worker.await;
            }
        }
        Command::Import { what } => return import(&app, &system, what).await,
        Command::Export { what: ExportWhat::Organisations { format } } => {
            let f = match format {
                ExportFormat::Csv => Format::Csv,
                ExportFormat::Json => Format::Json,
            };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let n = app.export_organisations(f, &mut out).await?;
            out.flush()?;
            tracing::info!("exported {n} organisations");
        }
        Command::User { what } => user(&app, &system, what).await?,
        Command::Partners { text, cluster, kind, country, sme, from, limit, json } => {
            let text = if text == "-" {
                let mut s = String::new();
                std::io::stdin().read_to_string(&mut s)?;
                s
            } else {
                text
            };
            let q =
                app::partners::PartnerQuery { q: Some(text), cluster, kind, country, sme, from, limit: Some(limit) };
            let found = app.find_partners(&system, &q).await?;
            if json {
                let items: Vec<serde_json::Value> = found
                    .iter()
                    .map(|s| {
                        serde_json::json!({"id": s.organisation.id.get(), "name": s.organisation.display_name(), "country": s.organisation.country.code(),
                            "kind": s.organisation.kind.as_str(), "clusters": s.clusters.iter().map(|c| c.slug.clone()).collect::<Vec<_>>(),
                            "score": s.score, "other_cluster": s.other_cluster, "reasons": s.reasons})
                    })
                    .collect();
                out!("{}", serde_json::to_string_pretty(&items)?);
            } else {
                print_suggestions(&found);
            }
        }
        Command::Recommend { organisation, limit } => {
            let r = app.recommendations(OrganisationId::new(organisation), limit).await?;
            out!("{:.0}% of these are in none of the organisation's clusters", r.other_cluster_share * 100.0);
            print_suggestions(&r.items);
        }
        Command::Cluster { what } => cluster(&app, &system, what).await?,
        Command::ClusterFit { organisation } => {
            let fits = app.cluster_fit(OrganisationId::new(organisation)).await?;
            if fits.is_empty() {
                out!("no cluster's themes appear in this organisation's projects or profile");
            }
            for (c, f, n) in fits {
                out!("{:>4.0}%  {} ({}): {}", f.score * 100.0, c.name, c.slug, f.reason(n));
            }
        }
        Command::Alerts { email } => {
            let id = app
                .list_users(&system)
                .await?
                .into_iter()
                .find(|(u, _)| u.email == app::auth::normalise_email(&email))
                .map(|(u, _)| u.id)
                .ok_or_else(|| AppError::NotFound(format!("account {email}")))?;
            let actor = app.actor_for_user(id).await?.ok_or_else(|| AppError::NotFound(format!("account {email}")))?;
            for s in app.saved_searches(&actor).await? {
                out!("{} (\"{}\"): {} new or changed", s.search.name, s.search.q, s.fresh.len());
                for f in &s.fresh {
                    out!("    {} [{}]", f.organisation.display_name(), f.organisation.id);
                }
            }
        }
        Command::Event { what: EventWhat::List } => {
            for e in app.events().await? {
                out!("{}\t{}\t{}\t{}", e.slug, e.starts_on, e.status, e.name);
            }
        }
        Command::Event {
            what:
                EventWhat::Create {
                    slug,
                    name,
                    starts_on,
                    venue,
                    description,
                    clusters,
                    tables,
                    capacity,
                    request_ttl_hours,
                    max_requests,
                    max_meetings,
                    agenda,
                    programme,
                },
        } => {
            let input = app::events::EventInput {
                slug,
                name,
                venue,
                description,
                starts_on,
                clusters,
                tables,
                capacity,
                request_ttl_hours,
                max_requests,
                max_meetings,
            };
            app.create_event_from_text(&system, &input, &agenda.join("\n"), &programme.join("\n"), Vec::new()).await?;
            let view = app.event_view(&system, input.slug.trim()).await?;
            out!("created {} with {} meeting slots", view.event.slug, view.slots.len());
        }
        Command::Event { what: EventWhat::AddParticipant { slug, name, organisation } } => {
            let id = app.add_participant(&system, &slug, &name, organisation.map(OrganisationId::new), None).await?;
            out!("participant {id}");
        }
        Command::Event { what: EventWhat::Tables { slug, tables } } => {
            let mut parsed = Vec::new();
            for t in &tables {
                let bad =
                    || AppError::field("tables", format!("`{t}`: write SLOT_ID=N, or SLOT_ID= for the event's number"));
                let (slot, n) = t.split_once('=').ok_or_else(bad)?;
                let slot = slot.trim().parse::<SlotId>().map_err(|_| bad())?;
                let n = match n.trim() {
                    "" => None,
                    n => Some(n.parse::<i64>().map_err(|_| bad())?),
                };
                parsed.push((slot, n));
            }
            app.set_slot_tables(&system, &slug, &parsed).await?;
            out!("set the tables of {} slots", parsed.len());
        }
        Command::Event { what: EventWhat::Plan { slug } } => {
            let o = app.organiser_view(&system, &slug).await?;
            for (slot, tables, meetings) in &o.plan {
                out!("#{} {} {} ({} tables)", slot.id, slot.starts_at.replace('T', " "), slot.session, tables);
                for m in meetings {
                    let lock = if m.pinned { ", locked" } else { "" };
                    out!("    table {:>3}  {} · {}  [{}{lock}]", m.table, m.first, m.second, m.status);
                }
            }
            let feedback = app.feedback_summary(&system, &slug).await?;
            if !feedback.is_empty() {
                let parts: Vec<String> = feedback.iter().map(|(k, n)| format!("{} {n}", k.replace('_', " "))).collect();
                out!("feedback: {}", parts.join(" · "));
            }
            for (what, why) in &o.unscheduled {
                out!("not placed: {what}{}", if why.is_empty() { String::new() } else { format!(": {why}") });
            }
        }
        Command::Event { what: EventWhat::RoundTables { slug } } => {
            for t in app.round_tables(&system, &slug).await? {
                out!("{} (also {})", t.theme, t.shared.join(", "));
                for (name, clusters) in &t.members {
                    out!("    {name} [{}]", clusters.join(", "));
                }
            }
        }
        Command::Event { what: EventWhat::Schedule { slug, time_limit } } => {
            if !(time_limit.is_finite() && time_limit >= 0.0) {
                anyhow::bail!(AppError::field("time-limit", "must be a number of seconds ≥ 0"));
            }
            let r = app.schedule_event(&system, &slug, std::time::Duration::from_secs_f64(time_limit)).await?;
            out!(
                "placed {} of {} meetings, weight {} of at most {}, worst shortfall {}, breaks {}{}, moved {}",
                r.placed,
                r.requests,
                r.placed_weight,
                r.upper_bound,
                r.worst_shortfall,
                r.breaks,
                if r.breaks_minimal { " (proven minimal)" } else { "" },
                r.moved
            );
            if !r.moved_by_participant.is_empty() {
                let moved: Vec<String> = r.moved_by_participant.iter().map(|(_, n, k)| format!("{n} {k}")).collect();
                out!("moved meetings by participant: {}", moved.join("; "));
            }
            for (m, why) in &r.unplaced {
                out!("not placed: meeting {m}: {why}");
            }
        }
        Command::Themes { limit } => {
            for t in app.themes(limit).await? {
                out!("{} ({} clusters)", t.term, t.clusters.len());
                for (c, members) in &t.clusters {
                    let names: Vec<&str> = members.iter().map(|(_, n)| n.as_str()).collect();
                    out!("    {}: {}", c.name, names.join("; "));
                }
            }
        }
        Command::Consortium { text, roles, min_countries, fixed, exclude } => {
            let text = if text == "-" {
                let mut s = String::new();
                std::io::stdin().read_to_string(&mut s)?;
                s
            } else {
                text
            };
            let team = app.build_consortium(&text, &roles, &min_countries, &fixed, &exclude).await?;
            out!("countries: {}", team.countries.join(", "));
            if team.missing.is_empty() {
                out!("every role and the country target are covered");
            } else {
                out!("still missing: {}", team.missing.join("; "));
            }
            for (role, s) in &team.members {
                out!(
                    "{role}: {} [{}] {} · {}",
                    s.organisation.display_name(),
                    s.organisation.id,
                    s.organisation.kind.label(),
                    s.organisation.country.code()
                );
                for r in &s.reasons {
                    out!("      - {r}");
                }
            }
        }
        Command::Backup { file } => {
            let kind = app.backup(&file).await?;
            out!("wrote {} ({kind})", file.display());
        }
        Command::Schedule { .. } | Command::Eval { .. } => unreachable!("handled before the database is opened"),
        Command::Restore { file } => {
            let rows = app.restore(&file).await?;
            out!("restored {rows} rows from {}", file.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn schedule(
    problem: &Path,
    out: &Path,
    time_limit: f64,
    max_iterations: Option<u64>,
    seed: u64,
    threads: usize,
) -> ExitCode {
    let invalid = |lines: Vec<String>| {
        for l in &lines {
            eprintln!("{}: {l}", problem.display());
        }
        eprintln!("the problem file is invalid: {} problem(s)", lines.len());
        ExitCode::from(2)
    };
    let text = match std::fs::read(problem) {
        Ok(t) => t,
        Err(e) => return invalid(vec![format!("cannot read: {e}")]),
    };
    let value: serde_json::Value = match serde_json::from_slice(&text) {
        Ok(v) => v,
        Err(e) => return invalid(vec![format!("not valid JSON: {e}")]),
    };
    let p = match crate::schedule::parse_problem(&value) {
        Ok(p) => p,
        Err(crate::schedule::Invalid(lines)) => return invalid(lines),
    };
    if !(time_limit.is_finite() && time_limit >= 0.0) {
        return invalid(vec!["--time-limit: must be a number of seconds ≥ 0".into()]);
    }
    let (solution, seconds) = match crate::schedule::run(&p, time_limit, max_iterations, seed, threads) {
        Ok(x) => x,
        Err(crate::schedule::Invalid(lines)) => return invalid(lines),
    };
    let json = crate::schedule::solution_json(&p, &solution, seconds);
    let written =
        serde_json::to_vec_pretty(&json).map_err(std::io::Error::other).and_then(|bytes| std::fs::write(out, bytes));
    if let Err(e) = written {
        eprintln!("error: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "placed {} of {} requests, weight {} of at most {} ({:.2}%), worst shortfall {}, breaks {}{}, {:.2} s",
        solution.placed,
        p.requests.len(),
        solution.placed_weight,
        solution.upper_bound,
        if solution.upper_bound == 0 {
            100.0
        } else {
            100.0 * solution.placed_weight as f64 / solution.upper_bound as f64
        },
        solution.worst_shortfall,
        solution.breaks,
        if solution.breaks_minimal {
            " (proven minimal)".to_string()
        } else if solution.breaks_lower_bound > 0 {
            format!(" (at least {} in any schedule)", solution.breaks_lower_bound)
        } else {
            String::new()
        },
        seconds
    );
    ExitCode::from(crate::schedule::exit_code(&solution))
}

fn print_suggestions(found: &[app::partners::Suggestion]) {
    for (i, s) in found.iter().enumerate() {
        let clusters: Vec<&str> = s.clusters.iter().map(|c| c.name.as_str()).collect();
        out!(
            "{:>2}. {} [{}] {} · {}{}",
            i + 1,
            s.organisation.display_name(),
            s.organisation.id,
            s.organisation.kind.label(),
            s.organisation.country.code(),
            if clusters.is_empty() { String::new() } else { format!(" · {}", clusters.join(", ")) }
        );
        for r in &s.reasons {
            out!("      - {r}");
        }
    }
}

async fn cluster(app: &App, system: &Actor, what: ClusterWhat) -> Result<()> {
    let find = |field: &'static str, raw: String| async move {
        match app.find_cluster(&raw).await? {
            Some(c) => Ok(c),
            None => Err(anyhow::Error::from(AppError::field(field, format!("no cluster `{raw}`")))),
        }
    };
    match what {
        ClusterWhat::List => {
            for s in app.clusters().await? {
                let c = &s.cluster;
                out!("{}\t{}\t{}\tmembers={}\t{}", c.id, c.slug, c.status, s.members, c.name);
            }
        }
        ClusterWhat::Split { from, slug, name, sector, description, organisations } => {
            let from = find("from", from).await?;
            let mut ids = Vec::new();
            for raw in organisations.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let id = raw.parse().map_err(|_| {
                    AppError::field(
                        "organisations",
                        format!("`{raw}` is not an organisation id (ids, comma-separated)"),
                    )
                })?;
                ids.push(id);
            }
            if ids.is_empty() {
                anyhow::bail!(AppError::field(
                    "organisations",
                    "name at least one member that moves (ids, comma-separated)"
                ));
            }
            let input = domain::ClusterInput { slug, name, sector: sector.unwrap_or(from.sector.clone()), description };
            let id = app.split_cluster(system, from.id, &input, &ids).await?;
            out!("split {} off {} as cluster {id}: {} members moved", input.slug.trim(), from.slug, ids.len());
        }
        ClusterWhat::Keywords { cluster, set } => {
            let c = find("cluster", cluster).await?;
            let keywords = match set {
                Some(raw) => {
                    let words: Vec<String> = raw.split(',').map(str::to_string).collect();
                    app.set_cluster_keywords(system, c.id, &words).await?
                }
                None => app.cluster_keywords(c.id).await?,
            };
            out!("{}\t{}", c.slug, keywords.join(","));
        }
        ClusterWhat::Merge { from, into } => {
            let from = find("from", from).await?;
            let into = find("into", into).await?;
            app.merge_clusters(system, from.id, into.id).await?;
            out!("merged {} into {}", from.slug, into.slug);
        }
    }
    Ok(())
}

/// `user …`: accounts, their passwords and API tokens, disabling and enabling them.
async fn user(app: &App, system: &Actor, what: UserWhat) -> Result<()> {
    match what {
        UserWhat::Add { email, role, clusters, organisation, password_stdin } => {
            let mut ids = Vec::new();
            for c in &clusters {
                match app.find_cluster(c).await? {
                    Some(found) => ids.push(found.id),
                    None => anyhow::bail!(AppError::field("cluster", format!("no cluster `{c}`"))),
                }
            }
            let password = read_password(password_stdin)?;
            let input = app::auth::NewUser {
                email: email.clone(),
                password,
                role,
                clusters: ids,
                organisation_id: organisation.map(OrganisationId::new),
            };
            let id = app.create_user(system, &input).await?;
            out!("created account {id} for {email}");
        }
        UserWhat::List => {
            for (u, clusters) in app.list_users(system).await? {
                let clusters: Vec<String> = clusters.iter().map(ClusterId::to_string).collect();
                out!(
                    "{}\t{}\t{}\tclusters={}\torganisation={}{}",
                    u.id,
                    u.email,
                    u.role,
                    clusters.join(","),
                    u.organisation_id.map(|o| o.to_string()).unwrap_or_default(),
                    if u.disabled { "\tdisabled" } else { "" }
                );
            }
        }
        UserWhat::Password { email, password_stdin } => {
            let password = read_password(password_stdin)?;
            app.set_password(system, &email, &password).await?;
            out!("password changed for {email}");
        }
        UserWhat::Token { revoke: Some(id), .. } => {
            let t = app.revoke_api_token(system, domain::TokenId::new(id)).await?;
            out!("revoked API token {id} ({}) of account {}", t.name, t.user_id);
        }
        UserWhat::Token { email: Some(email), list: true, .. } => {
            for t in app.api_tokens_of(system, &email).await? {
                out!("{}\t{}\t{}", t.id, t.name, t.created_at);
            }
        }
        UserWhat::Token { email, name, .. } => {
            let email = email.unwrap_or_default();
            let token = app.create_api_token(system, &email, &name).await?;
            out!("{token}");
        }
        UserWhat::Disable { email } => {
            app.set_account_disabled(system, &email, true).await?;
            out!("disabled {email}: its sessions and API tokens are ended");
        }
        UserWhat::Enable { email } => {
            app.set_account_disabled(system, &email, false).await?;
            out!("enabled {email}");
        }
    }
    Ok(())
}

async fn import(app: &App, system: &Actor, what: ImportWhat) -> Result<ExitCode> {
    let (kind, args) = match what {
        ImportWhat::Cordis { dir } => {
            let started = std::time::Instant::now();
            let data = app::cordis::CordisData::from_dir(&dir)?;
            let bar = progress_bar("importing CORDIS");
            let report = app
                .import_cordis(system, &data, &|done, total| {
                    bar.set_length(total);
                    bar.set_position(done);
                })
                .await?;
            bar.finish_and_clear();
            out!(
                "organisations: {} read, {} created, {} updated",
                report.organisations_read,
                report.organisations_created,
                report.organisations_updated
            );
            out!(
                "projects: {} read, {} created, {} updated",
                report.projects_read,
                report.projects_created,
                report.projects_updated
            );
            out!(
                "participations: {} read, {} partners created, {} updated",
                report.participations_read,
                report.partners_created,
                report.partners_updated
            );
            for (rule, n) in &report.normalised {
                out!("normalised: {rule}: {n}");
            }
            for (why, n) in &report.skipped {
                out!("skipped: {why}: {n}");
            }
            out!("took {:.1} s", started.elapsed().as_secs_f64());
            return Ok(ExitCode::SUCCESS);
        }
        ImportWhat::Organisations(a) => (CsvKind::Organisations, a),
        ImportWhat::Memberships(a) => (CsvKind::Memberships, a),
        ImportWhat::People(a) => (CsvKind::People, a),
        ImportWhat::Projects(a) => (CsvKind::Projects, a),
        ImportWhat::Partners(a) => (CsvKind::Partners, a),
    };
    let bytes = std::fs::read(&args.file).map_err(|e| AppError::BadRequest(format!("{}: {e}", args.file.display())))?;
    let name = args.file.display().to_string();
    let bar = progress_bar("importing");
    let report = app
        .import_csv(system, kind, &name, &bytes, args.dry_run, &|done, total| {
            bar.set_length(total);
            bar.set_position(done);
        })
        .await?;
    bar.finish_and_clear();
    if !report.errors.is_empty() {
        for e in &report.errors {
            eprintln!("{e}");
        }
        eprintln!("nothing was imported: {} problem(s) found", report.errors.len());
        return Ok(ExitCode::FAILURE);
    }
    out!("{}{}", report.summary(), if report.dry_run { " (dry run: nothing written)" } else { "" });
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
