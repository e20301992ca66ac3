//! Checks the dataset once, at build time, with the app's own model
//! (`src/model/`, compiled into this script): a malformed dataset fails the
//! build, listing every problem with its line and column. Then it tells the
//! crate which file to read (`EE_DATASET_FILE`, see `src/bundled.rs`).
//!
//! The dataset is `data/cerebras-q1-2026.json` unless the build setting
//! `EE_DATASET` names another file (a path from the project's folder).
//! A folder of reports (`EE_REPORTS`) is the pre-render's to read and check
//! (`prerender --check`, Trunk's first hook): the crate compiles none of it.

#[path = "src/model/mod.rs"]
#[allow(dead_code, unused_imports)]
mod model;

/// The dataset the app is built with when `EE_DATASET` names none.
const DEFAULT: &str = "data/cerebras-q1-2026.json";

fn main() {
    println!("cargo:rerun-if-env-changed=EE_DATASET");
    println!("cargo:rerun-if-changed=src/model");
    let dataset = std::env::var("EE_DATASET")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| DEFAULT.to_string());
    println!("cargo:rerun-if-changed={dataset}");
    let path = std::fs::canonicalize(&dataset)
        .unwrap_or_else(|e| fail(&format!("cannot read {dataset} (EE_DATASET): {e}")));
    let json = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| fail(&format!("cannot read {dataset}: {e}")));
    let problems = model::Report::problems(&json);
    if !problems.is_empty() {
        let list: Vec<String> = problems
            .iter()
            .map(|e| match model::validate::locate(&json, &e.path) {
                Some((line, column)) => format!("  {dataset}:{line}:{column}: {e}"),
                None => format!("  {dataset}: {e}"),
            })
            .collect();
        fail(&format!(
            "{} problem(s) (scripts/validate.sh {dataset} lists them too):\n{}",
            problems.len(),
            list.join("\n")
        ));
    }
    // The crate reads this same file (`include_str!`), checked.
    println!("cargo:rustc-env=EE_DATASET_FILE={}", path.display());
}

fn fail(message: &str) -> ! {
    eprintln!("error: the dataset is not valid: {message}");
    std::process::exit(1);
}
