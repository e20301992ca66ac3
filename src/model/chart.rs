//! The geometry of the small charts: linear scales, bar extents and the
//! waterfall of the reconciliation bridge. Pure numbers, no markup.

/// Maps a domain interval onto a pixel interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    /// A scale over `[min, max]` of `values`, always including zero so that
    /// bars start from a true baseline. A flat domain is widened by one.
    pub fn including_zero(values: &[f64], r0: f64, r1: f64) -> Scale {
        let lo = values.iter().cloned().fold(0.0_f64, f64::min);
        let hi = values.iter().cloned().fold(0.0_f64, f64::max);
        let (lo, hi) = if (hi - lo).abs() < f64::EPSILON {
            (lo, lo + 1.0)
        } else {
            (lo, hi)
        };
        Scale {
            d0: lo,
            d1: hi,
            r0,
            r1,
        }
    }

    /// A scale over the values' own extent, padded by `pad` of the span on each side.
    pub fn padded(values: &[f64], pad: f64, r0: f64, r1: f64) -> Scale {
        let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        if !lo.is_finite() || !hi.is_finite() {
            return Scale {
                d0: 0.0,
                d1: 1.0,
                r0,
                r1,
            };
        }
        let span = (hi - lo).max(hi.abs().max(1.0) * 0.1);
        Scale {
            d0: lo - span * pad,
            d1: hi + span * pad,
            r0,
            r1,
        }
    }

    pub fn at(&self, v: f64) -> f64 {
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// The left edge and width, in percent of the plot, of a bar spanning
/// `[a, b]` (in either order), clamped to the plot.
pub fn extent(scale: &Scale, a: f64, b: f64) -> (f64, f64) {
    let (x0, x1) = (scale.at(a.min(b)), scale.at(a.max(b)));
    let left = x0.clamp(0.0, 100.0);
    let right = x1.clamp(0.0, 100.0);
    (left, (right - left).max(0.0))
}

/// An extent as SVG geometry: `x` and `width` in percent with two decimals,
/// e.g. `("12.35%", "50.00%")`. Attributes, not a `style`, so a strict
/// content security policy allows them.
pub fn svg_extent((left, width): (f64, f64)) -> (String, String) {
    let hundredths = |v: f64| (v * 100.0).round() as i64;
    let pct = |h: i64| format!("{}.{:02}%", h / 100, h % 100);
    (pct(hundredths(left)), pct(hundredths(width)))
}

/// One bar of a waterfall, in data units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub start: f64,
    pub end: f64,
    pub kind: StepKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// A level measured from zero (the starting and ending figures).
    Total,
    /// A move up from the previous level.
    Up,
    /// A move down from the previous level.
    Down,
}

/// The waterfall from `start` through each adjustment, ending in a total bar
/// at the running sum.
pub fn waterfall(start: f64, adjustments: &[f64]) -> Vec<Step> {
    let mut steps = vec![Step {
        start: 0.0,
        end: start,
        kind: StepKind::Total,
    }];
    let mut level = start;
    for &a in adjustments {
        let kind = if a >= 0.0 {
            StepKind::Up
        } else {
            StepKind::Down
        };
        steps.push(Step {
            start: level,
            end: level + a,
            kind,
        });
        level += a;
    }
    steps.push(Step {
        start: 0.0,
        end: level,
        kind: StepKind::Total,
    });
    steps
}

/// Round values for an axis over `[lo, hi]`: about `count` of them, a step
/// of 1, 2, 2.5 or 5 times a power of ten, the first at or below `lo` and the
/// last at or above `hi`. A flat or broken interval gets one step around it.
pub fn ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if !lo.is_finite() || !hi.is_finite() || count == 0 {
        return Vec::new();
    }
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 0.5 * lo.abs().max(1.0), hi + 0.5 * hi.abs().max(1.0))
    };
    let rough = (hi - lo) / count as f64;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    let first = (lo / step).floor() as i64;
    let last = (hi / step).ceil() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waterfall_of_the_net_loss_bridge() {
        let steps = waterfall(-14.0, &[11.5]);
        assert_eq!(steps.len(), 3);
        assert_eq!(
            steps[1],
            Step {
                start: -14.0,
                end: -2.5,
                kind: StepKind::Up
            }
        );
        assert_eq!(
            steps[2],
            Step {
                start: 0.0,
                end: -2.5,
                kind: StepKind::Total
            }
        );
    }

    #[test]
    fn scale_includes_zero_and_maps_linearly() {
        let s = Scale::including_zero(&[-14.0, -2.5], 0.0, 140.0);
        assert_eq!(s.at(-14.0), 0.0);
        assert_eq!(s.at(0.0), 140.0);
        assert_eq!(s.at(-7.0), 70.0);
    }

    #[test]
    fn svg_extents_have_two_decimals() {
        assert_eq!(
            svg_extent((12.345, 50.0)),
            ("12.35%".into(), "50.00%".into())
        );
        assert_eq!(svg_extent((0.0, 0.004)), ("0.00%".into(), "0.00%".into()));
    }

    #[test]
    fn extent_is_ordered_and_clamped() {
        let s = Scale::including_zero(&[-10.0, 10.0], 0.0, 100.0);
        assert_eq!(extent(&s, 0.0, -10.0), (0.0, 50.0));
        assert_eq!(extent(&s, 5.0, 20.0), (75.0, 25.0));
    }

    #[test]
    fn flat_and_empty_domains_do_not_divide_by_zero() {
        let s = Scale::including_zero(&[0.0], 0.0, 10.0);
        assert!(s.at(0.5).is_finite());
        let p = Scale::padded(&[], 0.1, 0.0, 10.0);
        assert!(p.at(0.5).is_finite());
        let one = Scale::padded(&[5.0], 0.1, 0.0, 10.0);
        assert!(one.at(5.0) > 0.0 && one.at(5.0) < 10.0);
    }

    #[test]
    fn ticks_are_round_and_cover_the_values() {
        assert_eq!(ticks(185.0, 226.72, 4), vec![180.0, 200.0, 220.0, 240.0]);
        assert_eq!(ticks(0.0, 1.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        // One value still gets an axis around it; nonsense gets none.
        let one = ticks(100.0, 100.0, 4);
        assert!(one.first() < Some(&100.0) && one.last() > Some(&100.0));
        assert!(ticks(f64::NAN, 1.0, 4).is_empty());
    }
}
