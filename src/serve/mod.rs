//! `loa serve`: a live preview for staff. The site is built into memory and
//! served on loopback with its base URL pointed at the local address (its
//! sub-path kept, as on the portal). A saved change under `content/` or
//! `themes/` rebuilds what it affects; open pages reload; content errors
//! show over the page and in the terminal until fixed. Bad content, deleted
//! files and renamed folders never stop the server.

mod guard;
mod http;
mod incremental;
mod rendering;
mod saves;

use std::collections::{BTreeSet, HashMap};
use std::net::{IpAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex, MutexGuard, RwLock};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::build::{self, Options, Prepared};
use crate::diagnostic::{Diagnostics, Severity};
use crate::locale::UiLang;
use crate::messages::UiText;
use crate::read::cache::ReadCache;
use crate::render::text_cache::TextCache;
use crate::render::Pages;
use crate::write::Memory;
use rendering::Rendering;
use saves::Save;

pub struct ServeOptions {
    /// What to build; its `base_url` is set to the local address.
    pub build: Options,
    pub bind: IpAddr,
    pub port: u16,
    pub lang: UiLang,
}

/// What the HTTP side reads; replaced as a whole or file by file.
pub struct State {
    files: RwLock<HashMap<String, Vec<u8>>>,
    /// The diagnostics of the last build, as `loa check --format json` gives them.
    problems: RwLock<Vec<serde_json::Value>>,
    /// `/vneid/`: where the site is, as on the portal.
    base_path: String,
    clients: Mutex<Vec<mpsc::Sender<u64>>>,
    generation: AtomicU64,
    /// Where the preview listens: requests for other hosts are refused.
    bind: IpAddr,
    port: u16,
    /// What a request for another host is told, in English and Vietnamese.
    wrong_host: String,
    /// A full rebuild that shows its pages before it ends, while it renders.
    rendering: Mutex<Option<Rendering>>,
    /// Told when that rebuild ends.
    rendered: Condvar,
    /// One thread for the pages made as they are asked for, so that they
    /// never queue behind the rebuild's own work.
    on_demand: Option<rayon::ThreadPool>,
}

impl State {
    fn subscribe(&self, client: mpsc::Sender<u64>) {
        if let Ok(mut c) = self.clients.lock() {
            c.push(client);
        }
    }

    /// Tells every open page to reload.
    fn reload(&self) {
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        if let Ok(mut c) = self.clients.lock() {
            c.retain(|client| client.send(generation).is_ok());
        }
    }

