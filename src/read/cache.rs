//! What `loa serve` keeps from one build to the next: each page and plan
//! file as it was read, and the points and visits of `content/points/`,
//! with the problems reading them reported, by path, size and time of
//! change. What is unchanged since is not read again; a file not seen in a
//! build is forgotten.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use jiff::tz::TimeZone;

use super::frontmatter::{Document, PageSection};
use super::plan::CampaignPlan;
use super::points::PointsData;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Pages, plans and points as read by the last build, and by this one.
#[derive(Default)]
pub struct ReadCache {
    pages: Files<(PageSection, TimeZone), Option<Document>>,
    plans: Files<String, Option<CampaignPlan>>,
    points: Mutex<Option<PointsRead>>,
}

/// The files of `content/points/` with their stamps, and what they gave.
struct PointsRead {
    files: Vec<(PathBuf, Stamp)>,
    data: PointsData,
    problems: Vec<Diagnostic>,
}

impl ReadCache {
    /// The page at `path`, read with `read` unless it is unchanged since it
    /// was last read for the same section and time zone.
    pub fn page(
        &self,
        path: &Path,
        how: (PageSection, TimeZone),
        problems: &mut Diagnostics,
        read: impl FnOnce(&mut Diagnostics) -> Option<Document>,
    ) -> Option<Document> {
        self.pages.get(path, how, problems, read)
    }

    /// The plan at `path`, known as `rel`, read with `read` unless unchanged.
    pub fn plan(
        &self,
        path: &Path,
        rel: &str,
        problems: &mut Diagnostics,
        read: impl FnOnce(&mut Diagnostics) -> Option<CampaignPlan>,
    ) -> Option<CampaignPlan> {
        self.plans.get(path, rel.to_string(), problems, read)
    }

    /// The points and visits of `dir`, read with `read` unless a file in it
    /// was added, removed or changed.
    pub fn points(
        &self,
        dir: &Path,
        problems: &mut Diagnostics,
        read: impl FnOnce(&mut Diagnostics) -> PointsData,
    ) -> PointsData {
        let files: Option<Vec<(PathBuf, Stamp)>> = std::fs::read_dir(dir)
            .map(|entries| {
                let mut files: Vec<(PathBuf, Stamp)> = entries
                    .flatten()
                    .filter_map(|e| Some((e.path(), Stamp::of(&e.path())?)))
                    .collect();
                files.sort_by(|a, b| a.0.cmp(&b.0));
                files
            })
            .ok();
        let mut cached = lock(&self.points);
        if let Some(last) = cached.as_ref().filter(|c| Some(&c.files) == files.as_ref()) {
            problems.extend(last.problems.iter().cloned());
            return last.data.clone();
        }
        let mut found = Diagnostics::new();
        let data = read(&mut found);
        *cached = files.map(|files| PointsRead {
            files,
            data: data.clone(),
            problems: found.iter().cloned().collect(),
        });
        problems.extend(found);
        data
    }

    /// Forgets what the build that just ended did not read.
    pub fn end_build(&self) {
        self.pages.end_build();
        self.plans.end_build();
    }
}

/// A file's size and time of change, taken before it is read: a change
/// while it is read is seen at the next build. Where the system has them,
/// also its inode and the time of its last change of any kind, which no
/// tool sets back: a file put back with an old time of change is read.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
    changed: (u64, i64, i64),
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let changed = {
            use std::os::unix::fs::MetadataExt;
            (meta.ino(), meta.ctime(), meta.ctime_nsec())
        };
        #[cfg(not(unix))]
        let changed = (0, 0, 0);
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok()?,
            changed,
        })
    }
}

struct Entry<K, V> {
    stamp: Stamp,
    how: K,
    value: V,
    problems: Vec<Diagnostic>,
}

/// One kind of file: the last build's entries, and this build's.
struct Files<K, V> {
    last: Mutex<HashMap<PathBuf, Entry<K, V>>>,
    this: Mutex<HashMap<PathBuf, Entry<K, V>>>,
}

impl<K, V> Default for Files<K, V> {
    fn default() -> Self {
        Files {
            last: Mutex::default(),
            this: Mutex::default(),
        }
    }
}

impl<K: PartialEq + Clone, V: Clone> Files<K, V> {
    fn get(
        &self,
        path: &Path,
        how: K,
        problems: &mut Diagnostics,
        read: impl FnOnce(&mut Diagnostics) -> V,
    ) -> V {
        let Some(stamp) = Stamp::of(path) else {
            return read(problems);
        };
        let last = lock(&self.last).remove(path);
        let entry = match last.filter(|e| e.stamp == stamp && e.how == how) {
            Some(entry) => entry,
            None => {
                let mut found = Diagnostics::new();
                let value = read(&mut found);
                Entry {
                    stamp,
                    how,
                    value,
                    problems: found.iter().cloned().collect(),
                }
            }
        };
        problems.extend(entry.problems.iter().cloned());
        let value = entry.value.clone();
        lock(&self.this).insert(path.to_path_buf(), entry);
        value
    }

    fn end_build(&self) {
        let this = std::mem::take(&mut *lock(&self.this));
        *lock(&self.last) = this;
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Location;
    use crate::messages::Msg;

    fn read_with(
        files: &Files<u8, Option<String>>,
        path: &Path,
        calls: &mut usize,
    ) -> (Option<String>, usize) {
        let mut problems = Diagnostics::new();
        let value = files.get(path, 1, &mut problems, |found| {
            *calls += 1;
            found.warning(
                Location::file(path),
                Msg::OldFontText {
                    encoding: crate::read::encoding::TextEncoding::Vni,
                    found: "x".into(),
                    converted: "y".into(),
                },
            );
            std::fs::read_to_string(path).ok()
        });
        (value, problems.len())
    }

    #[test]
    fn an_unchanged_file_is_read_once_and_its_problems_told_each_build() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "one").unwrap();
        let files = Files::default();
        let mut calls = 0;
        assert_eq!(
            read_with(&files, &path, &mut calls),
            (Some("one".into()), 1)
        );
        files.end_build();
        assert_eq!(
            read_with(&files, &path, &mut calls),
            (Some("one".into()), 1)
        );
        assert_eq!(calls, 1, "read once");
        files.end_build();
        std::fs::write(&path, "changed").unwrap();
        assert_eq!(
            read_with(&files, &path, &mut calls).0.as_deref(),
            Some("changed")
        );
        assert_eq!(calls, 2);
        // Not read in a build: forgotten.
        files.end_build();
        files.end_build();
        assert!(lock(&files.last).is_empty());
    }
}
