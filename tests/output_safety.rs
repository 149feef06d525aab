//! `loa build` replaces its output folder as a whole, and `loa import`
//! writes a file: neither deletes or replaces what loa did not make.

mod common;

use std::path::Path;

use common::*;

fn build_with(site: &Path, out: &Path, extra: &[&str], lang: &str) -> std::process::Output {
    let mut args = vec![
        "build",
        "--root",
        site.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    loa(&args, &[("LANG", lang)])
}

#[test]
fn a_folder_of_other_files_is_refused_without_force() {
    let site = copy_fixture("basic");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("thesis.docx"), "four years").unwrap();

    let o = build_with(site.path(), &out, &[], "C.UTF-8");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "loa: the output folder {} holds files that loa did not make, and a build \
             replaces all of it; choose an empty or new folder, or add --force to delete \
             everything in it\n",
            out.display()
        )
    );
    let o = build_with(site.path(), &out, &[], "vi_VN.UTF-8");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "loa: thư mục kết quả {} có tệp không do loa tạo, mà mỗi lần dựng sẽ thay toàn \
             bộ thư mục; chọn thư mục trống hoặc mới, hoặc thêm --force để xóa hết nội dung \
             trong đó\n",
            out.display()
        )
    );
    assert_eq!(read(&out, "thesis.docx"), "four years");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    let o = build_with(site.path(), &out, &["--force"], "C.UTF-8");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.join("thesis.docx").exists());
    assert!(out.join("index.html").is_file());
}

#[test]
fn outputs_of_loa_are_replaced_without_force() {
    let site = copy_fixture("basic");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    // A new folder, then an empty one, then the output of the build before.
    for _ in 0..2 {
        let o = build_with(site.path(), &out, &[], "C.UTF-8");
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(read(&out, ".loa-output").contains("loa build"));
    }
    std::fs::remove_dir_all(&out).unwrap();
    std::fs::create_dir(&out).unwrap();
    assert!(build_with(site.path(), &out, &[], "C.UTF-8")
        .status
        .success());

    // An output of a version of loa without the record: loa's script and
    // sitemap at its top.
    std::fs::remove_file(out.join(".loa-output")).unwrap();
    std::fs::write(out.join("old-page.html"), "old").unwrap();
    let o = build_with(site.path(), &out, &[], "C.UTF-8");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.join("old-page.html").exists());
    assert!(out.join(".loa-output").is_file());

    // A sitemap alone is not enough to be recognised.
    std::fs::remove_dir_all(&out).unwrap();
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("sitemap.xml"), "<urlset/>").unwrap();
    assert_eq!(
        build_with(site.path(), &out, &[], "C.UTF-8").status.code(),
        Some(2)
    );
    assert!(out.join("sitemap.xml").is_file());
}

#[test]
fn an_output_that_is_a_file_is_refused() {
    let site = copy_fixture("basic");
    let out = site.path().join("notes.txt");
    std::fs::write(&out, "notes").unwrap();
    let o = build_with(site.path(), &out, &["--force"], "C.UTF-8");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "loa: the output {} is a file, not a folder; choose a folder\n",
            out.display()
        )
    );
    assert_eq!(read(site.path(), "notes.txt"), "notes");
}

#[cfg(unix)]
#[test]
fn sources_reached_through_a_link_are_never_the_output() {
    let site = copy_fixture("basic");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    std::fs::create_dir(&out).unwrap();
    // The site's content lives inside the output folder, linked from the site.
    let content = site.path().join("content");
    std::fs::rename(&content, out.join("src")).unwrap();
    std::os::unix::fs::symlink(out.join("src"), &content).unwrap();
    for extra in [&[][..], &["--force"][..]] {
        let o = build_with(site.path(), &out, extra, "C.UTF-8");
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("holds or is inside the site's sources"));
    }
    assert!(out.join("src/site.yaml").is_file());
}

