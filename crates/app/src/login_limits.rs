//! Login rate limits that an attacker can neither fill memory with nor turn against an account's
//! owner.
//!
//! Memory is bounded three ways. An e-mail longer than an address can be is refused before
//! anything is stored; every key is a 32-byte BLAKE2b digest, so a 900 KB e-mail costs what a
//! short one does; and each keyed limiter holds at most [`MAX_KEYS`] keys: past that it drops the
//! keys whose state is indistinguishable from a fresh one (`governor`'s `retain_recent`), then, if
//! that is not enough, the keys closest to being forgiven, and shrinks its table.
//!
//! Fairness: failures count per account (e-mail) and per client address, except for a browser
//! that has signed in to that account before (its "known device" cookie, see
//! [`App::remember_device`]): its attempts count on that device alone. So failures from other
//! addresses cannot lock the owner's browser out, and the per-address budget is ten times the
//! per-account one, so one noisy address behind a shared proxy does not shut out its neighbours
//! for long. Limits are GCRA (`governor`): a burst of N failures, then one more every window/N.
//!
//! Only failures count. `governor` has no way to look without counting, so each limiter's state
//! store answers a "dry run" probe by computing the decision on the stored state and writing
//! nothing; a real probe (a failure) updates it.

use crate::{App, AppError, AppResult, Clock};
use blake2::{Blake2b, Digest as _};
use domain::{FieldError, UserId};
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::{HashMapStateStore, ShrinkableKeyedStateStore};
use governor::state::{InMemoryState, NotKeyed, StateStore};
use governor::{Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

/// Failed logins per window for an account, from browsers that are not known to it.
pub const MAX_FAILURES: u32 = 5;
/// Failed logins per window from one client address (an IPv6 /64 counts as one address).
pub const ADDRESS_FAILURES: u32 = 50;
/// Failed logins per window from one known device (a browser that signed in to the account).
pub const DEVICE_FAILURES: u32 = 10;
/// The window: a burst of the budget, then one more failure every window/budget.
pub const FAILURE_WINDOW_SECS: i64 = 15 * 60;
/// Most keys one limiter holds (per account, per address, per device): about 2.5 MB each.
pub const MAX_KEYS: usize = 50_000;
/// The longest e-mail address there can be (RFC 5321 path limit); longer ones are refused unread.
pub const MAX_EMAIL_BYTES: usize = domain::limits::EMAIL;
/// Known devices remembered per account; signing in on an eleventh forgets the least recent.
pub const DEVICES_PER_ACCOUNT: i64 = 10;

pub(crate) type Key = [u8; 32];

pub(crate) fn digest(kind: &str, value: &str) -> Key {
    let mut h = Blake2b::<blake2::digest::consts::U32>::new();
    h.update(kind.as_bytes());
    h.update([0]);
    h.update(value.as_bytes());
    h.finalize().into()
}

/// The address as a limiter sees it: an IPv6 client usually holds a whole /64, so that is one key.
pub(crate) fn address_key(client: &str) -> Key {
    match client.parse::<IpAddr>().map(|ip| ip.to_canonical()) {
        Ok(IpAddr::V6(v6)) => {
            let s = v6.segments();
            digest("address", &format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3]))
        }
        Ok(ip) => digest("address", &ip.to_string()),
        Err(_) => digest("address", client),
    }
}

/// A key, and whether this look at it may change it.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Probe {
    key: Key,
    dry_run: bool,
}

/// `governor`'s hash-map store, shared with the limiter's owner (for pruning) and able to
/// answer dry runs.
struct Table(Arc<HashMapStateStore<Key>>);

/// The stored theoretical arrival time of a key's next cell (read without writing).
fn stored(state: &InMemoryState) -> Option<Nanos> {
    state.measure_and_replace(&NotKeyed::NonKey, Err::<((), Nanos), _>).err().flatten()
}

impl StateStore for Table {
    type Key = Probe;

