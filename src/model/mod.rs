//! The model of the site: every page in every language with its URL, the
//! sections that list them, and the index that links are resolved against.
//! It is built from what the read stage parsed, in the phases of [`build`];
//! nothing here touches the disk.

pub mod campaign;
pub mod generated;
pub mod links;
pub mod node;
pub mod order;
pub mod paths;
pub mod places;
pub mod plan_visits;
pub mod quality;
pub mod schedule;
pub mod translations;
pub mod tree;

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Diagnostics;
use crate::messages::Msg;
use crate::read::config::Config;
use crate::read::content::{Asset, Content, Page, SourceFile};
use crate::read::plan::CampaignPlan;
pub use crate::read::points::Service;
pub use crate::read::section::SectionKind;
use crate::read::slogans::Slogan;
use links::LinkIndex;
pub use node::{Alias, Node, NodeKind, NodeLang, Version};
use tree::NodeIndex;

pub struct Site {
    pub config: Config,
    pub nodes: Vec<Node>,
    pub slogans: Vec<Slogan>,
    pub assets: Vec<Asset>,
    /// The site's own stylesheet, when it has one (see [`Content::stylesheet`]).
    pub stylesheet: Option<Vec<u8>>,
    pub aliases: Vec<Alias>,
    pub links: LinkIndex,
    pub places: places::Places,
    /// Every public event, in date order: what the home page, the schedule,
    /// calendars, feeds and posters show. Nothing internal to the agencies is
    /// here (see [`schedule`]); the plan's page shows those from the plan.
    pub events: Vec<schedule::Event>,
    pub event_index: schedule::EventIndex,
    /// The build's "now": what is upcoming and what is past.
    pub now: jiff::Zoned,
    pub generated: generated::Generated,
    /// Where each node is, by key.
    pub index: NodeIndex,
}

pub const HOME: usize = 0;

/// `` for the default language, `en/` for the others.
pub fn lang_prefix(config: &Config, lang: &str) -> String {
    if lang == config.default_language {
        String::new()
    } else {
        format!("{lang}/")
    }
}

impl Site {
    /// The nodes in a stable order, each with every language to write.
    pub fn node_langs(&self) -> Vec<NodeLang> {
        let mut out = Vec::new();
        for node in 0..self.nodes.len() {
            for lang in &self.config.languages {
                out.push(NodeLang {
                    node,
                    lang: lang.code.clone(),
                });
            }
        }
        out
    }

    pub fn default_lang(&self) -> &str {
        &self.config.default_language
    }

    /// The page of the campaign in `content/campaigns/<slug>/`.
    pub fn campaign(&self, slug: &str) -> Option<usize> {
        self.index.page(&SectionKind::Campaigns.key_of(slug))
    }
}

/// Everything read from a site, for [`build`].
pub struct Input {
    pub config: Config,
    /// Pages, plan documents, assets, slogans and points.
    pub content: Content,
    /// Publish pages marked `draft: true`.
    pub drafts: bool,
    pub now: jiff::Zoned,
}

/// Builds the model from what was read. Drafts are left out unless
/// `input.drafts`; `theme_static` are the theme's files links may name.
pub fn build(input: Input, theme_static: &[String], problems: &mut Diagnostics) -> Site {
    let Input {
        config,
        content,
        drafts,
        now,
    } = input;
    let unreadable = content.unreadable;
    let placed = placed_nodes(
        content.pages,
        content.plans,
        &unreadable,
        &config,
        drafts,
        problems,
    );
    let nodes = placed.nodes;
    let aliases = paths::aliases(&nodes);
    let places = places::Places::new(content.points, &config.default_language, now.date());
    let (events, event_index) = schedule_events(&nodes, &places, &config, &now, problems);
    let slogans = content.slogans;
    let slogans_page = !slogans.is_empty() || content.slogans_unreadable;
    let generated = generated::Generated::new(
        &config,
        (&slogans, slogans_page),
        &nodes,
        &places,
        &events,
        &event_index,
    );

    let assets = content.assets;
    let stylesheet = content.stylesheet;
    let outputs = Outputs {
        aliases: &aliases,
        assets: &assets,
        theme_static,
        generated: &generated,
    };
    let known = Known {
        drafts: &placed.drafts,
        unreadable: &unreadable,
    };
    let links = checks_and_links(&nodes, &outputs, &known, &config, &now, problems);
    check_slogan_campaigns(&slogans, &placed.index, problems);

    Site {
        config,
        nodes,
        slogans,
        assets,
        stylesheet,
        aliases,
        links,
        event_index,
        places,
        events,
        now,
        generated,
        index: placed.index,
    }
}

