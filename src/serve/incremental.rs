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
    let doc = read_page(path, section, &site.config.timezone, None, &mut problems);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::{self, Options};

    /// The search index made again after an edit reads every page's
    /// Markdown; a build counts each page's words as it renders the page.
    /// Both must find the same words: tables, struck-out text, heading
    /// ids, footnotes and raw HTML read alike, and the same snippets.
    #[test]
    fn the_index_made_after_an_edit_is_the_build_s() {
        let site = tempfile::tempdir().unwrap();
        let content = site.path().join("content");
        std::fs::create_dir_all(content.join("guides")).unwrap();
        let files = [
            (
                "site.yaml",
                "title: Thử\nbase_url: https://example.gov.vn/vneid/\n\
                 default_language: vi\nlanguages:\n  - code: vi\n    name: Tiếng Việt\n  \
                 - code: en\n    name: English\ntimezone: Asia/Ho_Chi_Minh\n",
            ),
            ("_index.md", "---\ntitle: Trang chủ\n---\nXin chào.\n"),
            ("guides/_index.md", "---\ntitle: Hướng dẫn\n---\n"),
            (
                "guides/bang.md",
                "---\ntitle: Giấy tờ cần mang\n---\n\
                 | Giấy tờ | Ghi chú |\n|---|---|\n| Giấy khai sinh | ~~bản sao~~ bản chính |\n\n\
                 ## Mang theo {#mang-theo}\n\nSổ hộ khẩu[^1] và <b>ảnh</b>.\n\n\
                 [^1]: Nếu còn giữ.\n\n- Một\n- Hai\n\n```\nmã OTP\n```\n",
            ),
            (
                "guides/bang.en.md",
                "---\ntitle: What to bring\ndescription: Papers.\n---\n# Papers\n\nA *birth* certificate.\n",
            ),
        ];
        for (path, text) in files {
            std::fs::write(content.join(path), text).unwrap();
        }
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        // What a result shows of a page without a description: its text as
        // read, without the table's bars or the struck-out text's tildes.
        let snippet = "Giấy tờ Ghi chú Giấy khai sinh bản sao bản chính Sổ hộ khẩu và ảnh.";
        for (root, shows) in [(site.path(), Some(snippet)), (here, None)] {
            let options = Options {
                root: root.to_path_buf(),
                base_url: None,
                drafts: false,
                now: build::Now::Today,
            };
            let mut problems = Diagnostics::new();
            let prepared = build::prepare(&options, &mut problems).unwrap();
            let memory = Memory::default();
            prepared.render(&memory, Pages::AsMade, None);
            let mut built = memory.into_files();
            built.retain(|path, _| path.contains("search/"));
            let again = search_index(&prepared);
            assert!(built.len() > 3, "{:?}", built.keys());
            let mut paths: Vec<&String> = built.keys().collect();
            paths.sort();
            for path in paths {
                let made = again.get(path).map(|b| String::from_utf8_lossy(b));
                assert_eq!(made, Some(String::from_utf8_lossy(&built[path])), "{path}");
            }
            assert_eq!(again.len(), built.len());
            if let Some(snippet) = shows {
                let docs = String::from_utf8_lossy(&built["search/d/0.json"]);
                assert!(docs.contains(snippet), "{docs}");
            }
        }
    }
}