    fn measure_and_replace<T, F, E>(&self, probe: &Probe, f: F) -> Result<T, E>
    where
        F: Fn(Option<Nanos>) -> Result<(T, Nanos), E>,
    {
        if !probe.dry_run {
            return self.0.measure_and_replace(&probe.key, f);
        }
        // A key that is not there is not added: looking costs no memory.
        let tat = self.0.lock().get(&probe.key).and_then(stored);
        f(tat).map(|(decision, _)| decision)
    }
}

impl ShrinkableKeyedStateStore<Probe> for Table {
    fn retain_recent(&self, drop_below: Nanos) {
        self.0.retain_recent(drop_below);
    }

    fn shrink_to_fit(&self) {
        self.0.shrink_to_fit();
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `governor`'s view of the app's injected clock, so tests that move the clock move the limits.
struct LimitClock(Arc<dyn Clock>);

impl governor::clock::Clock for LimitClock {
    type Instant = Nanos;

    fn now(&self) -> Nanos {
        let nanos = self.0.now().timestamp_nanos_opt().unwrap_or(0);
        Nanos::from(u64::try_from(nanos).unwrap_or(0))
    }
}

/// One budget (failures per window) over many keys, holding at most `max_keys` of them.
pub(crate) struct Keyed {
    limiter: RateLimiter<Probe, Table, LimitClock, NoOpMiddleware<Nanos>>,
    table: Arc<HashMapStateStore<Key>>,
    max_keys: usize,
}

impl Keyed {
    pub(crate) fn new(budget: u32, clock: Arc<dyn Clock>, max_keys: usize) -> Keyed {
        let budget = NonZeroU32::new(budget).unwrap_or(NonZeroU32::MIN);
        let every = Duration::from_secs(FAILURE_WINDOW_SECS.unsigned_abs()) / budget.get();
        let quota = Quota::with_period(every).unwrap_or(Quota::per_second(NonZeroU32::MIN)).allow_burst(budget);
        let table = Arc::new(HashMapStateStore::default());
        let limiter = RateLimiter::new(quota, Table(table.clone()), LimitClock(clock));
        Keyed { limiter, table, max_keys }
    }

    /// How long `key` must wait before its next failure would be allowed, if it must.
    pub(crate) fn wait(&self, key: Key) -> Option<Duration> {
        use governor::clock::Clock as _;
        let denied = self.limiter.check_key(&Probe { key, dry_run: true }).err()?;
        Some(denied.wait_time_from(self.limiter.clock().now()))
    }

    pub(crate) fn fail(&self, key: Key) {
        let _ = self.limiter.check_key(&Probe { key, dry_run: false });
        if self.limiter.len() > self.max_keys {
            self.prune();
        }
    }

    /// Back under the bound: first the keys that remember nothing, then, if every key is busy
    /// (many addresses at once), those closest to being forgiven, down to nine tenths of it.
    fn prune(&self) {
        self.limiter.retain_recent();
        if self.limiter.len() > self.max_keys {
            let mut map = self.table.lock();
            let mut by_age: Vec<(Nanos, Key)> = map.iter().map(|(k, s)| (stored(s).unwrap_or_default(), *k)).collect();
            by_age.sort_unstable();
            let drop = map.len().saturating_sub(self.max_keys * 9 / 10);
            for (_, k) in by_age.into_iter().take(drop) {
                map.remove(&k);
            }
        }
        self.limiter.shrink_to_fit();
    }

    fn usage(&self) -> Usage {
        let map = self.table.lock();
        // hashbrown: one control byte per bucket besides the entry.
        let bucket = std::mem::size_of::<(Key, InMemoryState)>() + 1;
        Usage { keys: map.len(), bytes: map.capacity() * bucket }
    }
}

/// How much a limiter holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    pub keys: usize,
    /// An estimate of the table's heap size.
    pub bytes: usize,
}

/// The keys one login attempt counts on.
pub(crate) struct Attempt {
    account: Key,
    address: Key,
    /// Set when the browser presented a known-device cookie of this very account.
    device: Option<Key>,
}

/// The three limiters of the sign-in form.
pub struct LoginLimiter {
    account: Keyed,
    address: Keyed,
    device: Keyed,
}

impl LoginLimiter {
    pub fn new(clock: Arc<dyn Clock>) -> LoginLimiter {
        LoginLimiter::with_max_keys(clock, MAX_KEYS)
    }

