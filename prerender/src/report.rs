//! Writes one report's site: every pre-rendered view as a page (with its
//! preview image and oEmbed document), the older link forms, and the
//! figure files. A site of one report writes it at the root; a site of many
//! writes each report in its own folder (`crate::season`).

use std::path::PathBuf;
use std::sync::Arc;

use earnings_explorer::model::{export, Report};
use earnings_explorer::state::meta::{description, headline, older_pages, pre_rendered_views};
use earnings_explorer::state::url::{resolve, ViewState};
use earnings_explorer::state::{Catalogue, Neighbours};
use earnings_explorer::App;
use leptos::prelude::*;

use crate::files::write;
use crate::page::{Head, Template};
use crate::{markers, oembed, preview};

/// Where a report's pages go and how they are addressed.
pub struct Place {
    /// The folder its files are written to.
    pub dir: PathBuf,
    /// Its absolute public address, ending in `/`.
    pub public: String,
    /// The site's absolute public address (the same for a site of one).
    pub site: String,
    /// Its base path, e.g. `/` or `/acme-robotics-q4-2025/`.
    pub base: String,
    /// The company's other reports, in a site of many.
    pub neighbours: Option<Arc<Neighbours>>,
}

/// What was written, relative to the report's folder.
pub struct Written {
    /// The pages' folders (not the embeds'), e.g. `card/revenue/`.
    pub pages: Vec<String>,
    /// The figure files.
    pub downloads: Vec<String>,
    pub views: usize,
    pub images: usize,
}

/// The file name of a view's preview image (embeds share their page's).
fn preview_file(view: &ViewState) -> String {
    let path = view.shared().path();
    let name = path.trim_end_matches('/').replace('/', "-");
    format!(
        "preview/{}.png",
        if name.is_empty() { "index" } else { &name }
    )
}

/// Writes the report's pages into `place`, with `template` (the site's,
/// made the report's here).
pub fn write_report(
    report: &Arc<Report>,
    place: &Place,
    template: &Template,
    renderer: &preview::Renderer,
) -> Result<Written, String> {
    let catalogue = Catalogue::of(report);
    let template = if place.neighbours.is_some() {
        template.for_report(&place.base, &catalogue)
    } else {
        let mut t = template.clone();
        t.set_catalogue(&catalogue);
        t
    };
    // Renders the app for a view's path: static HTML, in which the browser
    // hydrates the islands alone.
    let render = |view: &ViewState| {
        let html = Owner::new().with(|| {
            view! {
                <App
                    url=view.path()
                    report=report.clone()
                    base=place.base.clone()
                    neighbours=place.neighbours.clone()
                />
            }
            .to_html()
        });
        markers::outside_islands_dropped(&html)
    };
    let public = &place.public;
    let dir = &place.dir;
    let views = pre_rendered_views(report);
    let mut images = 0;
    for view in &views {
        let shared = view.shared();
        let image = preview_file(view);
        let head_line = headline(report, &shared);
        if !view.embed {
            write(&dir.join(&image), renderer.png(&preview::svg(&head_line))?)?;
            images += 1;
        }
        let alt = std::iter::once(head_line.title.clone())
            .chain(
                head_line
                    .figures
                    .iter()
                    .map(|(l, v, b)| format!("{l} {v} ({b})").trim().to_string()),
            )
            .collect::<Vec<_>>()
            .join(": ");
        // A page (not an embed) has an oEmbed document beside it.
        let oembed = (!view.embed).then(|| resolve(public, &oembed::file(view)));
        let title = view.title(&catalogue);
        if !view.embed {
            let thumbnail = oembed::Thumbnail {
                url: &resolve(public, &image),
                width: preview::WIDTH,
                height: preview::HEIGHT,
            };
            let doc = oembed::document(view, public, &place.site, &title, &thumbnail);
            write(&dir.join(oembed::file(view)), doc)?;
        }
        let head = Head {
            title,
            description: description(report, &shared),
            canonical: resolve(public, &shared.to_href()),
            image: resolve(public, &image),
            image_alt: alt,
            index: !view.embed,
            oembed,
        };
        let html = template.page(view, &head, &render(view));
        write(&dir.join(view.path()).join("index.html"), &html)?;
        // Older links to this view's page get the same page.
        for (old, _) in older_pages(report).iter().filter(|(_, v)| v == view) {
            write(&dir.join(old).join("index.html"), &html)?;
        }
    }

    // Every figure as CSV and JSON, linked from the Sources section with the
    // sizes compiled into the page; they must be the files' own.
    let files = export::files(report);
    for (download, text) in &files {
        if report.downloads.iter().all(|d| d != download) {
            return Err(format!(
                "{} would be {} bytes, but the page says otherwise: the report was compiled from another dataset",
                download.file, download.bytes
            ));
        }
        write(&dir.join(&download.file), text)?;
    }
    Ok(Written {
        pages: views
            .iter()
            .filter(|v| !v.embed)
            .map(ViewState::path)
            .collect(),
        downloads: files.iter().map(|(d, _)| d.file.clone()).collect(),
        views: views.len(),
        images,
    })
}
