//! The beat / miss / in-line badge of a comparison.

use leptos::prelude::*;

use super::figure::BasisTag;
use crate::model::Basis;
use crate::state::use_explorer;

/// The verdict of a comparison with its absolute and relative difference.
#[component]
pub fn ComparisonBadge(
    /// The comparison's id in the report.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let report = use_explorer().report();
    let c = report.comparison(&id)?;
    let expected = report.figure(&c.expected)?;
    let verdict = c.outcome.verdict;
    let [difference, relative, against, expected_value] = report.comparison_parts(c)?;
    let actual = report.figure(&c.actual)?;
    let formula = format!(
        "Derived: {} − {}, and that difference ÷ {}",
        actual.display(),
        expected.display(),
        expected.display()
    );
    Some(view! {
        <span class=format!("badge badge--{}", verdict.slug()) title=formula>
            <strong class="badge__verdict">{verdict.label()}</strong>
            " "
            // Each number stays whole on its line, sign and all.
            <span class="badge__detail">
                <span class="fig__value">{difference}</span> " ("
                <span class="fig__value">{relative}</span> ") against " {against} " "
                <span class="fig__value">{expected_value}</span>
            </span>
            " "
            <BasisTag basis=Basis::Derived/>
        </span>
    })
}
