//! The web app end to end: the real server on a random port, on SQLite and PostgreSQL, driven by
//! an HTTP client and by headless Chromium.

mod access;
mod accounts;
mod analytics;
mod api;
mod audit;
mod browser;
mod browser_console;
mod browser_guest;
mod browser_meet;
mod browser_network;
mod clusters;
mod consent;
mod console;
mod events;
mod flash;
mod follow_ups;
mod forms;
mod forum;
mod grants;
mod guests;
mod language;
mod limits;
mod mail;
mod matchmaking;
mod meet;
mod network;
mod phone;
mod privacy;
mod report;
mod snapshots;
mod statements;
mod support;
