//! A season of reports in one site (`EE_REPORTS`): each report's id and
//! address, which reports are quarters of one company, and a card's metric
//! beside the same metric of the company's previous report. Pure: the build
//! reads the files and hands their texts here.

use super::basis::{Accounting, Basis};
use super::derive;
use super::export;
use super::figure::Figure;
use super::quantity::{Qualifier, Unit, Value};
use super::report::Report;

/// The first path segments of the app's own views: a report id never takes
/// one, so that a link's first segment tells a report from a view.
pub const RESERVED: [&str; 8] = [
    "card", "faq", "section", "embed", "compact", "non-gaap", "preview", "examples",
];

/// A report's id in a site of many, and the folder of its pages:
/// `cerebras-systems-q1-2026` (the file stem of its downloads).
pub fn id(report: &Report) -> String {
    export::stem(report)
}

/// One dataset file of a season, read.
#[derive(Debug)]
pub struct Entry {
    /// The file as the build names it, e.g. `tests/fixtures/acme-q3-2025.json`.
    pub file: String,
    pub id: String,
    pub report: Report,
}

/// Reads the files of a season (name and text, in the order given), or
/// says what is wrong with each file that is: invalid (each problem with its
/// line and column), or sharing its report id with another. No files at all
/// is a problem too.
pub fn read(files: &[(String, String)]) -> Result<Vec<Entry>, Vec<String>> {
    let mut problems = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    if files.is_empty() {
        problems.push("the folder holds no dataset (*.json)".to_string());
    }
    for (file, json) in files {
        let found = Report::problems(json);
        if !found.is_empty() {
            for e in &found {
                problems.push(match super::validate::locate(json, &e.path) {
                    Some((line, column)) => format!("{file}:{line}:{column}: {e}"),
                    None => format!("{file}: {e}"),
                });
            }
            continue;
        }
        let Ok(report) = Report::from_json(json) else {
            problems.push(format!("{file}: cannot be read"));
            continue;
        };
        let id = id(&report);
        if RESERVED.contains(&id.as_str()) || id.is_empty() {
            problems.push(format!(
                "{file}: its report id '{id}' is a word the app's addresses use"
            ));
        }
        if let Some(other) = entries.iter().find(|e| e.id == id) {
            problems.push(format!(
                "{file}: its report id '{id}' ({}) is also {}'s: one report per company and period",
                report.name(),
                other.file
            ));
            continue;
        }
        entries.push(Entry {
            file: file.clone(),
            id,
            report,
        });
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// Whether two reports are of one company: the same name and ticker.
pub fn same_company(a: &Report, b: &Report) -> bool {
    a.company.name == b.company.name && a.company.ticker == b.company.ticker
}

/// The company's report released last before `report`, if the season has one.
pub fn previous<'a>(report: &Report, season: &'a [Entry]) -> Option<&'a Entry> {
    season
        .iter()
        .filter(|e| same_company(&e.report, report) && e.report.released < report.released)
        .max_by(|a, b| a.report.released.cmp(&b.report.released))
}

/// The company's report released first after `report`, if the season has one.
pub fn next<'a>(report: &Report, season: &'a [Entry]) -> Option<&'a Entry> {
    season
        .iter()
        .filter(|e| same_company(&e.report, report) && e.report.released > report.released)
        .min_by(|a, b| a.report.released.cmp(&b.report.released))
}

/// The season's reports newest first, then by company.
pub fn index_order(season: &[Entry]) -> Vec<&Entry> {
    let mut out: Vec<&Entry> = season.iter().collect();
    out.sort_by(|a, b| {
        b.report
            .released
            .cmp(&a.report.released)
            .then_with(|| a.report.company.name.cmp(&b.report.company.name))
    });
    out
}