    /// A limiter holding at most `max_keys` keys per budget (tests use a small bound).
    pub fn with_max_keys(clock: Arc<dyn Clock>, max_keys: usize) -> LoginLimiter {
        LoginLimiter {
            account: Keyed::new(MAX_FAILURES, clock.clone(), max_keys),
            address: Keyed::new(ADDRESS_FAILURES, clock.clone(), max_keys),
            device: Keyed::new(DEVICE_FAILURES, clock, max_keys),
        }
    }

    /// Keys held and their estimated bytes, summed over the three budgets.
    pub fn usage(&self) -> Usage {
        [&self.account, &self.address, &self.device]
            .iter()
            .map(|k| k.usage())
            .fold(Usage::default(), |a, u| Usage { keys: a.keys + u.keys, bytes: a.bytes + u.bytes })
    }

    fn budgets<'a>(&'a self, a: &Attempt) -> Vec<(&'a Keyed, Key)> {
        match a.device {
            Some(d) => vec![(&self.device, d)],
            None => vec![(&self.account, a.account), (&self.address, a.address)],
        }
    }

    /// Seconds to wait (at least 1) if the attempt is over one of its budgets.
    pub(crate) fn blocked(&self, a: &Attempt) -> Option<u64> {
        let wait = self.budgets(a).into_iter().filter_map(|(k, key)| k.wait(key)).max()?;
        Some(wait.as_secs_f64().ceil().max(1.0) as u64)
    }

    pub(crate) fn failed(&self, a: &Attempt) {
        for (k, key) in self.budgets(a) {
            k.fail(key);
        }
    }
}

/// A sign-in e-mail longer than any address is refused before it reaches a limiter or a query.
pub(crate) fn check_email_size(email: &str) -> AppResult<()> {
    if email.len() > MAX_EMAIL_BYTES {
        return Err(AppError::Validation(vec![FieldError::new(
            "email",
            format!("is longer than an e-mail address can be ({MAX_EMAIL_BYTES} bytes)"),
        )]));
    }
    Ok(())
}

/// A device cookie is 64 hex digits; anything else is ignored without a query.
fn device_hash(token: Option<&str>) -> Option<String> {
    token.filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit())).map(crate::auth::token_hash)
}

impl App {
    /// The keys a login attempt counts on: the device's alone when the browser presents a
    /// known-device cookie of `user`, else the account's and the address's.
    pub(crate) async fn login_attempt(
        &self,
        conn: &mut store::Conn,
        email: &str,
        client: &str,
        device: Option<&str>,
        user: Option<UserId>,
    ) -> AppResult<Attempt> {
        // Looked up whether or not the account exists, so the time taken reveals nothing.
        let owner = match device_hash(device) {
            Some(hash) => store::known_device_user(conn, &hash).await?.map(|owner| (owner, hash)),
            None => None,
        };
        let known = owner.filter(|(owner, _)| Some(*owner) == user).map(|(_, hash)| hash);
        Ok(Attempt {
            account: digest("account", email),
            address: address_key(client),
            device: known.map(|h| digest("device", &h)),
        })
    }

    /// After a successful sign-in: the browser's device cookie, kept if it already belongs to
    /// this account, else a new one. The database keeps its hash and the account's ten most
    /// recent devices, so the rule survives restarts and holds across instances.
    pub(crate) async fn remember_device(
        &self,
        conn: &mut store::Conn,
        user: UserId,
        presented: Option<&str>,
    ) -> AppResult<String> {
        let now = self.now_text();
        if let (Some(token), Some(hash)) = (presented, device_hash(presented)) {
            if store::known_device_user(conn, &hash).await? == Some(user) {
                store::touch_known_device(conn, &hash, &now).await?;
                return Ok(token.to_string());
            }
        }
        let token = crate::auth::random_token()?;
        store::insert_known_device(conn, user, &crate::auth::token_hash(&token), &now, DEVICES_PER_ACCOUNT).await?;
        Ok(token)
    }

