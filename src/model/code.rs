//! The model written as Rust code: `build.rs` reads and checks the dataset
//! natively, then writes the resolved [`Report`] with [`RustCode`] into a
//! file that `src/bundled.rs` includes. So the wasm carries the report as
//! compiled data, with no JSON parser and no validation code, and it is the
//! same model type on both sides. Native only (the build and the tests).
//!
//! A hand-written trait rather than a baking crate: `databake` bakes borrowed
//! data (`&'static str`), while this model owns its strings.

use super::basis::Basis;
use super::comparison::{Outcome, Verdict};
use super::dataset::*;
use super::export::Download;
use super::figure::Figure;
use super::format::Sign;
use super::quantity::{MoneyScale, Qualifier, Quantity, Unit, Value};
use super::report::{Comparison, Reconciliation, Report};

/// A value that can write itself as a Rust expression building an equal value.
pub trait RustCode {
    fn rust(&self) -> String;
}

impl RustCode for String {
    fn rust(&self) -> String {
        format!("String::from({self:?})")
    }
}

impl RustCode for u64 {
    fn rust(&self) -> String {
        format!("{self}u64")
    }
}

impl RustCode for bool {
    fn rust(&self) -> String {
        self.to_string()
    }
}

impl<T: RustCode> RustCode for Option<T> {
    fn rust(&self) -> String {
        match self {
            Some(v) => format!("Some({})", v.rust()),
            None => "None".into(),
        }
    }
}

impl<T: RustCode> RustCode for Vec<T> {
    fn rust(&self) -> String {
        let items: Vec<String> = self.iter().map(RustCode::rust).collect();
        format!("vec![{}]", items.join(", "))
    }
}

/// A struct with named fields, written as a struct literal at `$path`.
macro_rules! struct_code {
    ($path:literal, $ty:ident { $($field:ident),* $(,)? }) => {
        impl RustCode for $ty {
            fn rust(&self) -> String {
                let mut out = String::from(concat!($path, "::", stringify!($ty), " {"));
                $(
                    out.push_str(concat!(" ", stringify!($field), ": "));
                    out.push_str(&self.$field.rust());
                    out.push(',');
                )*
                out.push_str(" }");
                out
            }
        }
    };
}

/// A fieldless enum, written by its variant's name (as `Debug` prints it).
macro_rules! unit_enum_code {
    ($path:literal, $($ty:ident),*) => {
        $(impl RustCode for $ty {
            fn rust(&self) -> String {
                format!(concat!($path, "::", stringify!($ty), "::{:?}"), self)
            }
        })*
    };
}

unit_enum_code!("crate::model::basis", Basis);
unit_enum_code!("crate::model::comparison", Verdict);
unit_enum_code!("crate::model::quantity", MoneyScale, Qualifier);
unit_enum_code!("crate::model::format", Sign);

impl RustCode for Unit {
    fn rust(&self) -> String {
        let path = "crate::model::quantity::Unit";
        match self {
            Unit::Usd(scale) => format!("{path}::Usd({})", scale.rust()),
            Unit::Other(name) => format!("{path}::Other({})", name.rust()),
            other => format!("{path}::{other:?}"),
        }
    }
}

impl RustCode for Value {
    fn rust(&self) -> String {
        let path = "crate::model::quantity::Value";
        match self {
            Value::One(q) => format!("{path}::One({})", q.rust()),
            Value::Range(lo, hi) => format!("{path}::Range({}, {})", lo.rust(), hi.rust()),
            Value::Text(t) => format!("{path}::Text({})", t.rust()),
            Value::NotReported => format!("{path}::NotReported"),
        }
    }
}

impl RustCode for Chart {
    fn rust(&self) -> String {
        let path = "crate::model::dataset::Chart";
        match self {
            Chart::Bars(ids) => format!("{path}::Bars({})", ids.rust()),
            Chart::Shift { from, to } => {
                format!(
                    "{path}::Shift {{ from: {}, to: {} }}",
                    from.rust(),
                    to.rust()
                )
            }
        }
    }
}

struct_code!("crate::model::quantity", Quantity { amount, unit });
struct_code!(
    "crate::model::comparison",
    Outcome {
        verdict,
        difference,
        relative
    }
);
struct_code!(
    "crate::model::dataset",
    Company {
        name,
        ticker,
        about
    }
);
struct_code!(
    "crate::model::dataset",
    Source {
        id,
        name,
        title,
        kind,
        date
    }
);
struct_code!("crate::model::dataset", SourceRef { doc, location });
struct_code!(
    "crate::model::dataset",
    Card {
        id,
        title,
        value,
        non_gaap,
        about,
        details,
        chart
    }
);
struct_code!("crate::model::dataset", CardValue { figure, comparison });
struct_code!(
    "crate::model::dataset",
    GuidanceItem {
        figure,
        context,
        about
    }
);
struct_code!(
    "crate::model::dataset",
    Stock {
        timeline,
        facts,
        index,
        about
    }
);
struct_code!(
    "crate::model::dataset",
    StockEvent {
        date,
        event,
        price,
        figures
    }
);
struct_code!(
    "crate::model::dataset",
    Deal {
        id,
        partner,
        structure,
        figures,
        about,
        source
    }
);
struct_code!(
    "crate::model::dataset",
    Analysts {
        reference,
        targets,
        about
    }
);
struct_code!(
    "crate::model::dataset",
    Target {
        firm,
        rating,
        target
    }
);
struct_code!(
    "crate::model::dataset",
    Watch {
        next_report,
        questions,
        drivers,
        signals
    }
);
struct_code!(
    "crate::model::dataset",
    NextReport {
        date,
        label,
        source
    }
);
struct_code!(
    "crate::model::dataset",
    Point {
        title,
        text,
        source
    }
);
struct_code!(
    "crate::model::dataset",
    FaqItem {
        id,
        question,
        answer
    }
);
struct_code!(
    "crate::model::figure",
    Figure {
        id,
        label,
        period,
        basis,
        value,
        qualifier,
        sign,
        source,
        formula,
        note,
    }
);
struct_code!(
    "crate::model::report",
    Comparison {
        id,
        actual,
        expected,
        outcome
    }
);
struct_code!(
    "crate::model::report",
    Reconciliation {
        from,
        adjustments,
        to,
        about
    }
);
struct_code!(
    "crate::model::report",
    Report {
        company,
        lede,
        period,
        released,
        as_of,
        sources,
        figures,
        comparisons,
        reconciliation,
        cards,
        guidance,
        stock,
        deals,
        analysts,
        watch,
        faq,
        glossary,
        downloads,
    }
);
struct_code!(
    "crate::model::dataset",
    Term {
        id,
        term,
        expansion,
        aliases,
        definition,
        figure
    }
);
struct_code!(
    "crate::model::export",
    Download {
        file,
        format,
        media_type,
        bytes
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_written_as_an_escaped_literal() {
        assert_eq!(
            "a \"b\"\n".to_string().rust(),
            "String::from(\"a \\\"b\\\"\\n\")"
        );
        assert_eq!(Some(vec![true]).rust(), "Some(vec![true])");
        assert_eq!(Basis::NonGaap.rust(), "crate::model::basis::Basis::NonGaap");
    }
}