#[cfg(unix)]
#[test]
fn a_linked_output_is_replaced_where_the_link_points() {
    let site = copy_fixture("basic");
    let portal = tempfile::tempdir().unwrap();
    let target = portal.path().join("vneid");
    let link = site.path().join("public");
    std::os::unix::fs::symlink(&target, &link).unwrap();

    // The link points at nothing yet: the site goes where it points.
    let o = build_with(site.path(), &link, &[], "C.UTF-8");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(target.join("index.html").is_file());
    std::fs::write(target.join("old-page.html"), "old").unwrap();
    // A link inside the old output is removed as a link, never followed.
    let keep = tempfile::tempdir().unwrap();
    std::fs::write(keep.path().join("report.xlsx"), "figures").unwrap();
    std::os::unix::fs::symlink(keep.path(), target.join("reports")).unwrap();

    // Then replaced there, the link kept, nothing left beside the target.
    let o = build_with(site.path(), &link, &[], "C.UTF-8");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_link(&link).unwrap(), target);
    assert!(!target.join("old-page.html").exists());
    assert!(std::fs::symlink_metadata(target.join("reports")).is_err());
    assert_eq!(read(keep.path(), "report.xlsx"), "figures");
    assert!(target.join("index.html").is_file());
    let beside: Vec<_> = std::fs::read_dir(portal.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside, ["vneid"]);
}

#[test]
fn import_does_not_replace_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = fixture("plans/xa-tan-hoa.txt");
    let file = dir.path().join("plan.txt");
    std::fs::write(&file, "the plan as issued").unwrap();
    let import = |extra: &[&str], lang: &str| {
        let mut args = vec![
            "import",
            plan.to_str().unwrap(),
            "--output",
            file.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        loa(&args, &[("LANG", lang)])
    };
    let o = import(&[], "C.UTF-8");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "loa: {} already exists; choose another file, or add --force to replace it\n",
            file.display()
        )
    );
    let o = import(&["--format", "md"], "vi_VN.UTF-8");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "loa: {} đã có; chọn tệp khác, hoặc thêm --force để ghi đè\n",
            file.display()
        )
    );
    assert_eq!(read(dir.path(), "plan.txt"), "the plan as issued");

    let o = import(&["--force"], "C.UTF-8");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(dir.path(), "plan.txt").starts_with('{'));

    let new = dir.path().join("new.json");
    let o = loa(
        &[
            "import",
            plan.to_str().unwrap(),
            "--output",
            new.to_str().unwrap(),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(dir.path(), "new.json").starts_with('{'));
}

const NOW: &str = "2026-06-01T08:00:00+07:00";

/// Two builds into `out`: the second writes over the output the first
/// replaced, and keeps the first's in the cache folder.
fn build_twice(site: &Path, out: &Path, env: &[(&str, &str)]) {
    for _ in 0..2 {
        let o = build_at(site, out, NOW, env);
        assert!(o.status.success(), "{}", stderr(&o));
    }
}

/// A page whose front matter cannot be read (an error): its path.
fn add_broken_page(site: &Path) -> std::path::PathBuf {
    let broken = site.join("content/broken.md");
    std::fs::write(&broken, "---\ntitle: [unclosed\n---\nText.\n").unwrap();
    broken
}

