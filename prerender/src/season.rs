//! A site of many reports (`EE_REPORTS=<folder>`): reads every dataset of
//! the folder (all checked before anything is written), places each report
//! in its own folder, `<site>/<report-id>/`, with links to the company's
//! other quarters, and writes the index at the site's root.

use std::fs;
use std::sync::Arc;

use earnings_explorer::model::season::{self, Entry};
use earnings_explorer::model::Report;
use earnings_explorer::state::url::resolve;
use earnings_explorer::state::Neighbours;
use earnings_explorer::{Listed, ReportIndex};
use leptos::prelude::*;

/// The folder `EE_REPORTS` names, if any (a path from the project's folder).
pub fn folder() -> Option<String> {
    std::env::var("EE_REPORTS").ok().filter(|f| !f.is_empty())
}

/// Reads every `*.json` file of `folder`, in name order; or says what is
/// wrong with each file that is (see `model::season::read`).
pub fn read(folder: &str) -> Result<Vec<Entry>, String> {
    let fail = |problems: Vec<String>| {
        format!(
            "the reports in {folder} (EE_REPORTS) cannot be built:\n  {}",
            problems.join("\n  ")
        )
    };
    let mut names: Vec<_> = fs::read_dir(folder)
        .map_err(|e| format!("cannot read {folder} (EE_REPORTS): {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
        .collect();
    names.sort();
    let mut files = Vec::new();
    for path in names {
        let name = path.display().to_string();
        let text = fs::read_to_string(&path).map_err(|e| fail(vec![format!("{name}: {e}")]))?;
        files.push((name, text));
    }
    season::read(&files).map_err(fail)
}

/// A report's place among the company's other quarters of the site.
pub fn neighbours(entry: &Entry, all: &[Entry], site_base: &str) -> Neighbours {
    Neighbours {
        site: site_base.to_string(),
        previous: season::previous(&entry.report, all)
            .map(|e| (e.id.clone(), Arc::new(e.report.clone()))),
        next: season::next(&entry.report, all).map(|e| (e.id.clone(), e.report.name())),
    }
}

/// The index's body: every report, newest first.
pub fn index_body(all: &[Entry], site_base: &str) -> String {
    let reports: Vec<Listed> = season::index_order(all)
        .into_iter()
        .map(|e| Listed {
            href: resolve(site_base, &format!("{}/", e.id)),
            report: Arc::new(e.report.clone()),
        })
        .collect();
    let html = Owner::new().with(|| view! { <ReportIndex reports=reports/> }.to_html());
    // No islands here: every hydration marker goes.
    crate::markers::outside_islands_dropped(&html)
}

/// What the index's head says.
pub fn index_description(all: &[Entry]) -> String {
    let names: Vec<String> = season::index_order(all)
        .iter()
        .map(|e| e.report.name())
        .collect();
    format!(
        "Earnings reports, explained figure by figure: {}.",
        names.join(", ")
    )
}

/// The report the site's example article embeds: the newest.
pub fn newest(all: &[Entry]) -> Option<(&str, &Report)> {
    season::index_order(all)
        .first()
        .map(|e| (e.id.as_str(), &e.report))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(files: &[(&str, &str)]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "ee-season-{}-{}",
            std::process::id(),
            files.iter().map(|(n, _)| *n).collect::<Vec<_>>().join("+")
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            fs::write(dir.join(name), text).unwrap();
        }
        dir
    }

    const Q3: &str = include_str!("../../tests/fixtures/acme-q3-2025.json");
    const Q4: &str = include_str!("../../tests/fixtures/acme-q4-2025.json");

    #[test]
    fn a_folder_of_reports_reads_in_name_order() {
        let dir = folder_with(&[
            ("b.json", Q4),
            ("a.json", Q3),
            ("notes.txt", "not a dataset"),
        ]);
        let all = read(dir.to_str().unwrap()).unwrap();
        let ids: Vec<&str> = all.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["acme-robotics-q3-2025", "acme-robotics-q4-2025"]);
        let n = neighbours(&all[1], &all, "/");
        assert_eq!(
            n.previous.as_ref().map(|(id, _)| id.as_str()),
            Some("acme-robotics-q3-2025")
        );
        assert!(n.next.is_none());
        let body = index_body(&all, "/");
        let at = |name: &str| body.find(name).unwrap_or_else(|| panic!("{name}: {body}"));
        assert!(
            at("Acme Robotics Q4 2025") < at("Acme Robotics Q3 2025"),
            "newest first"
        );
        assert!(body.contains("href=\"/acme-robotics-q4-2025/\""), "{body}");
        assert!(!body.contains("<!"), "no hydration marker: {body}");
    }

    #[test]
    fn each_bad_file_is_named_with_its_problem() {
        let empty = folder_with(&[("readme.txt", "")]);
        let e = read(empty.to_str().unwrap()).unwrap_err();
        assert!(e.contains("no dataset"), "{e}");
        let bad = folder_with(&[
            ("a.json", Q3),
            ("b.json", Q3),
            ("c.json", "{\"format\": 1}"),
        ]);
        let e = read(bad.to_str().unwrap()).unwrap_err();
        assert!(
            e.contains("b.json: its report id 'acme-robotics-q3-2025'"),
            "{e}"
        );
        assert!(e.contains("c.json:1:1: missing field"), "{e}");
        let missing = read("/no/such/folder").unwrap_err();
        assert!(missing.contains("/no/such/folder"), "{missing}");
    }
}
