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

pub use components::App;
