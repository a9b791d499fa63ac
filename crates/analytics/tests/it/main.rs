//! The analytics crate against reference values: NetworkX's betweenness and leidenalg's
//! modularity computed once on small graphs (`tests/data`, written by
//! `xtask/reference_analytics.py`), and hand-checked figures on small registries.

mod fixtures;
mod graphs;
mod registry;
