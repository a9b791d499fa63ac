//! The web app end to end: the real server on a random port, on SQLite and PostgreSQL, driven by
//! an HTTP client and by headless Chromium.

mod access;
mod accounts;
mod analytics;
mod api;
mod browser;
mod clusters;
mod consent;
mod events;
mod flash;
mod follow_ups;
mod forms;
mod forum;
mod language;
mod limits;
mod mail;
mod matchmaking;
mod phone;
mod report;
mod snapshots;
mod statements;
mod support;
