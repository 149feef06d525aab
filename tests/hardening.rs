//! Content cannot hurt citizens: raw HTML and URLs that could run code are
//! removed from every page, and the writer is told where.

mod common;

use common::*;

const PAGE: &str = r#"---
title: "Hướng dẫn <script>alert('t')</script>"
description: "\"><img src=x onerror=alert('d')>"
---
Mang theo CCCD.

<script>alert(1)</script>

<img src="x" onerror="alert(2)" alt="ảnh">

<a href="JaVaScRiPt:alert(3)">bấm</a> và <a href="&#106;avascript:alert(4)">bấm</a>

[liên kết](javascript:alert(5)) và [dữ liệu](data:text/html;base64,PHNjcmlwdD4=)

<svg onload="alert(6)"><circle r="1"/></svg>

<iframe src="https://evil.example/"></iframe>

<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video hướng dẫn"></iframe>

<p style="color:red" onclick="alert(7)" class="ghi-chu">Giữ đoạn này.</p>
"#;

#[test]
fn hostile_html_is_removed_and_reported() {
    let site = copy_fixture("basic");
    let config = site.path().join("content/site.yaml");
    let mut yaml = std::fs::read_to_string(&config).unwrap();
    yaml.push_str("iframe_hosts: [www.youtube-nocookie.com]\n");
    std::fs::write(&config, yaml).unwrap();
    std::fs::write(site.path().join("content/guides/doc-hai.md"), PAGE).unwrap();
    // The image exists: raw HTML's images are link-checked like Markdown's.
    std::fs::write(site.path().join("content/guides/x"), b"PNG").unwrap();
    let out = site.path().join("public");
    let o = build_into(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "guides/doc-hai/index.html");
    let start = page.find("<div class=content>").unwrap();
    let html = &page[start..page[start..].find("</article>").unwrap() + start];
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script>alert",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "data:text/html",
        "evil.example",
        "color:red",
    ] {
        assert!(!lower.contains(bad), "{bad} left in the page:\n{html}");
    }
    assert!(
        !html.contains("<iframe></iframe>"),
        "no empty box for a refused iframe"
    );
    // Front matter is text: escaped, not markup (a <title> holds only text).
    assert!(
        page.contains("<h1>Hướng dẫn &lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;</h1>"),
        "{page}"
    );
    assert!(
        page.contains("<p class=lead>&quot;&gt;&lt;img src=x onerror"),
        "{page}"
    );
    for kept in [
        "Giữ đoạn này.",
        "class=ghi-chu",
        "youtube-nocookie.com/embed/abc",
        "alt=ảnh",
        "Mang theo CCCD.",
    ] {
        assert!(html.contains(kept), "{kept} missing:\n{html}");
    }
    // Every removal is a warning at its line, with the fix.
    let err = stderr(&o);
    for line in [7, 9, 11, 13, 15, 17, 21] {
        let at = format!("content/guides/doc-hai.md:{line}:");
        assert!(err.contains(&at), "no warning at {at}:\n{err}");
    }
    assert!(err.contains("warning[W0404]"), "{err}");
    assert!(err.contains("iframe_hosts"), "{err}");
    assert!(
        !err.contains("doc-hai.md:19:"),
        "an allowed iframe is not a warning:\n{err}"
    );
}

/// Files a page refers to stay inside the site: `..` above `content/`,
/// absolute paths and symlinks that leave it are errors at the line that
/// refers to them, and such symlinks are neither followed nor published.
#[cfg(unix)]
#[test]
fn references_cannot_leave_the_site() {
    let site = copy_fixture("basic");
    let content = site.path().join("content");
    let secret = site.path().join("secret.txt");
    std::fs::write(&secret, "mật khẩu").unwrap();
    std::os::unix::fs::symlink(&secret, content.join("guides/lo-ra.txt")).unwrap();
    std::os::unix::fs::symlink(site.path(), content.join("static/ca-trang")).unwrap();
    std::fs::write(content.join("guides/that.txt"), "thật").unwrap();
    std::os::unix::fs::symlink(
        content.join("guides/that.txt"),
        content.join("guides/ben-trong.txt"),
    )
    .unwrap();
    std::fs::write(
        content.join("guides/duong-dan.md"),
        "---\ntitle: Đường dẫn\n---\n[a](../../secret.txt)\n\n[b](lo-ra.txt)\n\n![c](/etc/passwd)\n\n[d](ben-trong.txt)\n",
    )
    .unwrap();
    let out = site.path().join("public");
    let o = build_into(site.path(), &out);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/guides/duong-dan.md:4:") && err.contains("E0403"),
        "{err}"
    );
    assert!(err.contains("content/guides/duong-dan.md:6:"), "{err}");
    assert!(err.contains("content/guides/duong-dan.md:8:"), "{err}");
    assert!(
        !err.contains("duong-dan.md:10:"),
        "a symlink inside the site is fine:\n{err}"
    );
    assert!(
        err.contains("content/guides/lo-ra.txt:1:1: warning[W0112]"),
        "{err}"
    );
    assert!(
        err.contains("content/static/ca-trang:1:1: warning[W0112]"),
        "{err}"
    );

    // Without the bad links the site builds, and publishes nothing from outside.
    std::fs::write(
        content.join("guides/duong-dan.md"),
        "---\ntitle: Đường dẫn\n---\n[d](ben-trong.txt)\n",
    )
    .unwrap();
    let o = build_into(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let files = tree(&out);
    assert!(
        files
            .keys()
            .all(|k| !k.contains("lo-ra") && !k.contains("ca-trang")),
        "{:?}",
        files.keys()
    );
    assert!(files.values().all(|v| v != "mật khẩu".as_bytes()));
    assert_eq!(read(&out, "guides/ben-trong.txt"), "thật");
}