/// A card's metric against the previous report's, on one basis.
// One value per card, made once when the page is rendered: boxing the
// larger variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Prior {
    /// Both reports give it on the same basis and in the same kind of unit.
    Compared {
        /// The previous report's figure, its label naming its period.
        figure: Figure,
        /// Where the previous report took it from.
        provenance: String,
        /// This quarter's value minus the previous one (derived, with its formula).
        change: Figure,
        /// The change in percent, where the previous value is above zero
        /// (derived, with its formula); a percent change from a loss misleads.
        percent: Option<Figure>,
    },
    /// The previous report has the card, but not on this basis, or not in
    /// the same kind of unit: said, never compared.
    NotCompared {
        /// The previous report's period, e.g. `Q3 2025`.
        period: String,
        /// Why, in a few words.
        reason: String,
    },
}

/// The card `card` of `report` on `basis`, beside the same card of the
/// previous report of the company. `None` when the previous report has no
/// card of that id, or either figure is missing or not one number.
///
/// Compared only when the two figures are the two quarters' own (each of its
/// report's period), on the same basis, one of the company's own (GAAP,
/// non-GAAP, as reported), in the same kind of unit, and both exact (a
/// change from "about" or "more than" a number is not a number). Otherwise
/// the card says why it is not compared.
pub fn prior(report: &Report, previous: &Report, card: &str, basis: Accounting) -> Option<Prior> {
    let now_card = report.cards.iter().find(|c| c.id == card)?;
    let then_card = previous.cards.iter().find(|c| c.id == card)?;
    let now = report.figure(&now_card.shown(basis).figure)?;
    // The previous card's figure on this figure's basis, whichever side of
    // the switch it sits on; else the one it shows on this side.
    let then = then_card
        .forms()
        .filter_map(|v| previous.figure(&v.figure))
        .find(|f| f.basis == now.basis)
        .or_else(|| previous.figure(&then_card.shown(basis).figure))?;
    let (Value::One(a), Value::One(b)) = (&now.value, &then.value) else {
        return None;
    };
    let not = |reason: String| {
        Some(Prior::NotCompared {
            period: previous.period.clone(),
            reason,
        })
    };
    if !comparable_basis(now.basis) {
        return not(format!(
            "{} figures are not compared across reports",
            now.basis.tag()
        ));
    }
    if now.basis != then.basis {
        return not(format!(
            "{} gave it on another basis ({}), so it is not compared",
            previous.period,
            then.basis.tag()
        ));
    }
    if now.period != report.period || then.period != previous.period {
        return not(format!(
            "the figures cover {} and {}, not one quarter each, so they are not compared",
            then.period, now.period
        ));
    }
    if !a.unit.same_kind(&b.unit) {
        return not(format!(
            "{} gave it in {}, so it is not compared",
            previous.period,
            b.unit.name()
        ));
    }
    if now.qualifier != Qualifier::Exact || then.qualifier != Qualifier::Exact {
        return not(format!(
            "{} and {} are not both exact figures, so no change is computed",
            then.display(),
            now.display()
        ));
    }
    let figure = Figure {
        id: format!("prior-{card}"),
        label: format!("{}, {}", then.label, previous.period),
        ..then.clone()
    };
    let derived = |id: &str, label: String, d: derive::Derived| {
        d.figure(format!("{id}-{card}"), label, report.period.clone())
    };
    let change = derive::difference(now, then).ok()?;
    let change = derived(
        "change",
        format!("Change from {} to {}", previous.period, report.period),
        change,
    );
    // A percent change of a percentage would read as a margin: points only.
    let relative = !matches!(b.unit, Unit::Percent | Unit::Points);
    let percent = (relative && !b.amount.is_negative() && !b.amount.is_zero())
        .then(|| derive::change(then, now).ok())
        .flatten()
        .map(|d| {
            derived(
                "percent",
                format!("Change from {}, in percent", previous.period),
                d,
            )
        });
    Some(Prior::Compared {
        provenance: format!("{} ({})", previous.provenance(then), previous.name()),
        figure,
        change,
        percent,
    })
}

