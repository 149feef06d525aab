//! Files copied as they are: the theme's static files (styles, scripts,
//! images), then the site's own (`content/static/`, a campaign's plan),
//! which replace the theme's at the same path. Styles and scripts are
//! written from the bytes `read/` read, the theme's styles without their
//! comments (see [`minify::css`]); other files are copied by the write
//! stage.

use rayon::prelude::*;

use super::minify;
use super::output::{write, write_failed};
use super::state::RenderCtx;
use crate::diagnostic::Diagnostics;
use crate::read::content::AssetContent;
use crate::write::Sink;

/// Copies every static file into `sink`; how many were written.
pub fn copy(r: &RenderCtx, sink: &dyn Sink, problems: &mut Diagnostics) -> usize {
    let site = r.site;
    let mut files = 0;
    // Theme files first; a site's own file at the same path replaces it.
    let own: std::collections::HashSet<&str> = site.assets.iter().map(|a| a.out.as_str()).collect();
    for (out, source) in &r.theme.static_files {
        if own.contains(out.as_str()) {
            continue;
        }
        match source.read() {
            Ok(bytes) => {
                // The theme's styles without their comments and line breaks.
                let small = out
                    .ends_with(".css")
                    .then(|| std::str::from_utf8(&bytes).ok().map(minify::css))
                    .flatten();
                let bytes = small.as_ref().map_or(&bytes[..], String::as_bytes);
                files += usize::from(write(sink, out, bytes, problems));
            }
            Err(e) => problems.push(write_failed(out, &e)),
        }
    }
    let copied: Vec<std::io::Result<bool>> = site
        .assets
        .par_iter()
        .map(|a| match &a.content {
            AssetContent::Read(bytes) => sink.write(&a.out, bytes).map(|()| true),
            AssetContent::Copied => sink.copy(&a.path, &a.out).map(|()| true),
            // Reported when it was read.
            AssetContent::Unreadable => Ok(false),
        })
        .collect();
    for (a, result) in site.assets.iter().zip(copied) {
        match result {
            Ok(written) => files += usize::from(written),
            Err(e) => problems.push(write_failed(&a.out, &e)),
        }
    }
    files
}