    fn rendering(&self) -> MutexGuard<'_, Option<Rendering>> {
        self.rendering.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The page at `key` (`guides/otp/index.html`) while a full rebuild
    /// renders: made now when a node makes it, else waited for until the
    /// rebuild ends. `None` when no rebuild renders (or it ended): the
    /// files hold the answer.
    fn page(&self, key: &str) -> Option<Vec<u8>> {
        const LONGEST: Duration = Duration::from_secs(120);
        let deadline = Instant::now() + LONGEST;
        let mut rendering = self.rendering();
        loop {
            let page = rendering.as_mut()?.page(key, self.on_demand.as_ref());
            if page.is_some() {
                return page;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            rendering = match self.rendered.wait_timeout(rendering, left) {
                Ok((r, _)) => r,
                Err(e) => e.into_inner().0,
            };
        }
    }

    /// Ends a rebuild that rendered pages early: its files, when it made
    /// them, replace the last ones before a waiting request reads them.
    fn end_rendering(&self, files: Option<HashMap<String, Vec<u8>>>) {
        let mut rendering = self.rendering();
        if let Some(files) = files {
            if let Ok(mut all) = self.files.write() {
                *all = files;
            }
        }
        *rendering = None;
        drop(rendering);
        self.rendered.notify_all();
    }

    fn set_problems(
        &self,
        diagnostics: &[crate::diagnostic::Diagnostic],
        lang: UiLang,
        root: &Path,
    ) {
        if let Ok(mut p) = self.problems.write() {
            *p = diagnostics.iter().map(|d| d.to_json(lang, root)).collect();
        }
    }
}

/// Binds `port`, or the next free one of the 20 after it when it is taken.
fn bind(addr: IpAddr, port: u16, lang: UiLang) -> std::io::Result<TcpListener> {
    let first = TcpListener::bind((addr, port));
    match first {
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && port != 0 => {
            for next in port.saturating_add(1)..=port.saturating_add(20) {
                if let Ok(l) = TcpListener::bind((addr, next)) {
                    eprintln!("{}", UiText::PortTaken { port, next }.text(lang));
                    return Ok(l);
                }
            }
            Err(e)
        }
        other => other,
    }
}

/// Runs until the process is stopped; returns only when it cannot start.
pub fn run(mut options: ServeOptions) -> Result<(), String> {
    let lang = options.lang;
    let root = options
        .build
        .root
        .canonicalize()
        .unwrap_or_else(|_| options.build.root.clone());
    options.build.root = root.clone();
    let listener = bind(options.bind, options.port, lang).map_err(|e| {
        let text = UiText::CannotListen {
            address: options.bind.to_string(),
            port: options.port,
            error: e.to_string(),
        };
        text.text(lang)
    })?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let base_path = crate::read::config::load(&root, None, &mut Diagnostics::new())
        .map(|c| c.base_url.path)
        .unwrap_or_else(|| "/".into());
    let host = match options.bind {
        IpAddr::V4(ip) if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(ip) if ip.is_unspecified() => "[::1]".to_string(),
        IpAddr::V4(ip) => ip.to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
    };
    let address = format!("http://{host}:{port}{base_path}");
    options.build.base_url = Some(address.clone());
    let wrong_host = UiText::WrongHost {
        address: address.clone(),
    };
    let state = Arc::new(State {
        files: Default::default(),
        problems: Default::default(),
        base_path,
        clients: Default::default(),
        generation: AtomicU64::new(0),
        bind: options.bind,
        port,
        wrong_host: format!(
            "{}\n{}\n",
            wrong_host.text(UiLang::En),
            wrong_host.text(UiLang::Vi)
        ),
        rendering: Mutex::new(None),
        rendered: Condvar::new(),
        on_demand: rayon::ThreadPoolBuilder::new().num_threads(1).build().ok(),
    });
    let mut session = Session {
        options,
        root: root.clone(),
        prepared: None,
        read: ReadCache::default(),
    };
    // Watch before the first build: nothing saved from now on is missed.
    let watching = session.watcher()?;
    session.full_build(&state, false);
    println!("{}", UiText::Serving { address }.text(lang));
    let server_state = Arc::clone(&state);
    std::thread::spawn(move || http::serve(listener, server_state));
    session.watch(watching, &state)
}

struct Watching {
    watcher: notify::RecommendedWatcher,
    rx: mpsc::Receiver<notify::Result<notify::Event>>,
    dirs: BTreeSet<PathBuf>,
}

struct Session {
    options: ServeOptions,
    root: PathBuf,
    /// The last good build, for the fast path; `None` after errors.
    prepared: Option<Prepared>,
    /// The pages, plans and points the last build read.
    read: ReadCache,
}

impl Session {
    /// Watches the root (not below it, to notice `content/` or `themes/`
    /// being made, removed or renamed), `content/` and `themes/`.
    fn watcher(&self) -> Result<Watching, String> {
        let (tx, rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
        })
        .map_err(|e| e.to_string())?;
        watcher
            .watch(&self.root, RecursiveMode::NonRecursive)
            .map_err(|e| e.to_string())?;
        let mut watching = Watching {
            watcher,
            rx,
            dirs: BTreeSet::new(),
        };
        self.watch_dirs(&mut watching);
        Ok(watching)
    }

    fn watch_dirs(&self, w: &mut Watching) {
        for dir in ["content", "themes"].map(|d| self.root.join(d)) {
            if dir.is_dir() && !w.dirs.contains(&dir) {
                if w.watcher.watch(&dir, RecursiveMode::Recursive).is_ok() {
                    w.dirs.insert(dir);
                }
            } else if !dir.is_dir() && w.dirs.remove(&dir) {
                let _ = w.watcher.unwatch(&dir);
            }
        }
    }

    fn watch(&mut self, mut w: Watching, state: &State) -> Result<(), String> {
        loop {
            let Ok(first) = w.rx.recv() else {
                return Ok(());
            };
            let mut save = Save::default();
            self.collect(first, &mut save);
            // Editors save in several steps: take them as one change.
            let quiet = Instant::now() + Duration::from_millis(30);
            while let Ok(event) =
                w.rx.recv_timeout(quiet.saturating_duration_since(Instant::now()))
            {
                self.collect(event, &mut save);
            }
            self.watch_dirs(&mut w);
            let changed = save.changed(Path::exists);
            if !changed.is_empty() {
                self.rebuild(&changed, state);
            }
        }
    }

    /// Adds an event's paths that can change the site to `save`.
    fn collect(&self, event: notify::Result<notify::Event>, save: &mut Save) {
        let Ok(event) = event else {
            // Events were lost: rebuild everything.
            save.add_all(self.root.join("content"));
            return;
        };
        save.add(event.kind, event.paths, |path| self.can_change_site(path));
    }