/// Only a company's own reported figures are compared across quarters.
fn comparable_basis(basis: Basis) -> bool {
    matches!(basis, Basis::Gaap | Basis::NonGaap | Basis::AsReported)
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q3: &str = include_str!("../../tests/fixtures/acme-q3-2025.json");
    const Q4: &str = include_str!("../../tests/fixtures/acme-q4-2025.json");

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(f, t)| (f.to_string(), t.to_string()))
            .collect()
    }

    fn season() -> Vec<Entry> {
        read(&files(&[
            ("q4.json", Q4),
            ("bundled.json", super::super::BUNDLED),
            ("q3.json", Q3),
        ]))
        .unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn ids_are_the_report_names_as_addresses() {
        let ids: Vec<String> = season().iter().map(|e| e.id.clone()).collect();
        assert_eq!(
            ids,
            [
                "acme-robotics-q4-2025",
                "cerebras-systems-q1-2026",
                "acme-robotics-q3-2025"
            ]
        );
    }

    #[test]
    fn quarters_of_one_company_link_and_others_do_not() {
        let s = season();
        let (q4, cerebras, q3) = (&s[0], &s[1], &s[2]);
        assert_eq!(
            previous(&q4.report, &s).map(|e| e.id.as_str()),
            Some(q3.id.as_str())
        );
        assert_eq!(
            next(&q3.report, &s).map(|e| e.id.as_str()),
            Some(q4.id.as_str())
        );
        assert!(previous(&q3.report, &s).is_none());
        assert!(next(&q4.report, &s).is_none());
        assert!(previous(&cerebras.report, &s).is_none() && next(&cerebras.report, &s).is_none());
        let order: Vec<&str> = index_order(&s).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(order[0], "cerebras-systems-q1-2026");
    }

    #[test]
    fn the_same_metric_on_the_same_basis_is_compared_with_its_formula() {
        let s = season();
        let (q4, q3) = (&s[0].report, &s[2].report);
        let Some(Prior::Compared {
            figure,
            change,
            percent,
            provenance,
        }) = prior(q4, q3, "sales", Accounting::Gaap)
        else {
            panic!("net sales are GAAP in both quarters")
        };
        assert_eq!(figure.display(), "$412.0M");
        assert_eq!(figure.label, "Net sales, Q3 2025");
        assert!(provenance.contains("Acme Robotics Q3 2025"), "{provenance}");
        assert_eq!(change.basis, Basis::Derived);
        assert_eq!(change.display(), "+$38.0M");
        assert_eq!(change.formula.as_deref(), Some("$450.0M − $412.0M"));
        let percent = percent.expect("from a positive value");
        assert_eq!(percent.display(), "+9.2%");
        assert_eq!(percent.formula.as_deref(), Some("($450.0M ÷ $412.0M) − 1"));
    }

    #[test]
    fn a_metric_on_another_basis_is_said_not_compared() {
        let s = season();
        let (q4, q3) = (&s[0].report, &s[2].report);
        // Q4 gives net income on both bases; Q3 on GAAP alone.
        match prior(q4, q3, "net-income", Accounting::NonGaap) {
            Some(Prior::NotCompared { period, reason }) => {
                assert_eq!(period, "Q3 2025");
                assert!(reason.contains("another basis (GAAP)"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            prior(q4, q3, "net-income", Accounting::Gaap),
            Some(Prior::Compared { .. })
        ));
        // A card the previous report does not have is left alone.
        assert_eq!(prior(q4, q3, "backlog", Accounting::Gaap), None);
    }

    /// Q4 and Q3 with `change` made to the figure `id` of the quarters
    /// named (`[3]`, `[4]` or both).
    fn altered(quarters: &[u8], id: &str, change: impl Fn(&mut Figure)) -> (Report, Report) {
        let s = season();
        let (mut q4, mut q3) = (s[0].report.clone(), s[2].report.clone());
        for (quarter, report) in [(4, &mut q4), (3, &mut q3)] {
            if quarters.contains(&quarter) {
                let figure = report.figures.iter_mut().find(|f| f.id == id);
                change(figure.expect("the fixture has the figure"));
            }
        }
        (q4, q3)
    }

    fn reason(prior: Option<Prior>) -> String {
        match prior {
            Some(Prior::NotCompared { reason, .. }) => reason,
            other => panic!("compared: {other:?}"),
        }
    }

    #[test]
    fn figures_of_other_periods_than_the_quarters_are_not_compared() {
        let (q4, q3) = altered(&[3], "sales", |f| f.period = "9M 2025".into());
        let r = reason(prior(&q4, &q3, "sales", Accounting::Gaap));
        assert!(r.contains("9M 2025 and Q4 2025"), "{r}");
        let (q4, q3) = altered(&[4], "sales", |f| f.period = "FY 2025".into());
        let r = reason(prior(&q4, &q3, "sales", Accounting::Gaap));
        assert!(r.contains("Q3 2025 and FY 2025"), "{r}");
    }

    #[test]
    fn a_figure_that_is_not_exact_gives_no_change() {
        let (q4, q3) = altered(&[3], "sales", |f| f.qualifier = Qualifier::MoreThan);
        let r = reason(prior(&q4, &q3, "sales", Accounting::Gaap));
        assert!(r.contains(">$412.0M and $450.0M"), "{r}");
        let (q4, q3) = altered(&[4], "sales", |f| f.qualifier = Qualifier::About);
        let r = reason(prior(&q4, &q3, "sales", Accounting::Gaap));
        assert!(r.contains("no change"), "{r}");
    }

    #[test]
    fn a_figure_on_a_basis_not_the_companys_own_result_is_not_compared() {
        let (q4, q3) = altered(&[3, 4], "sales", |f| f.basis = Basis::Consensus);
        let r = reason(prior(&q4, &q3, "sales", Accounting::Gaap));
        assert_eq!(r, "Consensus figures are not compared across reports");
    }

    #[test]
    fn a_percentage_changes_in_points_with_no_percent_change() {
        let (q4, q3) = altered(&[3, 4], "sales", |f| {
            if let Value::One(q) = &mut f.value {
                q.unit = Unit::Percent;
            }
        });
        match prior(&q4, &q3, "sales", Accounting::Gaap) {
            Some(Prior::Compared {
                change, percent, ..
            }) => {
                assert_eq!(percent, None);
                assert!(change.display().contains("pts"), "{}", change.display());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_previous_figure_on_the_same_basis_is_found_on_either_side_of_its_switch() {
        // Q4's EPS card shows its non-GAAP figure alone; Q3's follows the switch.
        let s = season();
        let (mut q4, q3) = (s[0].report.clone(), &s[2].report);
        let eps = q4.cards.iter_mut().find(|c| c.id == "eps").expect("eps");
        eps.value = eps.non_gaap.take().expect("a non-GAAP form");
        match prior(&q4, q3, "eps", Accounting::Gaap) {
            Some(Prior::Compared { figure, change, .. }) => {
                assert_eq!(figure.basis, Basis::NonGaap);
                assert_eq!(figure.display(), "$0.58");
                assert_eq!(change.display(), "+$0.04");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_seasons_name_each_file() {
        let problems = read(&[]).expect_err("no files");
        assert!(problems[0].contains("no dataset"), "{problems:?}");
        let problems = read(&files(&[("a.json", Q3), ("b.json", Q3), ("c.json", "{}")]))
            .expect_err("a duplicate and a bad file");
        assert!(
            problems.iter().any(|p| p.starts_with("b.json:")
                && p.contains("acme-robotics-q3-2025")
                && p.contains("a.json")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.starts_with("c.json:")),
            "{problems:?}"
        );
        assert!(
            !problems.iter().any(|p| p.starts_with("a.json")),
            "{problems:?}"
        );
    }
}