/// The outputs kept in the cache folder `cache`.
fn kept_outputs(cache: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(cache.join("loa/spare-outputs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect()
}

/// The output a build replaces is kept in the cache folder and written over
/// by the next build: whatever it holds, the new output is the one a build
/// from nothing makes, and nothing is written through a link in it.
#[cfg(unix)]
#[test]
fn a_rebuild_over_the_kept_output_is_a_build_from_nothing() {
    let site = copy_fixture("basic");
    let dir = tempfile::tempdir().unwrap();
    let (cache, out) = (dir.path().join("cache"), dir.path().join("public"));
    let env = [("XDG_CACHE_HOME", cache.to_str().unwrap())];
    build_twice(site.path(), &out, &env);
    let spares = kept_outputs(&cache);
    assert_eq!(spares.len(), 1, "{spares:?}");
    assert_eq!(tree(&spares[0]), tree(&out));
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside.len(), 2, "only the output and the cache: {beside:?}");

    // What an older build, or anyone, left in the spare.
    let spare = &spares[0];
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(spare.join("stale.html"), "gone").unwrap();
    std::fs::create_dir_all(spare.join("old/deep")).unwrap();
    std::fs::write(spare.join("old/deep/index.html"), "gone").unwrap();
    std::fs::create_dir_all(spare.join("empty/inner")).unwrap();
    std::fs::remove_dir_all(spare.join("en")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), spare.join("en")).unwrap();
    std::fs::remove_file(spare.join("index.html")).unwrap();
    std::fs::create_dir_all(spare.join("index.html/deep")).unwrap();
    let folder = tree(&out)
        .keys()
        .find_map(|k| k.strip_suffix("/index.html").filter(|f| !f.contains('/')))
        .unwrap()
        .to_string();
    std::fs::remove_dir_all(spare.join(&folder)).unwrap();
    std::fs::write(spare.join(&folder), "a file where a folder goes").unwrap();
    std::fs::write(
        site.path().join("content/new-page.md"),
        "---\ntitle: New\n---\nNew.\n",
    )
    .unwrap();
    // A file of other bytes, read-only as a copy keeps its permissions:
    // written over, or made anew where the system refuses (not as root).
    let feed = tree(&out)
        .keys()
        .find(|k| k.ends_with(".xml"))
        .unwrap()
        .clone();
    std::fs::write(spare.join(&feed), "an older feed").unwrap();
    let mut read_only = std::fs::metadata(spare.join(&feed)).unwrap().permissions();
    read_only.set_readonly(true);
    std::fs::set_permissions(spare.join(&feed), read_only).unwrap();
    // A deployment made of hard links to the kept files stays as it was.
    let deployed = elsewhere.path().join("deployed-404.html");
    std::fs::hard_link(spare.join("404.html"), &deployed).unwrap();
    std::fs::write(&deployed, "the deployed copy").unwrap();

    let o = build_at(site.path(), &out, NOW, &env);
    assert!(o.status.success(), "{}", stderr(&o));
    let fresh = dir.path().join("fresh");
    let fresh_cache = dir.path().join("fresh-cache");
    let o = build_at(
        site.path(),
        &fresh,
        NOW,
        &[("XDG_CACHE_HOME", fresh_cache.to_str().unwrap())],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let (built, expected) = (tree(&out), tree(&fresh));
    assert_eq!(
        built.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    assert!(built == expected, "the same files, with other bytes");
    assert!(built.contains_key("new-page/index.html"));
    assert!(!out.join("old").exists() && !out.join("empty").exists());
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 1);
    assert_eq!(
        read(elsewhere.path(), "deployed-404.html"),
        "the deployed copy"
    );
    assert!(std::fs::symlink_metadata(out.join("en"))
        .unwrap()
        .file_type()
        .is_dir());
}

/// A build with errors takes the kept output to write over while it reads
/// the site, and gives it back: the next clean build still writes over it.
#[test]
fn a_failed_build_keeps_the_kept_output() {
    let site = copy_fixture("basic");
    let dir = tempfile::tempdir().unwrap();
    let (cache, out) = (dir.path().join("cache"), dir.path().join("public"));
    let env = [("XDG_CACHE_HOME", cache.to_str().unwrap())];
    build_twice(site.path(), &out, &env);
    let kept = || kept_outputs(&cache);
    let before = kept();
    assert_eq!(before.len(), 1, "{before:?}");
    let kept_tree = tree(&before[0]);
    let output_tree = tree(&out);

    let broken = add_broken_page(site.path());
    let o = build_at(site.path(), &out, NOW, &env);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("broken.md"), "{}", stderr(&o));
    assert_eq!(kept(), before);
    assert_eq!(tree(&before[0]), kept_tree);
    assert_eq!(tree(&out), output_tree);
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside.len(), 2, "no staging folder left: {beside:?}");

    std::fs::remove_file(&broken).unwrap();
    let o = build_at(site.path(), &out, NOW, &env);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(tree(&out), output_tree);
    assert_eq!(tree(&kept()[0]), output_tree);
}

/// A build with errors into a folder that does not exist yet makes none.
#[test]
fn a_failed_build_makes_no_folder() {
    let site = copy_fixture("basic");
    add_broken_page(site.path());
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let out = dir.path().join("new/public");
    let env = [("XDG_CACHE_HOME", cache.to_str().unwrap())];
    let o = build_at(site.path(), &out, NOW, &env);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!dir.path().join("new").exists());
}
