#![recursion_limit = "256"]
//! Earnings Explorer: a quarterly earnings report, explorable in the browser.
//!
//! Layers, from the inside out:
//! - [`model`]: the pure domain (report, numbers, formatting, validation);
//! - [`state`]: the view state and its URL form, shared through one context;
//! - [`components`]: the page, one small component per concern.

pub mod bundled;
pub mod components;
pub mod model;
pub mod state;

pub use components::{App, Listed, ReportIndex};

/// For the property tests: how many cases each property runs.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn proptest_config(default_cases: u32) -> proptest::prelude::ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default_cases);
    proptest::prelude::ProptestConfig {
        cases,
        failure_persistence: None,
        ..Default::default()
    }
}
