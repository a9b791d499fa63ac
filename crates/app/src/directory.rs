//! The directory search's in-memory index is `matching::directory` (pure, beside the ranker);
//! the app builds it from the store in `App::directory` and rebuilds it when the database's
//! directory version moves. This module names its types for the app's callers.

pub use matching::directory::{DirectoryIndex, Page, Query};
