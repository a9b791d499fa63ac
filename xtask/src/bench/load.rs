//! `bench load [--seconds N] [--clients N] [--engine sqlite|postgres|both]`: concurrent writes
//! against the release server, on SQLite and on a throwaway PostgreSQL (issue 13, finding 3).
//!
//! Each engine gets a fresh database with the demo registry (`serve --demo` loads it, then
//! stops), one admin and N member accounts of N different organisations, made with the CLI as
//! an agency would (`user add`, `user token`: each client signs in to the API with its own
//! member's token), and an upcoming event in which every member registers, beside 100
//! representatives added by the organiser so that there are many pairs to ask. Then
//! `clusterbridge serve` (no demo mode) runs on a free loopback port and N client threads, each
//! on its own keep-alive connection, for the given time: 40% edits of the client's own
//! organisation's profile (each writes a unique marker in the description), 20% meeting
//! requests, 10% answers (the event read through the API, then accept or decline a pending
//! request sent to the client) and 30% page and search reads.
//!
//! Printed: requests, answers by status, p50/p95/p99 per kind, then the check that every
//! acknowledged write is in the database, read back through the API: each organisation's last
//! acknowledged marker, each acknowledged request (its sender and receiver) and each
//! acknowledged answer (its status). The target on each engine: no answer >= 500, no valid
//! write refused, nothing lost. A 409 for a request between two people who already have one
//! open is a genuine duplicate (two clients ask each other at once), counted apart. The command
//! exits non-zero when an engine misses the target.

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EVENT: &str = "load-forum";
const REPRESENTATIVES: usize = 100;
const PASSWORD: &str = "Load-bench 7#kQ2xV9";
const WORDS: &[&str] = &["space", "energy", "data", "health", "research", "digital", "materials", "water", "logistics"];

struct Options {
    seconds: u64,
    clients: usize,
    engines: Vec<&'static str>,
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let number = |name: &str, default: u64| -> Result<u64> {
        Ok(super::flag(args, name).map(|n| n.parse()).transpose().with_context(|| name.to_string())?.unwrap_or(default))
    };
    let engines = match super::flag(args, "--engine").as_deref().unwrap_or("both") {
        "sqlite" => vec!["sqlite"],
        "postgres" => vec!["postgres"],
        "both" => vec!["sqlite", "postgres"],
        other => bail!("--engine {other}: sqlite, postgres or both"),
    };
    let o = Options { seconds: number("--seconds", 60)?, clients: number("--clients", 20)? as usize, engines };
    if o.clients < 2 {
        bail!("--clients must be at least 2 (clients ask each other for meetings)");
    }
    let bin = std::fs::canonicalize(super::binary()?)?;
    let mut missed = Vec::new();
    for engine in &o.engines {
        let outcome = on_engine(&bin, engine, &o)?;
        if !outcome.is_empty() {
            missed.push(format!("{engine}: {}", outcome.join("; ")));
        }
    }
    if !missed.is_empty() {
        bail!("target missed: {}", missed.join(" | "));
    }
    println!(
        "target met on {}: no answer >= 500, no valid write refused, every acknowledged write stored",
        o.engines.join(" and ")
    );
    Ok(())
}