    /// Whether a path is under `content/` or `themes/` and not an editor's
    /// temporary or backup file.
    fn can_change_site(&self, path: &Path) -> bool {
        let Ok(rel) = path.strip_prefix(&self.root) else {
            return false;
        };
        let top = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy());
        if !matches!(top.as_deref(), Some("content" | "themes")) {
            return false;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let scratch = name.starts_with('.')
            || name.starts_with('#')
            || name.ends_with('~')
            || name.ends_with(".swp")
            || name.ends_with(".swx")
            || name.ends_with(".tmp")
            || name == "4913";
        !scratch
    }

    fn rebuild(&mut self, changed: &BTreeSet<PathBuf>, state: &State) {
        let started = Instant::now();
        let one_page = changed
            .iter()
            .next()
            .filter(|p| changed.len() == 1 && p.extension().is_some_and(|e| e == "md"));
        if let (Some(path), Some(prepared)) = (one_page, self.prepared.as_mut()) {
            if let Some(files) = incremental::page_edit(prepared, path) {
                let mut n = files.len();
                if n > 0 {
                    if let Ok(mut all) = state.files.write() {
                        all.extend(files);
                    }
                    // The page first; the search index, all pages' text, after.
                    state.reload();
                    let index = incremental::search_index(prepared);
                    n += index.len();
                    if let Ok(mut all) = state.files.write() {
                        all.extend(index);
                    }
                }
                let updated = UiText::Updated {
                    file: path
                        .strip_prefix(&self.root)
                        .unwrap_or(path)
                        .display()
                        .to_string(),
                    files: n,
                    ms: started.elapsed().as_millis(),
                };
                println!("{}", updated.text(self.options.lang));
                return;
            }
        }
        let early = self.shows_early(changed);
        self.full_build(state, early);
    }

    /// Whether a change can show before its build ends: pages and data
    /// (Markdown, YAML, the tables of points), not the theme, styles,
    /// scripts, images or documents pages load, which are the last build's
    /// until it ends.
    fn shows_early(&self, changed: &BTreeSet<PathBuf>) -> bool {
        let content = self.root.join("content");
        let points = content.join(crate::read::points::DIR);
        changed.iter().all(|path| {
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            path.starts_with(&points)
                || (path.starts_with(&content) && matches!(ext.as_str(), "md" | "yaml" | "yml"))
        })
    }

    /// Builds everything into memory; on errors the last good files stay
    /// served and the errors are shown over them. `early`: once the site is
    /// read without errors, open pages reload and its pages are made as
    /// they are asked for while the rest renders ([`rendering`]).
    fn full_build(&mut self, state: &State, early: bool) {
        let started = Instant::now();
        let lang = self.options.lang;
        let mut diagnostics = Diagnostics::new();
        let prepared = build::prepare_cached(
            &self.options.build,
            (Some(&self.read), None),
            &mut diagnostics,
        );
        self.read.end_build();
        let prepared = prepared.map(Arc::new);
        let mut shown = None;
        if let Some(p) = prepared
            .as_ref()
            .filter(|_| early && !diagnostics.has_errors())
        {
            *state.rendering() = Some(Rendering::new(Arc::clone(p)));
            state.set_problems(diagnostics.iter().as_slice(), lang, &self.root);
            state.reload();
            shown = Some(started.elapsed().as_millis());
        }
        let mut built = None;
        if let Some(p) = &prepared {
            // What is made as the last build made it is taken from it: the
            // pages' texts and pages kept in the user's cache folder, the
            // files from the output served.
            let texts = crate::write::cache_folder()
                .and_then(|f| TextCache::open(&f, &self.options.build.root, Pages::AsMade));
            let memory = Memory::over(&state.files);
            let report = p.render(&memory, Pages::AsMade, texts.as_ref());
            if let Some(texts) = texts {
                texts.finish();
            }
            diagnostics.extend(report.problems);
            built = Some((memory.into_files(), report.pages));
        }
        let ok = !diagnostics.has_errors();
        let diagnostics = diagnostics.into_sorted();
        for d in &diagnostics {
            eprintln!("{}", d.render(lang, &self.root));
        }
        state.set_problems(&diagnostics, lang, &self.root);
        let ms = started.elapsed().as_millis();
        match (built, ok) {
            (Some((files, pages)), true) => {
                state.end_rendering(Some(files));
                // Ending the rendering dropped its share of the build.
                self.prepared = prepared.and_then(|p| Arc::try_unwrap(p).ok());
                let done = match shown {
                    Some(shown) => UiText::RebuiltShownFirst { pages, shown, ms },
                    None => UiText::Rebuilt { pages, ms },
                };
                println!("{}", done.text(lang));
            }
            _ => {
                state.end_rendering(None);
                self.prepared = None;
                let errors = diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                eprintln!("{}", UiText::ShowingLastGoodBuild { errors }.text(lang));
            }
        }
        // Pages shown early are the build's: they reload only to show errors.
        if shown.is_none() || !ok {
            state.reload();
        }
    }
}
