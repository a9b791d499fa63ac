//! No mail cannon: every form that sends mail to an address someone types (forgotten password,
//! sign-up) counts each request per client address and per target address, with the same
//! `governor` budgets as the sign-in limits (`login_limits`: bounded, hashed keys). Unlike sign-in
//! limits, every request counts, whether or not an account exists, so a refusal says nothing
//! about accounts.

use crate::login_limits::{address_key, digest, Keyed, MAX_KEYS};
use crate::{AppError, AppResult, Clock};
use std::sync::Arc;

/// Mails requested per window (15 min) for one target address: a burst of 3, then one every 5 min.
pub const PER_TARGET: u32 = 3;
/// Mail requests per window from one client address (an IPv6 /64 counts as one).
pub const PER_CLIENT: u32 = 20;

pub struct MailLimiter {
    target: Keyed,
    client: Keyed,
}

impl MailLimiter {
    pub fn new(clock: Arc<dyn Clock>) -> MailLimiter {
        MailLimiter {
            target: Keyed::new(PER_TARGET, clock.clone(), MAX_KEYS),
            client: Keyed::new(PER_CLIENT, clock, MAX_KEYS),
        }
    }

    /// Counts one request from `client` for mail to `target` (a normalised address), or says
    /// how many seconds to wait; a refused request does not count.
    pub(crate) fn count(&self, client: &str, target: &str) -> AppResult<()> {
        let target = digest("mail-target", target);
        let client = address_key(client);
        let wait = [self.target.wait(target), self.client.wait(client)].into_iter().flatten().max();
        if let Some(wait) = wait {
            return Err(AppError::TooManyRequests(wait.as_secs_f64().ceil().max(1.0) as u64));
        }
        self.target.fail(target);
        self.client.fail(client);
        Ok(())
    }
}

impl crate::App {
    /// The first steps of a form that asks for mail to one address: the address bounded,
    /// normalised and plausible, then counted on both budgets. Returns the normalised address.
    pub(crate) fn count_mail_request(&self, email: &str, client: &str) -> AppResult<String> {
        crate::login_limits::check_email_size(email)?;
        let email = crate::auth::normalise_email(email);
        if !crate::mail::plausible_email(&email) {
            return Err(AppError::field("email", "enter an e-mail address such as name@example.org"));
        }
        self.mail_limiter.count(client, &email)?;
        Ok(email)
    }
}
