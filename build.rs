//! Reads and checks the dataset once, at build time, with the app's own model
//! (`src/model/`, compiled into this script), and writes the resolved report
//! as Rust code for `src/bundled.rs`. A malformed dataset fails the build,
//! listing every problem with the field at fault.
//!
//! The dataset is `data/cerebras-q1-2026.json` unless the build setting
//! `EE_DATASET` names another file (a path from the project's folder).

#[path = "src/model/mod.rs"]
#[allow(dead_code, unused_imports)]
mod model;

use std::path::Path;

use model::code::RustCode;

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
    // The tests compare the compiled report with this same file.
    println!("cargo:rustc-env=EE_DATASET_FILE={}", path.display());
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
    let report =
        model::Report::from_json(&json).unwrap_or_else(|e| fail(&format!("{dataset}: {e}")));
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir).join("bundled_report.rs");
    std::fs::write(&out, report.rust())
        .unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));

    // The fictional second report, compiled the same way for the component
    // tests in the browser (tests/web.rs), which have no JSON parser either.
    // Only a test includes it; the app never does.
    println!("cargo:rerun-if-changed={FIXTURE}");
    let fixture = std::fs::read_to_string(FIXTURE)
        .ok()
        .and_then(|json| model::Report::from_json(&json).ok());
    if let Some(report) = fixture {
        let code = report
            .rust()
            .replace("crate::model::", "earnings_explorer::model::");
        let out = Path::new(&out_dir).join("fixture_report.rs");
        std::fs::write(&out, code).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
    }
}

/// The fictional second report the tests render (tests/fixtures/).
const FIXTURE: &str = "tests/fixtures/acme-q3-2025.json";

fn fail(message: &str) -> ! {
    eprintln!("error: the dataset is not valid: {message}");
    std::process::exit(1);
}
