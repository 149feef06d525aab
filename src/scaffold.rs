//! `loa new DIR`: a small working site to start from.

use std::io;
use std::path::Path;

use include_dir::{include_dir, Dir};

static STARTER: Dir = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/site");

/// Creates the starter site in `dir`, which must be missing or empty.
pub fn create(dir: &Path) -> io::Result<usize> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)?;
        if entries.next().is_some() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} is not empty", dir.display()),
            ));
        }
    }
    let mut count = 0;
    write_dir(&STARTER, dir, &mut count)?;
    Ok(count)
}

fn write_dir(src: &Dir, dest_root: &Path, count: &mut usize) -> io::Result<()> {
    for file in src.files() {
        let dest = dest_root.join(file.path());
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(dest, file.contents())?;
        *count += 1;
    }
    for sub in src.dirs() {
        write_dir(sub, dest_root, count)?;
    }
    Ok(())
}