/// One engine: database, data, server, load, check. Returns what missed the target.
fn on_engine(bin: &Path, engine: &str, o: &Options) -> Result<Vec<String>> {
    let dir = std::env::temp_dir().join(format!("clusterbridge-load-{engine}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let pg = if engine == "postgres" { Some(crate::pg::Server::start()?) } else { None };
    let url = match &pg {
        Some(server) => {
            let admin = server.url();
            Command::new(crate::tools::pg_bin_dir().context("psql")?.join("psql"))
                .args([&admin, "-q", "-c", "CREATE DATABASE load"])
                .status()?;
            format!("{}/load", admin.rsplit_once('/').map(|(base, _)| base).unwrap_or(&admin))
        }
        None => format!("sqlite://{}", dir.join("load.sqlite3").display()),
    };
    println!("\n# load: {engine}, {} clients for {} s", o.clients, o.seconds);
    let result = prepare_and_drive(bin, &url, &dir, o);
    drop(pg);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn prepare_and_drive(bin: &Path, url: &str, dir: &Path, o: &Options) -> Result<Vec<String>> {
    let started = Instant::now();
    // The demo registry: loaded by `serve --demo` into the empty database, which then stops.
    let mut demo = serve(bin, url, &["--demo"], &dir.join("demo.log"))?;
    stop(&mut demo.0);
    let orgs = organisations(bin, url)?;
    if orgs.len() < o.clients + REPRESENTATIVES {
        bail!("the demo has {} organisations, fewer than {} needed", orgs.len(), o.clients + REPRESENTATIVES);
    }
    let admin = account(bin, url, "admin@load.example.org", &["--role", "admin"])?;
    let mut tokens = Vec::new();
    for (k, org) in orgs.iter().take(o.clients).enumerate() {
        let org = org.to_string();
        tokens.push(account(
            bin,
            url,
            &format!("member{k}@load.example.org"),
            &["--role", "member", "--organisation", &org],
        )?);
    }
    let (mut server, addr) = serve(bin, url, &[], &dir.join("server.log"))?;
    let setup = setup_event(&addr, &admin, &tokens, &orgs[o.clients..o.clients + REPRESENTATIVES]);
    let setup = match setup {
        Ok(s) => s,
        Err(e) => {
            stop(&mut server);
            return Err(e);
        }
    };
    println!(
        "prepared in {:.1} s: demo registry, {} members registered beside {REPRESENTATIVES} representatives",
        started.elapsed().as_secs_f64(),
        o.clients
    );
    let clients: Vec<Client> = tokens
        .into_iter()
        .zip(orgs.iter())
        .zip(setup.me.iter())
        .enumerate()
        .map(|(k, ((token, org), me))| Client::new(k, token, *org, *me, &setup, &orgs))
        .collect();
    let result = drive(&addr, clients, o.seconds).and_then(|(tally, clients)| {
        let lost = verify(&addr, &clients)?;
        Ok(report(&tally, &clients, &lost, o.seconds))
    });
    stop(&mut server);
    let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
    let locked = log.matches("database is locked").count();
    let errors = log.lines().filter(|l| l.contains("ERROR")).count();
    println!("server log: {errors} ERROR lines, {locked} mention \"database is locked\"");
    result
}

/// Starts the release server on a free loopback port; returns it and its address.
fn serve(bin: &Path, url: &str, extra: &[&str], log: &Path) -> Result<(Child, String)> {
    let mut child = Command::new(bin)
        .args(["--database-url", url, "serve", "--bind", "127.0.0.1:0"])
        .args(extra)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(log)?)
        .spawn()?;
    let mut line = String::new();
    BufReader::new(child.stdout.take().context("no stdout")?).read_line(&mut line)?;
    if !line.contains("http://") {
        stop(&mut child);
        bail!("the server did not start: {}", std::fs::read_to_string(log).unwrap_or_default());
    }
    let addr = line.trim().rsplit("http://").next().unwrap_or_default().trim_end_matches('/').to_string();
    Ok((child, addr))
}

/// Stops a server as an operator would (SIGTERM, a graceful shutdown), killing it after 10 s.
fn stop(child: &mut Child) {
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    for _ in 0..100 {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn cli(bin: &Path, url: &str, args: &[&str], stdin: &str) -> Result<String> {
    let mut child = Command::new(bin)
        .args(["--database-url", url])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    child.stdin.take().context("stdin")?.write_all(stdin.as_bytes())?;
    let out = child.wait_with_output()?;
    if !out.status.success() {
        bail!("clusterbridge {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The registry's organisation ids, lowest first, those with a name first: a member can save
/// a profile only with a name, and some CORDIS organisations of the demo have none.
fn organisations(bin: &Path, url: &str) -> Result<Vec<i64>> {
    let out = cli(bin, url, &["export", "organisations", "--format", "json"], "")?;
    let v: Value = serde_json::from_str(&out).context("export organisations --format json")?;
    let rows = v.as_array().context("a list of organisations")?;
    let mut ids: Vec<(bool, i64)> = rows
        .iter()
        .filter_map(|r| Some((r["name"].as_str().is_none_or(|n| n.trim().is_empty()), r["id"].as_i64()?)))
        .collect();
    ids.sort_unstable();
    Ok(ids.into_iter().map(|(_, id)| id).collect())
}

/// Creates an account with the CLI and returns an API token for it.
fn account(bin: &Path, url: &str, email: &str, role: &[&str]) -> Result<String> {
    let mut args = vec!["user", "add", "--email", email, "--password-stdin"];
    args.extend_from_slice(role);
    cli(bin, url, &args, &format!("{PASSWORD}\n"))?;
    Ok(cli(bin, url, &["user", "token", "--email", email, "--name", "load"], "")?.trim().to_string())
}

struct Setup {
    /// Each member's participant id, in client order.
    me: Vec<i64>,
    /// Every participant: the members and the representatives.
    everyone: Vec<i64>,
}

/// The organiser (admin) creates an upcoming event and adds representatives; members register.
fn setup_event(addr: &str, admin: &str, tokens: &[String], reps: &[i64]) -> Result<Setup> {
    let mut c = Conn::open(addr, Some(admin.to_string()))?;
    let event = json!({"slug": EVENT, "name": "Load forum", "starts_on": upcoming_day(120), "venue": "Loopback",
        "programme": ["morning 10:00 20 6", "afternoon 14:00 20 6"], "max_requests": 1000, "max_meetings": 1000});
    expect(c.call("POST", "/api/v1/events", Some(&event))?, 201, "create the event")?;
    let mut everyone = Vec::new();
    for (k, org) in reps.iter().enumerate() {
        let body = json!({"name": format!("Representative {k}"), "organisation": org});
        let r = expect(
            c.call("POST", &format!("/api/v1/events/{EVENT}/participants"), Some(&body))?,
            201,
            "add a participant",
        )?;
        everyone.push(r["participant"].as_i64().context("participant id")?);
    }
    let mut me = Vec::new();
    for token in tokens {
        let mut m = Conn::open(addr, Some(token.clone()))?;
        let r = expect(m.call("POST", &format!("/api/v1/events/{EVENT}/register"), None)?, 201, "register")?;
        me.push(r["participant"].as_i64().context("participant id")?);
    }
    everyone.extend(&me);
    Ok(Setup { me, everyone })
}

fn expect(r: Reply, status: u16, what: &str) -> Result<Value> {
    if r.status != status {
        bail!("{what}: status {} ({})", r.status, r.body.chars().take(300).collect::<String>());
    }
    Ok(serde_json::from_str(&r.body).unwrap_or(Value::Null))
}

/// `YYYY-MM-DD`, `days` after today (UTC).
fn upcoming_day(days: i64) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    // Howard Hinnant's civil_from_days.
    let z = (now / 86_400) as i64 + days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// One client's state: who it is and what the server acknowledged to it.
struct Client {
    k: usize,
    token: String,
    org: i64,
    me: i64,
    targets: Vec<i64>,
    /// Organisations whose pages it reads.
    pages: Vec<i64>,
    rng: u64,
    /// The organisation's fields as read at the start; edits change the description only.
    profile: Value,
    last_marker: Option<String>,
    /// Acknowledged requests: id -> receiver.
    sent: BTreeMap<i64, i64>,
    /// Acknowledged answers: request id -> stored status.
    answered: BTreeMap<i64, &'static str>,
    /// Receivers this client has an open request with, as far as it knows.
    open_with: HashSet<i64>,
}

impl Client {
    fn new(k: usize, token: String, org: i64, me: i64, setup: &Setup, pages: &[i64]) -> Client {
        let targets = setup.everyone.iter().copied().filter(|p| *p != me).collect();
        let rng = 0x9E37_79B9_7F4A_7C15u64 ^ (k as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D);
        Client {
            k,
            token,
            org,
            me,
            targets,
            pages: pages.to_vec(),
            rng,
            profile: Value::Null,
            last_marker: None,
            sent: BTreeMap::new(),
            answered: BTreeMap::new(),
            open_with: HashSet::new(),
        }
    }

    fn next(&mut self) -> u64 {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        self.rng
    }
}

/// What happened, by kind of operation: statuses and latencies.
#[derive(Default)]
struct Tally {
    statuses: BTreeMap<u16, u64>,
    latency: BTreeMap<&'static str, Vec<f64>>,
    /// Writes acknowledged, by kind.
    acked: BTreeMap<&'static str, u64>,
    /// Valid writes refused (any other answer than success), with an example.
    refused: Vec<String>,
    /// 409 "a request between you two is already open": genuine duplicates.
    duplicates: u64,
    /// 409 "you have sent the 1000 requests this event allows": the cap, not a refusal.
    capped: u64,
    /// Answer turns in which no request was waiting (the read was done, nothing to answer).
    nothing_to_answer: u64,
    transport_errors: Vec<String>,
}

impl Tally {
    fn merge(&mut self, o: Tally) {
        for (s, n) in o.statuses {
            *self.statuses.entry(s).or_default() += n;
        }
        for (k, mut v) in o.latency {
            self.latency.entry(k).or_default().append(&mut v);
        }
        for (k, n) in o.acked {
            *self.acked.entry(k).or_default() += n;
        }
        self.refused.extend(o.refused);
        self.duplicates += o.duplicates;
        self.capped += o.capped;
        self.nothing_to_answer += o.nothing_to_answer;
        self.transport_errors.extend(o.transport_errors);
    }

    fn record(&mut self, kind: &'static str, r: &Reply) {
        *self.statuses.entry(r.status).or_default() += 1;
        self.latency.entry(kind).or_default().push(r.ms);
    }
}

fn drive(addr: &str, clients: Vec<Client>, seconds: u64) -> Result<(Tally, Vec<Client>)> {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let handles: Vec<_> = clients
        .into_iter()
        .map(|mut c| {
            let addr = addr.to_string();
            std::thread::spawn(move || -> Result<(Tally, Client)> {
                let mut conn = Conn::open(&addr, Some(c.token.clone()))?;
                let r = conn.call("GET", &format!("/api/v1/organisations/{}", c.org), None)?;
                c.profile = expect(r, 200, "read the own organisation")?;
                let mut tally = Tally::default();
                while Instant::now() < deadline {
                    if let Err(e) = step(&mut conn, &mut c, &mut tally) {
                        tally.transport_errors.push(format!("client {}: {e:#}", c.k));
                        conn = Conn::open(&addr, Some(c.token.clone()))?;
                    }
                }
                Ok((tally, c))
            })
        })
        .collect();
    let mut tally = Tally::default();
    let mut clients = Vec::new();
    for h in handles {
        let (t, c) = h.join().map_err(|_| anyhow::anyhow!("a client thread panicked"))??;
        tally.merge(t);
        clients.push(c);
    }
    Ok((tally, clients))
}

/// One operation of the mix: 40% profile edits, 20% requests, 10% answers, 30% reads.
fn step(conn: &mut Conn, c: &mut Client, t: &mut Tally) -> Result<()> {
    let dice = c.next() % 100;
    let n = c.next();
    if dice < 40 {
        let marker = format!("load marker {}-{n:016x}", c.k);
        let mut body = serde_json::Map::new();
        for key in [
            "external_id",
            "name",
            "short_name",
            "kind",
            "sme",
            "country",
            "city",
            "website",
            "offers",
            "needs",
            "tags",
            "languages",
        ] {
            if let Some(v) = c.profile.get(key).filter(|v| !v.is_null()) {
                body.insert(key.to_string(), v.clone());
            }
        }
        body.insert("description".into(), json!(marker));
        let r = conn.call("PUT", &format!("/api/v1/organisations/{}", c.org), Some(&Value::Object(body)))?;
        t.record("profile edit", &r);
        if r.status == 200 {
            c.last_marker = Some(marker);
            *t.acked.entry("profile edits").or_default() += 1;
        } else {
            t.refused.push(format!("profile edit: {} {}", r.status, r.snippet()));
        }
    } else if dice < 60 {
        let free: Vec<i64> = c.targets.iter().copied().filter(|p| !c.open_with.contains(p)).collect();
        if free.is_empty() {
            return Ok(());
        }
        let to = free[(n % free.len() as u64) as usize];
        let body = json!({"to": to, "message": format!("load {}-{n:x}", c.k), "priority": 1 + n % 3});
        let r = conn.call("POST", &format!("/api/v1/events/{EVENT}/requests"), Some(&body))?;
        t.record("meeting request", &r);
        c.open_with.insert(to);
        match r.status {
            201 => {
                let id = serde_json::from_str::<Value>(&r.body)?["id"].as_i64().context("request id")?;
                c.sent.insert(id, to);
                *t.acked.entry("meeting requests").or_default() += 1;
            }
            409 if r.body.contains("already open") => t.duplicates += 1,
            409 if r.body.contains("requests this event allows") => t.capped += 1,
            _ => t.refused.push(format!("meeting request: {} {}", r.status, r.snippet())),
        }
    } else if dice < 70 {
        answer(conn, c, t, n)?;
    } else {
        let word = WORDS[(n % WORDS.len() as u64) as usize];
        let path = match n % 5 {
            0 => format!("/organisations/{}", c.pages[((n >> 8) % c.pages.len() as u64) as usize]),
            1 => format!("/organisations?q={word}"),
            2 => format!("/api/v1/organisations?q={word}"),
            3 => format!("/events/{EVENT}"),
            _ => format!("/api/v1/organisations/{}", c.org),
        };
        let r = conn.call("GET", &path, None)?;
        t.record("page or search read", &r);
    }
    Ok(())
}

/// An answer turn: read the event (own requests), then accept or decline one sent to me.
fn answer(conn: &mut Conn, c: &mut Client, t: &mut Tally, n: u64) -> Result<()> {
    let r = conn.call("GET", &format!("/api/v1/events/{EVENT}"), None)?;
    t.record("event read (own requests)", &r);
    let v: Value = serde_json::from_str(&r.body).unwrap_or(Value::Null);
    let waiting: Vec<i64> = v["my_requests"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|x| x["to"].as_i64() == Some(c.me) && x["status"] == "pending")
                .filter_map(|x| x["id"].as_i64())
                .collect()
        })
        .unwrap_or_default();
    // Who this client has an open request with, as the server now says (declined pairs may
    // ask again).
    if let Some(a) = v["my_requests"].as_array() {
        c.open_with = a
            .iter()
            .filter(|x| x["status"] == "pending" || x["status"] == "accepted")
            .filter_map(|x| if x["from"].as_i64() == Some(c.me) { x["to"].as_i64() } else { x["from"].as_i64() })
            .collect();
    }
    let Some(&id) = waiting.get((n % waiting.len().max(1) as u64) as usize) else {
        t.nothing_to_answer += 1;
        return Ok(());
    };
    let accept = (n >> 8).is_multiple_of(2);
    let path = format!("/api/v1/meeting-requests/{id}/{}", if accept { "accept" } else { "decline" });
    let r = conn.call("POST", &path, None)?;
    t.record("accept or decline", &r);
    if r.status == 204 {
        c.answered.insert(id, if accept { "accepted" } else { "declined" });
        *t.acked.entry("answers").or_default() += 1;
    } else {
        t.refused.push(format!("answer: {} {}", r.status, r.snippet()));
    }
    Ok(())
}

/// Reads every acknowledged write back through the API; returns what is missing.
fn verify(addr: &str, clients: &[Client]) -> Result<Vec<String>> {
    let mut lost = Vec::new();
    for c in clients {
        let mut conn = Conn::open(addr, Some(c.token.clone()))?;
        let org = expect(conn.call("GET", &format!("/api/v1/organisations/{}", c.org), None)?, 200, "read back")?;
        if let Some(marker) = &c.last_marker {
            if org["description"].as_str() != Some(marker.as_str()) {
                lost.push(format!("organisation {}: last acknowledged edit `{marker}` not stored", c.org));
            }
        }
        let ev = expect(conn.call("GET", &format!("/api/v1/events/{EVENT}"), None)?, 200, "read back")?;
        let mine: HashMap<i64, &Value> = ev["my_requests"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| Some((x["id"].as_i64()?, x))).collect())
            .unwrap_or_default();
        for (id, to) in &c.sent {
            match mine.get(id) {
                Some(x) if x["from"].as_i64() == Some(c.me) && x["to"].as_i64() == Some(*to) => {}
                _ => lost.push(format!("client {}: acknowledged request {id} to {to} not stored", c.k)),
            }
        }
        for (id, status) in &c.answered {
            if mine.get(id).map(|x| x["status"].as_str()) != Some(Some(*status)) {
                lost.push(format!("client {}: acknowledged answer {status} of request {id} not stored", c.k));
            }
        }
    }
    Ok(lost)
}

/// Prints the figures; returns what missed the target.
fn report(t: &Tally, clients: &[Client], lost: &[String], seconds: u64) -> Vec<String> {
    let total: u64 = t.statuses.values().sum();
    println!("requests: {total} in {seconds} s ({:.0} req/s)", total as f64 / seconds.max(1) as f64);
    let by_status: Vec<String> = t.statuses.iter().map(|(s, n)| format!("{s}: {n}")).collect();
    println!("answers by status: {}", by_status.join(", "));
    let mut all = Vec::new();
    for (kind, v) in &t.latency {
        let mut v = v.clone();
        v.sort_by(f64::total_cmp);
        println!(
            "  {kind:<27} {:>6}  p50 {:7.2} ms  p95 {:7.2} ms  p99 {:7.2} ms",
            v.len(),
            super::pct(&v, 50.0),
            super::pct(&v, 95.0),
            super::pct(&v, 99.0)
        );
        all.extend(v);
    }
    all.sort_by(f64::total_cmp);
    println!(
        "  {:<27} {:>6}  p50 {:7.2} ms  p95 {:7.2} ms  p99 {:7.2} ms",
        "all",
        all.len(),
        super::pct(&all, 50.0),
        super::pct(&all, 95.0),
        super::pct(&all, 99.0)
    );
    let acked: Vec<String> = t.acked.iter().map(|(k, n)| format!("{n} {k}")).collect();
    println!("writes acknowledged: {}", acked.join(", "));
    println!(
        "409 for a request already open between the two (genuine duplicates, not refused writes): {}; for the request cap: {}; answer turns with nothing to answer: {}",
        t.duplicates, t.capped, t.nothing_to_answer
    );
    let checked = clients.iter().filter(|c| c.last_marker.is_some()).count()
        + clients.iter().map(|c| c.sent.len() + c.answered.len()).sum::<usize>();
    println!("read back: {checked} acknowledged writes checked, {} missing", lost.len());
    let mut missed = Vec::new();
    let server_errors: u64 = t.statuses.iter().filter(|(s, _)| **s >= 500).map(|(_, n)| n).sum();
    if server_errors > 0 {
        missed.push(format!("{server_errors} answers >= 500"));
    }
    if !t.refused.is_empty() {
        missed.push(format!("{} valid writes refused (first: {})", t.refused.len(), t.refused[0]));
    }
    if !lost.is_empty() {
        missed.push(format!("{} acknowledged writes missing (first: {})", lost.len(), lost[0]));
    }
    if !t.transport_errors.is_empty() {
        missed.push(format!("{} transport errors (first: {})", t.transport_errors.len(), t.transport_errors[0]));
    }
    println!(
        "target (0 answers >= 500, 0 valid writes refused, 0 lost): {}",
        if missed.is_empty() { "met" } else { "MISSED" }
    );
    missed
}

/// A keep-alive HTTP/1.1 connection, signed in with a bearer token (also `analytics`'s client).
pub(super) struct Conn {
    reader: BufReader<TcpStream>,
    stream: TcpStream,
    token: Option<String>,
}

pub(super) struct Reply {
    pub(super) status: u16,
    pub(super) body: String,
    pub(super) ms: f64,
}

impl Reply {
    fn snippet(&self) -> String {
        self.body.chars().take(160).collect()
    }
}

impl Conn {
    pub(super) fn open(addr: &str, token: Option<String>) -> Result<Conn> {
        let stream = TcpStream::connect(addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(60)))?;
        stream.set_nodelay(true)?;
        Ok(Conn { reader: BufReader::new(stream.try_clone()?), stream, token })
    }

    pub(super) fn call(&mut self, method: &str, path: &str, body: Option<&Value>) -> Result<Reply> {
        let body = body.map(Value::to_string).unwrap_or_default();
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: load\r\nContent-Length: {}\r\n", body.len());
        if !body.is_empty() {
            head.push_str("Content-Type: application/json\r\n");
        }
        if let Some(t) = &self.token {
            head.push_str(&format!("Authorization: Bearer {t}\r\n"));
        }
        head.push_str("\r\n");
        let started = Instant::now();
        self.stream.write_all(head.as_bytes())?;
        self.stream.write_all(body.as_bytes())?;
        let (status, body) = read_reply(&mut self.reader)?;
        Ok(Reply { status, body, ms: started.elapsed().as_secs_f64() * 1000.0 })
    }
}

/// Reads one response, with a `Content-Length` or a chunked body.
fn read_reply(r: &mut BufReader<TcpStream>) -> Result<(u16, String)> {
    let mut line = String::new();
    r.read_line(&mut line)?;
    let status: u16 = line.split_whitespace().nth(1).context("no status line")?.parse()?;
    let (mut length, mut chunked) = (0usize, false);
    loop {
        line.clear();
        r.read_line(&mut line)?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            let k = k.trim().to_ascii_lowercase();
            if k == "content-length" {
                length = v.trim().parse()?;
            } else if k == "transfer-encoding" && v.to_ascii_lowercase().contains("chunked") {
                chunked = true;
            }
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            line.clear();
            r.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or("0"), 16)?;
            let mut chunk = vec![0u8; size + 2];
            r.read_exact(&mut chunk)?;
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    } else {
        body.resize(length, 0);
        r.read_exact(&mut body)?;
    }
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}
