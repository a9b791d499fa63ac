//! The vocabulary of clusterbridge: identifiers, the registry's entities, their validation and the
//! access rules that decide who may see or change what.
//!
//! This crate does no I/O. Constructors named `parse` turn raw user input into values that are
//! valid by construction; a failure is data (`Vec<FieldError>`) naming the field, so every edge
//! (HTTP form, JSON API, CSV import) reports the same messages.

pub mod access;
pub mod country;
mod error;
pub mod model;
pub mod text;

pub use access::{Actor, Role};
pub use country::Country;
pub use error::FieldError;
pub use model::*;
