//! Scheduling runs in the background, so that the organisers' page shows that one is running
//! (with the meetings a first quick pass placed) and refreshes itself until it ends: one run
//! per event at a time, a second start answers "already running". A run either publishes a
//! plan (`App::schedule_event`) or is a what-if, which writes nothing and is shown against the
//! current plan.
//!
//! The state lives in the process (a map shared by every clone of `App`): a restart forgets
//! runs, never a plan, which only a publishing run writes, in one transaction.

use super::scheduling::{ScheduleReport, WhatIf};
use crate::{App, AppError, AppResult};
use domain::{Actor, EventId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The runs of every event, by event.
pub(crate) type Runs = Arc<Mutex<HashMap<EventId, RunState>>>;

/// A scheduling run: what it tries, how far it got, and how it ended.
#[derive(Debug, Clone, PartialEq)]
pub struct RunState {
    /// `None`: a run that publishes its plan.
    pub what_if: Option<WhatIf>,
    /// When it started (stored form, UTC).
    pub started: String,
    /// Meetings placed by the first quick pass, once it is done.
    pub best: Option<usize>,
    /// The result, once it has ended: the report and the meetings the plan placed before the
    /// run, or the reason it failed.
    pub outcome: Option<Result<(ScheduleReport, usize), String>>,
    /// The report of the last publishing run before this one, kept across what-if runs.
    pub published: Option<ScheduleReport>,
}

impl RunState {
    pub fn running(&self) -> bool {
        self.outcome.is_none()
    }

    /// The report of the latest publishing run that ended well: this one, or an earlier one.
    pub fn last_published(&self) -> Option<ScheduleReport> {
        match (&self.outcome, self.what_if) {
            (Some(Ok((report, _))), None) => Some(report.clone()),
            _ => self.published.clone(),
        }
    }
}

impl App {
    /// Starts a scheduling run in the background (organisers): a publishing one, or a what-if
    /// when `what_if` is given. 409 when one is running for this event or the event is over.
    pub async fn start_schedule_run(
        &self,
        actor: &Actor,
        slug: &str,
        what_if: Option<WhatIf>,
        time_limit: std::time::Duration,
    ) -> AppResult<()> {
        let mut conn = self.store.conn().await?;
        let l = self.load_plan(&mut conn, actor, slug).await?;
        drop(conn);
        if l.is_over(&self.today_text()) {
            return Err(AppError::Conflict("the event is over: there is nothing to schedule".into()));
        }
        if what_if.is_some_and(|w| w.tables > WhatIf::MAX || w.slots > WhatIf::MAX || w == WhatIf::default()) {
            return Err(AppError::field("tables", format!("add from 1 to {} tables or slots", WhatIf::MAX)));
        }
        let id = l.event.id;
        {
            let mut runs = self.runs.lock().map_err(|_| AppError::Conflict("scheduling runs unavailable".into()))?;
            if runs.get(&id).is_some_and(RunState::running) {
                return Err(AppError::Conflict("a scheduling run is already running for this event".into()));
            }
            let published = runs.get(&id).and_then(RunState::last_published);
            runs.insert(id, RunState { what_if, started: self.now_text(), best: None, outcome: None, published });
        }
        let (app, actor, slug) = (self.clone(), actor.clone(), slug.to_string());
        tokio::spawn(async move {
            let progress = |n: usize| app.update_run(id, |r| r.best = Some(n));
            let outcome = match what_if {
                None => app.schedule_with_progress(&actor, &slug, time_limit, &progress).await.map(|r| (r, l.placed())),
                Some(w) => app.what_if_with_progress(&actor, &slug, w, time_limit, &progress).await,
            };
            app.update_run(id, |r| r.outcome = Some(outcome.map_err(|e| e.to_string())));
        });
        Ok(())
    }

    /// The latest scheduling run of an event, running or ended (organisers).
    pub async fn schedule_run(&self, actor: &Actor, slug: &str) -> AppResult<Option<RunState>> {
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        if !self.organises(&mut conn, actor, &e).await? {
            return Err(AppError::Forbidden);
        }
        Ok(self.runs.lock().ok().and_then(|r| r.get(&e.id).cloned()))
    }

    fn update_run(&self, id: EventId, change: impl FnOnce(&mut RunState)) {
        if let Some(r) = self.runs.lock().ok().as_mut().and_then(|r| r.get_mut(&id)) {
            change(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{EventInput, ProgrammeBlock};
    use store::testdb::TestDb;

    async fn app_with_event() -> (TestDb, App, EventId) {
        let db = TestDb::sqlite().await.unwrap();
        let app = App::new(db.store.clone(), Arc::new(crate::FixedClock::at("2026-03-01T10:00:00Z")));
        let input = EventInput {
            slug: "day".into(),
            name: "Day".into(),
            starts_on: "2026-03-20".into(),
            tables: 2,
            capacity: 10,
            ..Default::default()
        };
        let blocks = [ProgrammeBlock { session: "pm".into(), start: "14:00".into(), minutes: 20, count: 2, day: None }];
        let sys = Actor::system();
        app.create_event(&sys, &input, &[], &blocks).await.unwrap();
        let id = app.events().await.unwrap().into_iter().find(|e| e.slug == "day").unwrap().id;
        (db, app, id)
    }

    #[tokio::test]
    async fn a_second_run_while_one_runs_is_refused_and_a_finished_one_is_reported() {
        let (_db, app, id) = app_with_event().await;
        let sys = Actor::system();
        let limit = std::time::Duration::from_secs(1);
        // A run in progress (its task is elsewhere): a second one is refused in words.
        app.runs.lock().unwrap().insert(
            id,
            RunState { what_if: None, started: String::new(), best: Some(3), outcome: None, published: None },
        );
        let refused = app.start_schedule_run(&sys, "day", None, limit).await.unwrap_err();
        assert_eq!(refused.to_string(), "a scheduling run is already running for this event");
        assert!(app.schedule_run(&sys, "day").await.unwrap().unwrap().running());
        // Once it has ended, a what-if starts, ends, and is reported against the current plan.
        app.update_run(id, |r| r.outcome = Some(Err("stopped".into())));
        let change = WhatIf { tables: 1, slots: 1 };
        app.start_schedule_run(&sys, "day", Some(change), limit).await.unwrap();
        let mut state = app.schedule_run(&sys, "day").await.unwrap().unwrap();
        for _ in 0..200 {
            if !state.running() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            state = app.schedule_run(&sys, "day").await.unwrap().unwrap();
        }
        assert_eq!(state.what_if, Some(change));
        let (report, current) = state.outcome.unwrap().unwrap();
        assert_eq!((report.requests, report.placed, current), (0, 0, 0));
        // Out of bounds, or no change at all: named.
        for bad in [WhatIf { tables: 21, slots: 0 }, WhatIf::default()] {
            assert!(matches!(
                app.start_schedule_run(&sys, "day", Some(bad), limit).await,
                Err(AppError::Validation(_))
            ));
        }
    }
}