/// A large site: the points fixture with `n` more points and visits.
fn large_site(n: usize) -> tempfile::TempDir {
    let site = copy_fixture("points");
    let dir = site.path().join("content/points");
    let mut points = String::from(
        "id,name,kind,district,ward,address,lat,lon,phone,services,hours,notes,accessibility\n",
    );
    let mut visits = String::from("point_id,date,start,end,place,address,lat,lon,notes\n");
    for i in 0..n {
        let kind = if i % 2 == 0 { "fixed" } else { "mobile" };
        let hours = if kind == "fixed" {
            "T2-T6 07:30-11:30"
        } else {
            ""
        };
        points.push_str(&format!(
            "d{i},Điểm {i},{kind},Huyện {},Xã {},Ấp {i},10.{i:04},105.7,,cccd,{hours},,\n",
            i / 200,
            i / 20
        ));
        if kind == "mobile" {
            for day in 1..=3 {
                visits.push_str(&format!(
                    "d{i},2026-07-{day:02},07:30,11:00,Trường {i},Ấp {day},,,\n"
                ));
            }
        }
    }
    std::fs::write(dir.join("them-nhieu.csv"), points).unwrap();
    let mut all = std::fs::read_to_string(dir.join("visits.csv")).unwrap();
    all.push_str(visits.split_once('\n').unwrap().1);
    std::fs::write(dir.join("visits.csv"), all).unwrap();
    site
}