/// The nodes of the site in their places, with their paths, in display order.
struct Tree {
    nodes: Vec<Node>,
    index: NodeIndex,
    /// The content files of the drafts left out.
    drafts: BTreeSet<String>,
}

/// Groups the pages read into nodes, places them in the tree of sections,
/// and gives each its paths and its lists their order.
fn placed_nodes(
    pages: Vec<Page>,
    plans: BTreeMap<String, CampaignPlan>,
    unreadable: &[SourceFile],
    config: &Config,
    drafts: bool,
    problems: &mut Diagnostics,
) -> Tree {
    let default = config.default_language.as_str();
    let mut groups = tree::group_versions(pages, drafts, problems);
    tree::add_plans(&mut groups, plans, config);
    tree::require_titles(&groups, problems);
    tree::keep_originals(&mut groups, default, unreadable, problems);
    let (mut nodes, index) = tree::make_nodes(groups.by_key);
    tree::link_parents(&mut nodes, &index);
    paths::assign_all(&mut nodes, config, problems);
    order::sort_lists(&mut nodes, default);
    order::journeys(&mut nodes, default, problems);
    Tree {
        nodes,
        index,
        drafts: groups.drafts,
    }
}

/// The pages left out of the site, which links may still name.
struct Known<'a> {
    /// The content files of the drafts left out.
    drafts: &'a BTreeSet<String>,
    /// The pages that could not be read (reported).
    unreadable: &'a [SourceFile],
}

/// The checks of what pages say and where they go, beside the index of
/// what links can name; the problems in that order.
fn checks_and_links(
    nodes: &[Node],
    outputs: &Outputs,
    known: &Known,
    config: &Config,
    now: &jiff::Zoned,
    problems: &mut Diagnostics,
) -> LinkIndex {
    let mut checked = Diagnostics::new();
    let ((), links) = rayon::join(
        || {
            check_pages(nodes, outputs, config, &mut checked);
            quality::updated_in_future(nodes, now, &mut checked);
        },
        || {
            LinkIndex::new(
                nodes,
                outputs.assets,
                outputs.theme_static,
                known.drafts,
                known.unreadable,
                config,
                outputs.generated,
            )
        },
    );
    problems.extend(checked);
    links
}

/// What a build writes besides the pages themselves.
struct Outputs<'a> {
    aliases: &'a [Alias],
    assets: &'a [Asset],
    /// The theme's files (`css/…`, `js/search.js`).
    theme_static: &'a [String],
    generated: &'a generated::Generated,
}

/// What citizens need from every page and file, and no two outputs at one path.
fn check_pages(nodes: &[Node], outputs: &Outputs, config: &Config, problems: &mut Diagnostics) {
    quality::summaries(nodes, problems);
    quality::file_sizes(outputs.assets, config, problems);
    paths::check_unique(
        nodes,
        outputs.aliases,
        outputs.assets,
        outputs.theme_static,
        config,
        outputs.generated,
        problems,
    );
}

/// Every public event, settled against "now", and their index.
fn schedule_events(
    nodes: &[Node],
    places: &places::Places,
    config: &Config,
    now: &jiff::Zoned,
    problems: &mut Diagnostics,
) -> (Vec<schedule::Event>, schedule::EventIndex) {
    let host = config
        .base_url
        .origin
        .split("://")
        .nth(1)
        .unwrap_or("loa")
        .to_string();
    let mut events = schedule::build(nodes, places, &config.default_language, &host, problems);
    schedule::settle(&mut events, now);
    let event_index = schedule::EventIndex::new(&events, places);
    (events, event_index)
}

/// Slogans name campaigns that exist.
fn check_slogan_campaigns(slogans: &[Slogan], index: &NodeIndex, problems: &mut Diagnostics) {
    for s in slogans {
        if let Some((slug, loc)) = &s.campaign {
            if index.page(&SectionKind::Campaigns.key_of(slug)).is_none() {
                problems.error(loc.clone(), Msg::UnknownCampaign { slug: slug.clone() });
            }
        }
    }
}
