//! Helpers for running the `loa` binary on fixture sites.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The tests' own cache folder (`XDG_CACHE_HOME`), in Cargo's folder for
/// them: what a test builds never goes into the cache of whoever runs the
/// tests.
pub fn tests_cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache")
}

/// `loa`, with the tests' cache folder unless another is set.
pub fn loa_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_loa"));
    cmd.env("XDG_CACHE_HOME", tests_cache());
    cmd
}

/// Runs `loa` in English unless `LANG` is given in `env`.
pub fn loa(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = loa_command();
    cmd.args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run loa")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `loa COMMAND --root ROOT`, which must exit with 1 (it found
/// errors), and gives what it printed on stderr.
#[track_caller]
pub fn fails(command: &str, root: &Path) -> String {
    let o = loa(&[command, "--root", root.to_str().unwrap()], &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    err
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A copy of a fixture in a temporary folder, so a test may change it.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(name), dir.path());
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// `loa build` of a site copied for a test.
pub fn build_into(site: &Path, out: &Path) -> Output {
    loa(
        &[
            "build",
            "--root",
            site.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
        &[],
    )
}

/// `loa build` of `site` into `out` with the build's "now" fixed.
pub fn build_at(site: &Path, out: &Path, now: &str, env: &[(&str, &str)]) -> Output {
    loa(
        &[
            "build",
            "--root",
            site.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--now",
            now,
        ],
        env,
    )
}

/// A site of one home page with `site_yaml` as its `site.yaml` and
/// `files` in its `points/` folder.
pub fn points_site(site_yaml: &str, files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("points")).unwrap();
    std::fs::write(content.join("site.yaml"), site_yaml).unwrap();
    std::fs::write(
        content.join("_index.md"),
        "---\ntitle: Trang chủ\n---\nXin chào.\n",
    )
    .unwrap();
    for (name, bytes) in files {
        std::fs::write(content.join("points").join(name), bytes).unwrap();
    }
    dir
}

/// Builds a fixture into a fresh output folder; panics with the diagnostics if it fails.
pub fn build(name: &str, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let root = fixture(name);
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = loa(&args, &[]);
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    (tmp, out)
}

pub fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every file of a folder with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    out
}

/// Values of an attribute in (minified) HTML, quoted or not.
pub fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let needle = format!(" {attr}=");
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        let after = &rest[i + needle.len()..];
        let (value, len) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let end = after[1..].find(q).map(|e| e + 1).unwrap_or(after.len());
                (after[1..end].to_string(), end + 1)
            }
            _ => {
                let end = after
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(after.len());
                (after[..end].to_string(), end)
            }
        };
        out.push(value.replace("&amp;", "&"));
        rest = &after[len.min(after.len())..];
    }
    out
}

/// Every HTML file of an output folder.
pub fn html_files(out: &Path) -> Vec<(String, String)> {
    tree(out)
        .into_iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (k, String::from_utf8(v).unwrap()))
        .collect()
}

/// `loa check` of `root` on 10 June 2026 with `LANG=lang`: its exit code and
/// what it printed to stderr.
pub fn check_in(root: &Path, lang: &str) -> (Option<i32>, String) {
    let o = loa(
        &[
            "check",
            "--root",
            root.to_str().unwrap(),
            "--now",
            "2026-06-10",
        ],
        &[("LANG", lang)],
    );
    (o.status.code(), stderr(&o))
}

/// Asserts that `err` contains `expected`, showing both when it does not.
pub fn has(err: &str, expected: &str) {
    assert!(err.contains(expected), "{expected}\n--- in ---\n{err}");
}