/// `kill -9` at any moment of a build leaves the previous output complete
/// and byte for byte as it was; nothing is written beside it but the
/// temporary folder, which the next build removes.
#[cfg(unix)]
#[test]
fn a_killed_build_leaves_the_previous_output_whole() {
    let site = large_site(1200);
    let root = site.path().to_str().unwrap().to_string();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    let build = |args: &[&str]| {
        let mut cmd = loa_command();
        cmd.args([
            "build",
            "--root",
            &root,
            "--output",
            out.to_str().unwrap(),
            "--now",
            "2026-06-10",
        ])
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
        cmd
    };
    let started = std::time::Instant::now();
    assert!(build(&[]).status().unwrap().success());
    let took = started.elapsed();
    let before = tree(&out);
    assert!(before.len() > 3000, "{} files", before.len());

    // The next build would change every page.
    let config = site.path().join("content/site.yaml");
    let yaml = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        yaml.replace("Điểm đăng ký huyện Mẫu", "Điểm đăng ký mới"),
    )
    .unwrap();
    // What the next build writes, built elsewhere (builds are byte-identical).
    let elsewhere = tempfile::tempdir().unwrap();
    let expected_out = elsewhere.path().join("public");
    let o = loa_command()
        .args([
            "build",
            "--root",
            &root,
            "--output",
            expected_out.to_str().unwrap(),
        ])
        .args(["--now", "2026-06-10"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let after = tree(&expected_out);
    for tenth in [1, 3, 5, 7, 9] {
        let mut child = build(&[]).spawn().unwrap();
        std::thread::sleep(took * tenth / 10);
        let _ = child.kill(); // SIGKILL
        let finished = child.wait().unwrap().success();
        let now = tree(&out);
        // Killed before the swap: the previous output; after it (while the
        // old files are being deleted): the new one, complete.
        assert!(
            now == before || now == after,
            "a build killed at {tenth}/10 left a mixed output"
        );
        let beside: Vec<String> = std::fs::read_dir(parent.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "public")
            .collect();
        assert!(
            beside.iter().all(|n| n.starts_with(".loa-tmp-public-")),
            "{beside:?}"
        );
        if finished {
            break;
        }
    }
    // A build that completes clears what killed ones left.
    assert!(build(&[]).status().unwrap().success());
    assert!(read(&out, "index.html").contains("Điểm đăng ký mới"));
    let left: Vec<_> = std::fs::read_dir(parent.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the output remains");
}

/// Links to sections are checked against the ids of the page they point
/// to, its headings and those its template writes; images must have a
/// text alternative. `check` finds what `build` finds.
#[test]
fn section_links_and_image_texts_are_checked() {
    let site = copy_fixture("basic");
    std::fs::write(
        site.path().join("content/guides/lien-ket.md"),
        "---\ntitle: Liên kết\ndescription: Thử.\n---\n## Mục một\n\n[đúng](kich-hoat.md#buoc-1) [sai](kich-hoat.md#buoc-9)\n\n[cùng trang](#muc-mot) [không có](#muc-hai)\n\n![](anh.png)\n\n<img src=\"anh.png\">\n\n![Ảnh mã QR](anh.png)\n\n[mục của trang chủ](../_index.md#s-1)\n",
    )
    .unwrap();
    std::fs::write(site.path().join("content/guides/anh.png"), b"\x89PNG").unwrap();
    let o = loa(&["check", "--root", site.path().to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let out = tempfile::tempdir().unwrap();
    let built = build_into(site.path(), &out.path().join("public"));
    assert_eq!(built.status.code(), Some(1));
    // The same diagnostics; only the last line, the summary, differs.
    let diagnostics = |text: &str| {
        text.lines()
            .take(text.lines().count() - 1)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(diagnostics(&stderr(&built)), diagnostics(&err));
    let errors: Vec<&str> = err.lines().filter(|l| l.contains("error[E0404]")).collect();
    assert_eq!(errors.len(), 2, "{err}");
    assert!(
        err.contains("lien-ket.md:7:") && err.contains("`#buoc-9`"),
        "{err}"
    );
    assert!(err.contains("did you mean `#buoc-1`?"), "{err}");
    assert!(
        err.contains("lien-ket.md:9:") && err.contains("`#muc-hai`"),
        "{err}"
    );
    assert!(err.contains("lien-ket.md:11:1: warning[W0405]"), "{err}");
    assert!(err.contains("lien-ket.md:13:1: warning[W0405]"), "{err}");
    assert!(!err.contains("lien-ket.md:15:"), "{err}");
}

/// Every page says what it is; files stay small for phones.
#[test]
fn descriptions_and_file_sizes_are_checked() {
    let site = copy_fixture("basic");
    let content = site.path().join("content");
    let config = content.join("site.yaml");
    let mut yaml = std::fs::read_to_string(&config).unwrap();
    yaml.push_str("max_image_kb: 2\nmax_file_kb: 4\n");
    std::fs::write(&config, yaml).unwrap();
    std::fs::write(
        content.join("guides/khong-ten.md"),
        "---\ntitle: Chỉ có tên\n---\nNội dung.\n",
    )
    .unwrap();
    std::fs::write(content.join("guides/anh-lon.jpg"), vec![0u8; 3 * 1024]).unwrap();
    std::fs::write(content.join("guides/anh-nho.jpg"), vec![0u8; 1024]).unwrap();
    std::fs::write(content.join("guides/tai-lieu.pdf"), vec![0u8; 5 * 1024]).unwrap();
    let o = loa(&["check", "--root", site.path().to_str().unwrap()], &[]);
    assert!(o.status.success(), "warnings only: {}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("content/guides/khong-ten.md:1:1: warning[W0114]"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/guides/anh-lon.jpg:1:1: warning[W0115]: this image is 3 KB, above 2 KB"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "content/guides/tai-lieu.pdf:1:1: warning[W0115]: this file is 5 KB, above 4 KB"
        ),
        "{err}"
    );
    assert!(!err.contains("anh-nho.jpg"), "{err}");
}

/// `site.yaml` with its `base_url` or `theme` set to `value`.
fn site_with(key: &str, value: &str) -> tempfile::TempDir {
    let site = copy_fixture("basic");
    let path = site.path().join("content/site.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let yaml: Vec<String> = yaml
        .lines()
        .map(|l| match l.starts_with(&format!("{key}:")) {
            true => format!("{key}: \"{value}\""),
            false => l.to_string(),
        })
        .collect();
    std::fs::write(&path, yaml.join("\n")).unwrap();
    site
}

#[test]
fn credentials_in_base_url_are_never_published() {
    let site = site_with(
        "base_url",
        "https://editor:s3cret@portal.example.gov.vn/vneid/",
    );
    let out = site.path().join("public");
    let o = build_into(site.path(), &out);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with(
            "content/site.yaml:3:11: error[E0208]: `base_url: \
             https://***@portal.example.gov.vn/vneid/` holds a user name or password, \
             which would be published in every page\n"
        ),
        "{err}"
    );
    assert!(!err.contains("s3cret"), "{err}");
    assert!(!out.exists());

    let root = fixture("basic");
    let o = loa(
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--base-url",
            "https://x@portal.example.gov.vn/",
        ],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with(
            "--base-url:1:1: lỗi[E0208]: `base_url: https://***@portal.example.gov.vn/` \
             có tên đăng nhập hoặc mật khẩu, sẽ bị công bố trên mọi trang\n"
        ),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn a_theme_is_never_read_from_outside_the_site() {
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(elsewhere.path().join("evil/templates")).unwrap();
    let absolute = elsewhere.path().join("evil");
    for theme in [absolute.to_str().unwrap(), "../../evil", "..", "a/b"] {
        let site = site_with("theme", theme);
        std::fs::create_dir_all(site.path().join("themes/a/b")).unwrap();
        let err = fails("check", site.path());
        assert!(
            err.starts_with(&format!(
                "content/site.yaml:15:8: error[E0209]: `theme: {theme}` is not the name of \
                 a folder of `themes/`; a theme must be inside the site\n"
            )),
            "{err}"
        );
        assert_eq!(err.matches("error[").count(), 1, "{err}");
    }
}

#[test]
fn an_alias_never_replaces_a_page_or_a_file() {
    let site = copy_fixture("basic");
    let page = site.path().join("content/guides/bao-ve-otp.md");
    std::fs::write(
        &page,
        "---\ntitle: \"Bảo vệ mã OTP\"\ndescription: \"Không đưa mã OTP cho ai.\"\n\
         aliases:\n  - /index.html\n  - /en//./index.html\n  - /guides/kich-hoat/index.html\n  \
         - /sitemap.xml\n  - /js/search.js\n  - /robots.txt\n  - /otp-cu/\n  - /otp-cu/index.html\n  \
         - /huong-dan\\cu/\n  - /search/t/otp.json\n  - /./tin//otp/index.html\n---\nKhông đưa mã OTP.\n",
    )
    .unwrap();
    let at = |line: usize, alias: &str, other: &str| match other {
        "loa" => format!(
            "content/guides/bao-ve-otp.md:{line}:5: error[E0321]: the alias \
             `/vneid{alias}` is the address of a file loa writes; the redirect would replace it"
        ),
        other => format!(
            "content/guides/bao-ve-otp.md:{line}:5: error[E0321]: the alias \
             `/vneid{alias}` is also the address of {other}; the redirect would replace it"
        ),
    };
    let expected = [
        at(5, "/index.html", "content/_index.md"),
        at(6, "/en//./index.html", "content/_index.en.md"),
        at(
            7,
            "/guides/kich-hoat/index.html",
            "content/guides/kich-hoat.md",
        ),
        at(8, "/sitemap.xml", "loa"),
        at(9, "/js/search.js", "loa"),
        at(10, "/robots.txt", "loa"),
        at(12, "/otp-cu/index.html", "content/guides/bao-ve-otp.md"),
        "content/guides/bao-ve-otp.md:13:5: error[E0320]: the alias `/huong-dan\\cu/` has a \
         backslash `\\`, which a Windows portal reads as a folder"
            .to_string(),
        at(14, "/search/t/otp.json", "loa"),
        "9 errors.".to_string(),
    ];
    let err = fails("check", site.path());
    let lines: Vec<&str> = err.lines().filter(|l| !l.starts_with("  = fix")).collect();
    assert_eq!(lines, expected, "{err}");
    let root = site.path().to_str().unwrap();
    let vi = stderr(&loa(&["check", "--root", root], &[("LANG", "vi_VN.UTF-8")]));
    for line in [
        "content/guides/bao-ve-otp.md:8:5: lỗi[E0321]: địa chỉ cũ `/vneid/sitemap.xml` là địa \
         chỉ của một tệp loa tạo ra; trang chuyển hướng sẽ thay mất nó",
        "content/guides/bao-ve-otp.md:12:5: lỗi[E0321]: địa chỉ cũ `/vneid/otp-cu/index.html` \
         cũng là địa chỉ của content/guides/bao-ve-otp.md; trang chuyển hướng sẽ thay mất nó",
        "content/guides/bao-ve-otp.md:13:5: lỗi[E0320]: địa chỉ cũ `/huong-dan\\cu/` có dấu \
         `\\`, máy chủ Windows hiểu là thư mục",
    ] {
        assert!(vi.lines().any(|l| l == line), "missing {line} in\n{vi}");
    }

    // The aliases left are written where a web server looks for them.
    let keep = "---\ntitle: OTP\ndescription: OTP.\naliases:\n  - /otp-cu/\n  - /./tin//otp/index.html\n---\nx\n";
    std::fs::write(&page, keep).unwrap();
    let out = site.path().join("public");
    let o = build_into(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(&out, "tin/otp/index.html").contains("url=/vneid/guides/bao-ve-otp/"));
    assert!(read(&out, "otp-cu/index.html").contains("url=/vneid/guides/bao-ve-otp/"));
}