    /// How much the sign-in limiter holds (for tests and monitoring).
    pub fn login_limiter_usage(&self) -> Usage {
        self.limiter.usage()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FixedClock;

    fn attempt(email: &str, client: &str) -> Attempt {
        Attempt { account: digest("account", email), address: address_key(client), device: None }
    }

    #[test]
    fn a_dry_run_neither_counts_nor_stores() {
        let limiter = LoginLimiter::new(Arc::new(FixedClock::at("2026-01-01T09:00:00Z")));
        let a = attempt("a@example.org", "10.0.0.1");
        for _ in 0..100 {
            assert_eq!(limiter.blocked(&a), None);
        }
        assert_eq!(limiter.usage().keys, 0);
        for _ in 0..MAX_FAILURES {
            assert_eq!(limiter.blocked(&a), None);
            limiter.failed(&a);
        }
        assert_eq!(limiter.usage().keys, 2, "one account key and one address key");
        // Blocked for one emission interval: the window over the budget.
        assert_eq!(limiter.blocked(&a), Some(FAILURE_WINDOW_SECS as u64 / u64::from(MAX_FAILURES)));
    }

    #[test]
    fn the_clock_forgives_and_housekeeping_forgets() {
        let clock = Arc::new(FixedClock::at("2026-01-01T09:00:00Z"));
        let limiter = LoginLimiter::with_max_keys(clock.clone(), 100);
        let a = attempt("a@example.org", "10.0.0.1");
        for _ in 0..MAX_FAILURES {
            limiter.failed(&a);
        }
        assert!(limiter.blocked(&a).is_some());
        clock.advance(chrono::Duration::seconds(FAILURE_WINDOW_SECS / i64::from(MAX_FAILURES)));
        assert_eq!(limiter.blocked(&a), None, "one failure is forgiven every window/budget");
        clock.advance(chrono::Duration::seconds(FAILURE_WINDOW_SECS));
        // Past the bound, the key whose state is fresh again is the one dropped: the 100 busy
        // accounts stay (an eviction of busy keys would leave nine tenths of the bound).
        for i in 0..100 {
            limiter.failed(&attempt(&format!("{i}@example.org"), "10.0.0.2"));
        }
        assert_eq!(limiter.usage().keys, 100 + 2, "100 accounts, 2 addresses");
    }

    #[test]
    fn five_thousand_busy_keys_stay_under_the_bound() {
        // Every key is fresh and blocked, so only the hard cap can hold the table.
        let limiter = LoginLimiter::with_max_keys(Arc::new(FixedClock::at("2026-01-01T09:00:00Z")), 1000);
        let long = "x".repeat(10_000);
        for i in 0..5000 {
            limiter.failed(&attempt(&format!("{long}{i}@example.org"), &format!("10.{}.{}.1", i / 250, i % 250)));
            let u = limiter.usage();
            assert!(u.keys <= 2 * 1000, "{i}: {u:?}");
        }
        let u = limiter.usage();
        assert!(u.bytes <= 2 * 2048 * 41, "{u:?}: 10 KB keys cost 32 bytes each");
    }

    #[test]
    fn an_ipv6_client_is_its_slash_64_and_mapped_ipv4_is_ipv4() {
        assert!(address_key("2001:db8:1:2::1") == address_key("2001:db8:1:2:ffff::9"));
        assert!(address_key("2001:db8:1:2::1") != address_key("2001:db8:1:3::1"));
        assert!(address_key("::ffff:10.0.0.1") == address_key("10.0.0.1"));
    }
}
