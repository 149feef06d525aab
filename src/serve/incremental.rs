//! The fast path of `loa serve`: an edit of the text of one page, its front
//! matter unchanged, changes that page in each language and the search
//! index, nothing else (lists, feeds, the sitemap and the translation report
//! read only front matter). Anything else, or any problem, takes a full
//! rebuild.

use std::collections::HashMap;
use std::path::Path;

use crate::build::Prepared;
use crate::diagnostic::Diagnostics;
use crate::model::NodeKind;
use crate::read::content::read_page;
use crate::read::frontmatter::PageSection;
use crate::render::{render_node, render_search, Pages, RenderCtx};
use crate::write::Memory;

/// The files to replace after `path` changed, or `None` when the change
/// needs a full rebuild.
pub fn page_edit(prepared: &mut Prepared, path: &Path) -> Option<HashMap<String, Vec<u8>>> {
    let site = &mut prepared.site;
    let (index, lang) = site.nodes.iter().enumerate().find_map(|(i, n)| {
        n.versions
            .iter()
            .find(|(_, v)| v.path == path)
            .map(|(lang, _)| (i, lang.clone()))
    })?;
    let node = &site.nodes[index];
    let section = PageSection::of(node.section(), node.kind == NodeKind::Page);
    let mut problems = Diagnostics::new();
    let doc = read_page(path, section, &site.config.timezone, &mut problems);
    let doc = doc.filter(|_| problems.is_empty())?;
    let version = site.nodes[index].versions.get_mut(&lang)?;
    if doc.front != version.front {
        return None;
    }
    version.body = doc.body;
    version.body_line = doc.body_line;
    let (files, rendered) = node_files(prepared, index);
    rendered.is_empty().then_some(files)
}

/// Node `index`'s pages in every language (see [`render_node`]), with the
/// problems rendering them reported.
pub(super) fn node_files(
    prepared: &Prepared,
    index: usize,
) -> (HashMap<String, Vec<u8>>, Diagnostics) {
    let memory = Memory::default();
    let mut problems = Diagnostics::new();
    render_node(context(prepared), index, &memory, &mut problems);
    (memory.into_files(), problems)
}

/// The search index after a page's text changed: the index holds every
/// page's text, so it is made again whole, once the page is shown.
pub fn search_index(prepared: &Prepared) -> HashMap<String, Vec<u8>> {
    let memory = Memory::default();
    render_search(context(prepared), &memory, &mut Diagnostics::new());
    memory.into_files()
}

fn context(prepared: &Prepared) -> RenderCtx<'_> {
    RenderCtx::new(
        &prepared.site,
        &prepared.theme,
        &prepared.templates,
        Pages::AsMade,
    )
    .with_translations(&prepared.report)
}
