//! What one save changed, from the file events an editor makes.
//!
//! Editors save in several ways. Some write the file in place; many write a
//! new file and rename it over the old one (gedit, vim's default, JetBrains'
//! safe write, `sed -i`), sometimes keeping the old one under another name
//! for a moment. Whatever the way, the change is the one file that now
//! holds the new text: a file that appeared during the save and is gone at
//! its end was the editor's scratch, not a change to the site.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use notify::event::{ModifyKind, RenameMode};
use notify::EventKind;

/// The events of one save, gathered until the folder is quiet.
#[derive(Debug, Default)]
pub struct Save {
    /// Every path an event named.
    touched: BTreeSet<PathBuf>,
    /// The paths that came into being during the save (made, or renamed to).
    appeared: BTreeSet<PathBuf>,
}

impl Save {
    /// Takes one event's paths; `keep` says which can change the site.
    pub fn add(&mut self, kind: EventKind, paths: Vec<PathBuf>, keep: impl Fn(&Path) -> bool) {
        let appeared: Vec<&PathBuf> = match kind {
            EventKind::Access(_) => return,
            EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(RenameMode::To)) => {
                paths.iter().collect()
            }
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
                paths.get(1).into_iter().collect()
            }
            _ => Vec::new(),
        };
        self.appeared.extend(appeared.into_iter().cloned());
        self.touched.extend(paths.into_iter().filter(|p| keep(p)));
    }

    /// Marks everything as changed (events were lost).
    pub fn add_all(&mut self, path: PathBuf) {
        self.touched.insert(path);
    }

    /// The paths the save changed: those touched, less those that appeared
    /// during it and are gone again (`exists` asks the file system).
    pub fn changed(self, exists: impl Fn(&Path) -> bool) -> BTreeSet<PathBuf> {
        let Save { touched, appeared } = self;
        touched
            .into_iter()
            .filter(|p| !appeared.contains(p) || exists(p))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use notify::event::{CreateKind, DataChange, RemoveKind};

    use super::*;

    fn p(s: &str) -> PathBuf {
        PathBuf::from(s)
    }

    /// The changed paths after `events`, with `present` the files that exist.
    fn after(events: &[(EventKind, &[&str])], present: &[&str]) -> Vec<String> {
        let mut save = Save::default();
        for (kind, paths) in events {
            save.add(*kind, paths.iter().map(|s| p(s)).collect(), |_| true);
        }
        let present: BTreeSet<PathBuf> = present.iter().map(|s| p(s)).collect();
        save.changed(|x| present.contains(x))
            .into_iter()
            .map(|x| x.display().to_string())
            .collect()
    }

    const WRITE: EventKind = EventKind::Modify(ModifyKind::Data(DataChange::Any));
    const MADE: EventKind = EventKind::Create(CreateKind::File);
    const GONE: EventKind = EventKind::Remove(RemoveKind::File);
    const FROM: EventKind = EventKind::Modify(ModifyKind::Name(RenameMode::From));
    const TO: EventKind = EventKind::Modify(ModifyKind::Name(RenameMode::To));
    const BOTH: EventKind = EventKind::Modify(ModifyKind::Name(RenameMode::Both));

    #[test]
    fn a_write_in_place_is_the_file() {
        assert_eq!(after(&[(WRITE, &["a.md"])], &["a.md"]), ["a.md"]);
    }

    #[test]
    fn a_scratch_file_renamed_over_the_page_is_the_page() {
        // sed -i, gedit: a new file written, then renamed over the page.
        let events: &[(EventKind, &[&str])] = &[
            (MADE, &["sedX1"]),
            (WRITE, &["sedX1"]),
            (FROM, &["sedX1"]),
            (TO, &["a.md"]),
            (BOTH, &["sedX1", "a.md"]),
        ];
        assert_eq!(after(events, &["a.md"]), ["a.md"]);
    }

    #[test]
    fn a_safe_write_that_keeps_the_old_file_a_moment_is_the_page() {
        // JetBrains: the page renamed away, the new text renamed in, the
        // old one removed.
        let events: &[(EventKind, &[&str])] = &[
            (MADE, &["a.md___jb_tmp___"]),
            (WRITE, &["a.md___jb_tmp___"]),
            (BOTH, &["a.md", "a.md___jb_old___"]),
            (BOTH, &["a.md___jb_tmp___", "a.md"]),
            (GONE, &["a.md___jb_old___"]),
        ];
        assert_eq!(after(events, &["a.md"]), ["a.md"]);
    }

    #[test]
    fn a_file_that_was_there_and_is_gone_is_a_change() {
        assert_eq!(after(&[(GONE, &["visits.csv"])], &[]), ["visits.csv"]);
        // Renamed away for good: both names changed.
        assert_eq!(
            after(&[(BOTH, &["a.md", "b.md"])], &["b.md"]),
            ["a.md", "b.md"]
        );
    }

    #[test]
    fn reading_changes_nothing_and_the_filter_is_kept() {
        let mut save = Save::default();
        save.add(
            EventKind::Access(notify::event::AccessKind::Any),
            vec![p("a.md")],
            |_| true,
        );
        save.add(WRITE, vec![p("a.md~"), p("b.md")], |x| {
            x != Path::new("a.md~")
        });
        assert_eq!(
            save.changed(|_| true).into_iter().collect::<Vec<_>>(),
            [p("b.md")]
        );
    }
}
