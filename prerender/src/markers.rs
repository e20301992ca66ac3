//! Hydration markers where nothing hydrates. Leptos writes `<!>` comments
//! between text nodes and in place of empty branches so that hydration can
//! find its way; only the islands hydrate, so the markers are needed inside
//! `<leptos-island>` alone. Elsewhere they are dropped: they weigh bytes.
//! Inside, each is written `<!---->`: the same empty comment in the page's
//! DOM (so hydration finds what it expects), in the form the HTML checker
//! accepts (it calls `<!>` a bogus comment). (`<!>` cannot occur in text or
//! an attribute: Leptos escapes `<` there.)

const MARKER: &str = "<!>";
/// A marker as an island keeps it.
const KEPT: &str = "<!---->";
const OPEN: &str = "<leptos-island";
const CLOSE: &str = "</leptos-island>";

/// `html` without the hydration markers outside its islands, and with
/// those inside written as valid comments.
pub fn outside_islands_dropped(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let step = if rest.starts_with(MARKER) {
            if depth > 0 {
                out.push_str(KEPT);
            }
            MARKER.len()
        } else {
            if rest.starts_with(OPEN) {
                depth += 1;
            } else if rest.starts_with(CLOSE) {
                depth = depth.saturating_sub(1);
            }
            out.push('<');
            1
        };
        rest = &rest[step..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::outside_islands_dropped;

    #[test]
    fn markers_stay_in_islands_only() {
        let html = "<p>a<!>b</p><leptos-island data-component=\"X_1\"><b>c<!>d</b>\
                    <leptos-island><!></leptos-island><!></leptos-island><!><i>e</i>";
        assert_eq!(
            outside_islands_dropped(html),
            "<p>ab</p><leptos-island data-component=\"X_1\"><b>c<!---->d</b>\
             <leptos-island><!----></leptos-island><!----></leptos-island><i>e</i>"
        );
    }

    #[test]
    fn text_without_markers_is_unchanged() {
        let html = "<p>1 &lt; 2 and <a href=\"/\">home</a></p>";
        assert_eq!(outside_islands_dropped(html), html);
    }
}
