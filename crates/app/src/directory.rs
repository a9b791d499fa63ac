//! The directory search's in-memory index is `matching::directory` (pure, beside the ranker);
//! the app builds it from the store in `App::directory` and rebuilds it when the database's
//! directory version moves. This module names its types for the app's callers.

pub use matching::directory::{DirectoryIndex, Page, Query};

/// The index's facet counts in the store's type, which `registry` results carry.
pub fn store_facets(f: matching::directory::Facets) -> store::Facets {
    store::Facets { kinds: f.kinds, countries: f.countries, clusters: f.clusters }
}
