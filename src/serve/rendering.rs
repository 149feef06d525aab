//! A full rebuild of the preview shows its change before it ends, as
//! Hugo's fast render mode does: once the site is read and modelled, open
//! pages reload and the pages of its nodes (content pages, sections, the
//! home page, with their plan pages and print views) are made as the
//! browser asks for them, while the rest of the build goes on behind.
//! Another page is answered when the build ends, so that no page is older
//! than the change; other files (styles, the search index) are the last
//! build's until then, so a change of the theme or of a file pages load
//! is shown when the whole build ends, as before. A node whose page reports
//! a problem waits for the build too: what is shown early is never a page
//! the build would refuse.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::ThreadPool;

use super::incremental::node_files;
use crate::build::Prepared;
use crate::model::NodeKind;

/// A full rebuild between its model and its last file.
pub struct Rendering {
    prepared: Arc<Prepared>,
    /// Each node's folder (`guides/otp/`, `en/guides/otp/`), to its index.
    folders: HashMap<String, usize>,
    /// The files of each node made so far; `None` when it reported errors.
    made: HashMap<usize, Option<HashMap<String, Vec<u8>>>>,
}

impl Rendering {
    pub fn new(prepared: Arc<Prepared>) -> Rendering {
        let folders = prepared
            .site
            .nodes
            .iter()
            .enumerate()
            .flat_map(|(i, n)| n.paths.values().map(move |p| (p.clone(), i)))
            .collect();
        Rendering {
            prepared,
            folders,
            made: HashMap::new(),
        }
    }

    /// The page at `key` (`guides/otp/index.html`) when a node makes it,
    /// made now in `pool` if it was not yet; `None` when only the end of
    /// the build can answer.
    pub fn page(&mut self, key: &str, pool: Option<&ThreadPool>) -> Option<Vec<u8>> {
        let folder = key.strip_suffix("index.html")?;
        let nodes = &self.prepared.site.nodes;
        // Its plan page and print view are in a folder of a node's own.
        let parent = folder
            .trim_end_matches('/')
            .rsplit_once('/')
            .map(|(p, _)| format!("{p}/"))
            .and_then(|p| self.folders.get(&p))
            .filter(|&&n| nodes[n].kind != NodeKind::Home);
        let node = *self.folders.get(folder).or(parent)?;
        let prepared = &self.prepared;
        let files = self
            .made
            .entry(node)
            .or_insert_with(|| make(prepared, node, pool));
        files.as_ref()?.get(key).cloned()
    }
}

/// A node's pages in every language, or `None` when it reports an error.
fn make(
    prepared: &Prepared,
    node: usize,
    pool: Option<&ThreadPool>,
) -> Option<HashMap<String, Vec<u8>>> {
    let render = || node_files(prepared, node);
    let (files, problems) = match pool {
        Some(pool) => pool.install(render),
        None => render(),
    };
    (!problems.has_errors()).then_some(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::{self, Options};
    use crate::diagnostic::Diagnostics;
    use crate::render::Pages;
    use crate::write::Memory;

    /// Every page a node makes on demand is the page the whole build makes,
    /// on a small site and on the example one (campaigns with plans,
    /// outreach texts with print views, three languages).
    #[test]
    fn pages_made_on_demand_are_the_build_s() {
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for root in [here.join("tests/fixtures/basic"), here.to_path_buf()] {
            let options = Options {
                root,
                base_url: Some("http://127.0.0.1:1313/vneid/".into()),
                drafts: false,
                now: build::Now::Today,
            };
            let mut problems = Diagnostics::new();
            let prepared = Arc::new(build::prepare(&options, &mut problems).unwrap());
            let memory = Memory::default();
            prepared.render(&memory, Pages::AsMade, None);
            let built = memory.into_files();
            let mut rendering = Rendering::new(Arc::clone(&prepared));
            let mut shown = 0;
            for (key, page) in built.iter().filter(|(k, _)| k.ends_with("index.html")) {
                if let Some(early) = rendering.page(key, None) {
                    assert!(&early == page, "{key} differs");
                    shown += 1;
                }
            }
            let versions: usize = prepared.site.nodes.iter().map(|n| n.paths.len()).sum();
            assert!(shown >= versions, "{shown} pages of {versions} made early");
            assert_eq!(rendering.page("guides/no-such-page/index.html", None), None);
            assert_eq!(rendering.page("css/loa.css", None), None);
        }
    }
}
