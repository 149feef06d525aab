//! The record that a folder is an output of `loa build`: a small file the
//! build writes into every output. `loa build` replaces its output as a
//! whole, so it replaces only a folder that is recognisably its own.

use std::path::Path;

/// The name of the record, at the top of every output.
pub const MARKER: &str = ".loa-output";

/// What the record says, for whoever finds it on the portal.
pub const MARKER_TEXT: &str = "This folder is the output of `loa build`: \
every build replaces all of it. Do not keep other files here.\n\
Thư mục này là kết quả của `loa build`: mỗi lần dựng thay toàn bộ thư mục. \
Đừng để tệp khác ở đây.\n";

/// What is at the output path before a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Previous {
    /// Nothing: the build creates it.
    Missing,
    /// An empty folder.
    Empty,
    /// A folder with the record of a previous build.
    Marked,
    /// An output of a version of loa from before the record: it has loa's
    /// `js/search.js` and `sitemap.xml` at its top.
    Unmarked,
    /// A folder with other files: not ours to delete.
    Foreign,
    /// A file, not a folder.
    NotAFolder,
}

impl Previous {
    /// Whether a build may replace it without `--force`.
    pub fn replaceable(self) -> bool {
        !matches!(self, Previous::Foreign | Previous::NotAFolder)
    }
}

/// What is at `out`, following a symbolic link to its target.
pub fn previous_output(out: &Path) -> Previous {
    let Ok(meta) = std::fs::metadata(out) else {
        return Previous::Missing;
    };
    if !meta.is_dir() {
        return Previous::NotAFolder;
    }
    let empty = std::fs::read_dir(out)
        .map(|mut entries| entries.next().is_none())
        .unwrap_or(false);
    if empty {
        Previous::Empty
    } else if out.join(MARKER).is_file() {
        Previous::Marked
    } else if out.join("js/search.js").is_file() && out.join("sitemap.xml").is_file() {
        Previous::Unmarked
    } else {
        Previous::Foreign
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_loa_outputs_from_other_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        assert_eq!(previous_output(&out), Previous::Missing);
        std::fs::create_dir(&out).unwrap();
        assert_eq!(previous_output(&out), Previous::Empty);
        std::fs::write(out.join("sitemap.xml"), "<urlset/>").unwrap();
        assert_eq!(previous_output(&out), Previous::Foreign);
        std::fs::create_dir(out.join("js")).unwrap();
        std::fs::write(out.join("js/search.js"), "").unwrap();
        assert_eq!(previous_output(&out), Previous::Unmarked);
        std::fs::remove_file(out.join("sitemap.xml")).unwrap();
        std::fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        assert_eq!(previous_output(&out), Previous::Marked);
        let file = dir.path().join("file");
        std::fs::write(&file, "x").unwrap();
        assert_eq!(previous_output(&file), Previous::NotAFolder);
        assert!(!Previous::NotAFolder.replaceable());
    }
}
