//! The web app end to end: the real server on a random port, on SQLite and PostgreSQL, driven by
//! an HTTP client and by headless Chromium.

mod access;
mod accounts;
mod analytics;
mod api;
mod browser;
mod browser_network;
mod clusters;
mod consent;
mod events;
mod flash;
mod forms;
mod forum;
mod language;
mod limits;
mod mail;
mod matchmaking;
mod network;
mod phone;
mod snapshots;
mod statements;
mod support;
