//! What a host needs beside the pages: the content security policy and the
//! integrity hashes the pages carry, the embed loader under a content-hashed
//! name, and the security and cache headers (computed from this build, so the
//! policy's hashes are never copied by hand). See `deploy/` for the server
//! recipes. The pages use these facts; nothing here knows of the pages.

use std::fs;
use std::path::Path;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use earnings_explorer::state::embed::escape_html;
use sha2::{Digest, Sha256, Sha384};

use crate::files::write;

/// A Subresource Integrity value, e.g. `sha384-…`.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)))
}

/// A CSP source for an inline element's text, e.g. `'sha256-…'`.
pub(crate) fn inline_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The page's content security policy: scripts and styles only from the
/// site and the inline elements the build wrote (by hash), wasm compiled
/// only from there, nothing embedded, no `<base>`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Csp {
    scripts: Vec<String>,
    styles: Vec<String>,
}

impl Csp {
    /// Allows an inline script of the page, by the hash of its text.
    pub fn allow_script(&mut self, text: &str) {
        self.scripts.push(inline_hash(text));
    }

    /// Allows an inline `<style>` of the page, by the hash of its text.
    pub fn allow_style(&mut self, text: &str) {
        self.styles.push(inline_hash(text));
    }

    fn policy(&self) -> String {
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' {}; \
             img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'",
            self.scripts.join(" "),
            self.styles.join(" ")
        )
    }

    /// The policy as an HTTP header: full pages may be framed by the site
    /// only; embeds (`embed/…`) by any page.
    pub fn header(&self, embed: bool) -> String {
        let ancestors = if embed { "*" } else { "'self'" };
        format!("{}; frame-ancestors {ancestors}", self.policy())
    }

    /// The policy as a `<meta>` for hosts that send no headers
    /// (`frame-ancestors` has no effect there, so it is left out).
    pub fn meta(&self) -> String {
        format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
            escape_html(&self.policy())
        )
    }
}

/// The embed loader as published: `embed.<hash>.js` beside `embed.js`.
pub struct Loader {
    pub file: String,
    pub integrity: String,
}

/// Copies `embed.js` to its content-hashed name, which a snippet can pin
/// with `integrity` and a host can cache for good.
pub fn publish_loader(dist: &Path) -> Result<Loader, String> {
    let source = dist.join("embed.js");
    let bytes = fs::read(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let hash: String = Sha256::digest(&bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let file = format!("embed.{hash}.js");
    write(&dist.join(&file), &bytes)?;
    Ok(Loader {
        file,
        integrity: integrity(&bytes),
    })
}

/// Whether a file name carries a content hash (Trunk's `-<hex>`, 12 to 16
/// digits as it drops leading zeros, or the loader's `.<16 hex>.`), so it
/// can be cached for good.
pub fn is_hashed(name: &str) -> bool {
    let stem = name.split(['.', '_']).next().unwrap_or(name);
    let hex = |s: &str| (12..=16).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit());
    stem.rsplit('-').next().is_some_and(hex) || name.split('.').any(hex)
}

/// Writes `_headers` (Netlify, Cloudflare Pages) and `_deploy/` (snippets
/// the nginx and Caddy recipes include): the policy for pages and for
/// embeds, the framing rules, the cache policy. `reports` are the folders
/// of the reports, from the base: `""` for a site of one, `<id>/` for each
/// report of a site of many.
pub fn write_headers(
    dist: &Path,
    base: &str,
    csp: &Csp,
    pages: &[String],
    downloads: &[String],
    reports: &[String],
) -> Result<(), String> {
    let page_policy = csp.header(false);
    let embed_policy = csp.header(true);
    // The policy goes inside quoted strings of nginx and Caddy configs.
    if page_policy.contains(['"', '\\', '$', '\n']) {
        return Err(format!(
            "the policy cannot be quoted in a server config: {page_policy}"
        ));
    }
    let mut h = String::from(
        "# Written by the build (prerender/src/deploy.rs): do not edit.\n\
         # Netlify and Cloudflare Pages read this file; see deploy/netlify-cloudflare.md.\n",
    );
    h.push_str(&format!(
        "{base}*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"
    ));
    // Pages are listed one by one, so no two rules give one page two policies.
    for page in pages.iter().map(String::as_str).chain(["404.html"]) {
        h.push_str(&format!(
            "{base}{page}\n  Content-Security-Policy: {page_policy}\n  X-Frame-Options: SAMEORIGIN\n  Cache-Control: no-cache\n"
        ));
    }
    for report in reports {
        h.push_str(&format!(
            "{base}{report}embed/*\n  Content-Security-Policy: {embed_policy}\n  Cache-Control: no-cache\n"
        ));
    }
    let mut hashed: Vec<String> = fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| is_hashed(name) && !name.ends_with(".br") && !name.ends_with(".gz"))
        .collect();
    hashed.sort();
    // Every hashed file may be read across origins: the pinned loader by
    // articles, the app's script and wasm by its own embed pages inside a
    // scripts-only sandbox (WordPress), whose origin is opaque (`null`).
    for name in &hashed {
        h.push_str(&format!(
            "{base}{name}\n  Cache-Control: public, max-age=31536000, immutable\n  Access-Control-Allow-Origin: *\n"
        ));
    }
    h.push_str(&format!(
        "{base}embed.js\n  Cache-Control: no-cache\n  Access-Control-Allow-Origin: *\n"
    ));
    for file in downloads {
        let media_type = if file.ends_with(".csv") {
            "text/csv; charset=utf-8; header=present"
        } else {
            "application/json; charset=utf-8"
        };
        h.push_str(&format!(
            "{base}{file}\n  Content-Type: {media_type}\n  Cache-Control: no-cache\n"
        ));
    }
    h.push_str(&format!(
        "{base}examples/*\n  Content-Security-Policy: {page_policy}\n  Cache-Control: no-cache\n"
    ));
    for report in reports {
        h.push_str(&format!(
            "{base}{report}preview/*\n  Cache-Control: public, max-age=3600\n"
        ));
    }
    let rules = h.lines().filter(|l| l.starts_with('/')).count();
    if rules > 100 {
        eprintln!(
            "prerender: _headers has {rules} rules; Cloudflare Pages reads the first 100 only"
        );
    }
    write(&dist.join("_headers"), h)?;

    let nginx = |policy: &str| format!("add_header Content-Security-Policy \"{policy}\" always;\n");
    write(
        &dist.join("_deploy/nginx-csp-page.conf"),
        nginx(&page_policy),
    )?;
    write(
        &dist.join("_deploy/nginx-csp-embed.conf"),
        nginx(&embed_policy),
    )?;
    let embeds: Vec<String> = reports
        .iter()
        .map(|r| format!("{base}{r}embed/*"))
        .collect();
    let embeds = embeds.join(" ");
    write(
        &dist.join("_deploy/csp.caddy"),
        format!(
            "@ee_embed path {embeds}\n\
             header @ee_embed Content-Security-Policy \"{embed_policy}\"\n\
             @ee_page not path {embeds}\n\
             header @ee_page Content-Security-Policy \"{page_policy}\"\n"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_told_apart() {
        for name in [
            "earnings-explorer-0123456789abcdef.js",
            "earnings-explorer-0123456789abcdef_bg.wasm",
            "embed.0123456789abcdef.js",
            "components-6d9972242a31dec.css",
        ] {
            assert!(is_hashed(name), "{name}");
        }
        for name in [
            "embed.js",
            "index.html",
            "404.html",
            "earnings-explorer-0123.js",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
    }
}
