#!/usr/bin/env python3
"""Writes the same synthetic campaign site twice, for loa (LOA_DIR) and for
Hugo (HUGO_DIR): about N pages in Vietnamese, English and Khmer (N/3 sources,
each in the three languages), in the shape a province portal has: campaigns
with their plan documents (the example site's plans), guides and outreach
material in a folder per commune, slogans. Deterministic.

With POINTS and VISITS, the loa site also gets enrollment points and
mobile-team visits (see gen_site.py); Hugo has no equivalent of these.

With --rich, each guide and outreach page is the richer Markdown staff
write (2-4 KB: `##`/`###` headings, lists, a GFM table, bold, inline code,
5-10 links to other pages and one external link, 2-5 tags under `extra:`)
instead of one short body repeated.

Usage: gen_corpus.py [--rich] LOA_DIR HUGO_DIR N [POINTS VISITS]"""
import os
import shutil
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
example = os.path.join(here, "..", "content")
args = sys.argv[1:]
rich = "--rich" in args
args = [a for a in args if a != "--rich"]
loa_dir, hugo_dir, n = args[0], args[1], int(args[2])
points = args[3:5]
LANGS = ["vi", "en", "km"]
PER_FOLDER = 50

BODY = {
    "vi": """Trang này hướng dẫn người dân {place} thực hiện bước {k} của thủ tục.

## Ai được làm

- Công dân Việt Nam từ đủ 14 tuổi trở lên tự làm thủ tục cho mình.
- Trẻ em dưới 14 tuổi: cha, mẹ hoặc người đại diện hợp pháp làm thủ tục cho trẻ.

## Cần mang theo

- Thẻ căn cước còn hạn sử dụng.
- Điện thoại có số thuê bao chính chủ, đang hoạt động và nhận được tin nhắn.

## Các bước

1. Đến Công an {place} hoặc điểm thu nhận lưu động trong giờ hành chính.
2. Xuất trình thẻ căn cước và nói rõ bạn muốn đăng ký tài khoản định danh điện tử mức 2.
3. Cán bộ kiểm tra thông tin, chụp ảnh chân dung và thu nhận vân tay.
4. Chờ tin nhắn thông báo kết quả, rồi kích hoạt trên ứng dụng **VNeID**.

Xem thêm [hướng dẫn liên quan]({link}). Mọi thắc mắc xin liên hệ Công an {place}, số điện thoại 0292 3820 {k:03d}.
""",
    "en": """This page helps the people of {place} with step {k} of the procedure.

## Who can apply

- Vietnamese citizens aged 14 and over apply for themselves.
- Children under 14: a parent or legal representative applies for them.

## What to bring

- A valid ID card.
- A phone with a SIM registered in your name that can receive text messages.

## Steps

1. Go to the police of {place} or a mobile team during office hours.
2. Show your ID card and say you want a level-2 electronic identity account.
3. The officer checks your details, takes your photo and your fingerprints.
4. Wait for the text message with the result, then activate it in the **VNeID** app.

See also [the related guide]({link}). For questions, call the police of {place} on 0292 3820 {k:03d}.
""",
    "km": """ទំព័រនេះជួយប្រជាជន {place} ក្នុងជំហានទី {k} នៃនីតិវិធី។

## អ្នកណាអាចចុះឈ្មោះបាន

- ពលរដ្ឋវៀតណាមដែលមានអាយុគ្រប់ 14 ឆ្នាំឡើងទៅ ធ្វើនីតិវិធីដោយខ្លួនឯង។
- កុមារអាយុក្រោម 14 ឆ្នាំ៖ ឪពុក ម្ដាយ ឬអ្នកតំណាងស្របច្បាប់ ធ្វើនីតិវិធីជំនួសកុមារ។

## ត្រូវយកទៅជាមួយ

- អត្តសញ្ញាណប័ណ្ណដែលមិនទាន់ផុតសុពលភាព។
- ទូរស័ព្ទដែលមានលេខចុះឈ្មោះក្នុងនាមអ្នកផ្ទាល់។

## ជំហាន

1. ទៅកាន់នគរបាល {place} ឬកន្លែងទទួលពាក្យចល័ត។
2. បង្ហាញអត្តសញ្ញាណប័ណ្ណ ហើយប្រាប់ថាអ្នកចង់ចុះឈ្មោះគណនីកម្រិត 2។
3. មន្ត្រីនគរបាលពិនិត្យព័ត៌មាន ថតរូបមុខ និងផ្ដិតស្នាមម្រាមដៃ។
4. រង់ចាំសារជូនដំណឹង រួចបើកដំណើរការនៅក្នុងកម្មវិធី **VNeID**។

សូមមើល [ការណែនាំពាក់ព័ន្ធ]({link})។ ទូរស័ព្ទ 0292 3820 {k:03d}។
""",
}
TITLE = {
    "vi": "Hướng dẫn bước {k} cho người dân {place}",
    "en": "Step {k} guide for the people of {place}",
    "km": "ការណែនាំជំហានទី {k} សម្រាប់ប្រជាជន {place}",
}
OUTREACH = {
    "vi": "Bài phát thanh số {k} – {place}",
    "en": "Loudspeaker script {k} – {place}",
    "km": "អត្ថបទអានតាមបំពងសំឡេងលេខ {k} – {place}",
}
DESCRIPTION = {
    "vi": "Các bước đăng ký và kích hoạt tài khoản định danh điện tử mức 2 tại {place}.",
    "en": "How to register and activate a level-2 electronic identity account in {place}.",
    "km": "របៀបចុះឈ្មោះ និងបើកដំណើរការគណនីកម្រិត 2 នៅ {place}។",
}
SECTION = {
    "guides": {"vi": "Hướng dẫn", "en": "Guides", "km": "ការណែនាំ"},
    "outreach": {"vi": "Tài liệu tuyên truyền", "en": "Outreach material", "km": "សម្ភារៈផ្សព្វផ្សាយ"},
    "campaigns": {"vi": "Chiến dịch", "en": "Campaigns", "km": "យុទ្ធនាការ"},
}


def suffix(lang):
    return "" if lang == "vi" else f".{lang}"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def front(**fields):
    lines = ["---"] + [f'{k}: "{v}"' if isinstance(v, str) else f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines + ["---", ""])


def pages():
    """(path without .md, kind, k, place) for every source page."""
    sources = max(n // len(LANGS), 10)
    plans = sorted(d for d in os.listdir(os.path.join(example, "campaigns"))
                   if os.path.isdir(os.path.join(example, "campaigns", d)))
    campaigns = max(len(plans), sources // 50)
    out = []
    for c in range(campaigns):
        out.append((f"campaigns/chien-dich-{c:04d}/index", "campaign", c, plans[c % len(plans)]))
    rest = sources - campaigns - 2
    for k in range(rest):
        section = "guides" if k % 2 == 0 else "outreach"
        folder = f"xa-{k // (2 * PER_FOLDER):04d}"
        name = "huong-dan" if section == "guides" else "loa"
        out.append((f"{section}/{folder}/{name}-{k:05d}", section, k, f"xã {k // (2 * PER_FOLDER)}"))
    return out


def address(page):
    return "/" + page[0].removesuffix("/index").removesuffix("index") + "/"


def body(lang, k, place, all_pages):
    # A link to another page of the same kind, by its address.
    link = address(all_pages[(k * 7919) % len(all_pages)])
    text = BODY[lang].format(place=place, k=k, link=link)
    return text + rich_body(lang, k, place, all_pages) if rich else text


RICH = {
    "vi": {
        "h": ["Thời gian và địa điểm", "Giấy tờ cần chuẩn bị", "Những lỗi thường gặp", "Câu hỏi thường gặp"],
        "sub": ["Với người cao tuổi", "Với học sinh", "Với người khuyết tật"],
        "item": "Mang theo **{what}** và kiểm tra `{code}` trước khi đến",
        "what": ["thẻ căn cước", "giấy khai sinh của trẻ", "sổ hộ khẩu cũ", "điện thoại đã sạc pin"],
        "table": "| Điểm | Ngày | Giờ |\n| --- | --- | --- |\n",
        "see": "Xem thêm: [{t}]({a})",
        "ext": "Thông tin chính thức tại [Cổng dịch vụ công quốc gia](https://dichvucong.gov.vn/).",
        "tags": ["vneid", "muc-2", "tre-em", "bhyt", "gplx", "nguoi-cao-tuoi"],
    },
    "en": {
        "h": ["When and where", "Papers to prepare", "Common mistakes", "Questions people ask"],
        "sub": ["For older people", "For pupils", "For people with disabilities"],
        "item": "Bring **{what}** and check `{code}` before you come",
        "what": ["your ID card", "the child's birth certificate", "the old household book", "a charged phone"],
        "table": "| Point | Date | Time |\n| --- | --- | --- |\n",
        "see": "See also: [{t}]({a})",
        "ext": "Official information on the [National Public Service Portal](https://dichvucong.gov.vn/).",
        "tags": ["vneid", "level-2", "children", "health-insurance", "driving-licence", "older-people"],
    },
    "km": {
        "h": ["ពេលវេលា និងទីកន្លែង", "ឯកសារត្រូវរៀបចំ", "កំហុសដែលជួបញឹកញាប់", "សំណួរញឹកញាប់"],
        "sub": ["សម្រាប់មនុស្សចាស់", "សម្រាប់សិស្ស", "សម្រាប់ជនពិការ"],
        "item": "យក **{what}** ហើយពិនិត្យ `{code}` មុនពេលមក",
        "what": ["អត្តសញ្ញាណប័ណ្ណ", "សំបុត្រកំណើតរបស់កុមារ", "សៀវភៅគ្រួសារចាស់", "ទូរស័ព្ទដែលបានសាកថ្ម"],
        "table": "| កន្លែង | ថ្ងៃ | ម៉ោង |\n| --- | --- | --- |\n",
        "see": "សូមមើលផងដែរ៖ [{t}]({a})",
        "ext": "ព័ត៌មានផ្លូវការនៅ [ច្រកសេវាសាធារណៈជាតិ](https://dichvucong.gov.vn/)។",
        "tags": ["vneid", "kamrit-2", "koma", "thanea-reabrong", "bann-bok", "menus-chas"],
    },
}


def rich_body(lang, k, place, all_pages):
    """About 2-3 KB more of the Markdown staff write; the same for the same k."""
    r = RICH[lang]
    out = []
    for h in range(3):
        out.append(f"\n## {r['h'][(k + h) % len(r['h'])]}\n")
        for i in range(3 + (k + h) % 3):
            what = r["what"][(k + h + i) % len(r["what"])]
            out.append("- " + r["item"].format(what=what, code=f"VNeID-{(k * 31 + i) % 1000:03d}"))
        out.append(f"\n### {r['sub'][(k + h) % len(r['sub'])]}\n")
        out.append(f"{place}: {r['item'].format(what=r['what'][h], code=f'MS-{k % 97:02d}')}.\n")
    out.append("\n" + r["table"].rstrip("\n"))
    for row in range(4):
        out.append(f"| {place} – {row + 1} | {1 + (k + row) % 28:02d}/{1 + k % 12:02d}/2026 | 07:30–11:30 |")
    links = 5 + k % 6
    out.append("")
    for j in range(links):
        page = all_pages[(k * 7919 + j * 104729) % len(all_pages)]
        out.append("- " + r["see"].format(t=f"{place} {j + 1}", a=address(page)))
    out.append("\n" + r["ext"] + "\n")
    return "\n".join(out)


def tags(lang, k):
    r = RICH[lang]["tags"]
    return "[" + ", ".join(r[(k + i) % len(r)] for i in range(2 + k % 4)) + "]"


def generate(root, hugo):
    if os.path.exists(root):
        shutil.rmtree(root)
    content = os.path.join(root, "content")
    all_pages = pages()
    for path, kind, k, place in all_pages:
        for lang in LANGS:
            if kind == "campaign":
                title = f"{SECTION['campaigns'][lang]} {k}: {place}"
                text = front(title=title, description=DESCRIPTION[lang].format(place=place),
                             date=f"2026-{1 + k % 12:02d}-{1 + k % 28:02d}")
                text += DESCRIPTION[lang].format(place=place) + "\n"
            else:
                titles = TITLE if kind == "guides" else OUTREACH
                text = front(title=titles[lang].format(k=k, place=place),
                             description=DESCRIPTION[lang].format(place=place),
                             date=f"2026-{1 + k % 12:02d}-{1 + k % 28:02d}", weight=k)
                if rich:
                    text = text.removesuffix("---\n") + f"extra:\n  tags: {tags(lang, k)}\n---\n"
                text += body(lang, k, place, all_pages)
            write(os.path.join(content, f"{path}{suffix(lang)}.md"), text)
        if kind == "campaign":
            shutil.copy(os.path.join(example, "campaigns", place, "plan.txt"),
                        os.path.join(content, os.path.dirname(path), "plan.txt"))
    # Section pages: the three top sections and every commune folder.
    folders = {os.path.dirname(p) for p, kind, _, _ in all_pages if kind != "campaign"}
    for section in SECTION:
        for lang in LANGS:
            write(os.path.join(content, section, f"_index{suffix(lang)}.md"),
                  front(title=SECTION[section][lang], description=DESCRIPTION[lang].format(place="Cần Thơ")))
    for folder in sorted(folders):
        for lang in LANGS:
            write(os.path.join(content, folder, f"_index{suffix(lang)}.md"),
                  front(title=f"{SECTION[folder.split('/')[0]][lang]} – {folder}",
                        description=DESCRIPTION[lang].format(place=folder)))
    for lang in LANGS:
        write(os.path.join(content, f"_index{suffix(lang)}.md"),
              front(title="VNeID", description=DESCRIPTION[lang].format(place="Cần Thơ")) + DESCRIPTION[lang].format(place="Cần Thơ") + "\n")
    if hugo:
        write_hugo(root)
    else:
        for f in ["site.yaml", "slogans.yaml"]:
            shutil.copy(os.path.join(example, f), os.path.join(content, f))
        # The slogans name the example's campaigns: point them at the first one.
        with open(os.path.join(content, "slogans.yaml"), encoding="utf-8") as f:
            slogans = f.read()
        slogans = "\n".join(
            "  campaign: chien-dich-0000" if l.startswith("  campaign:") else l for l in slogans.splitlines())
        write(os.path.join(content, "slogans.yaml"), slogans + "\n")


HUGO_CONFIG = """baseURL: https://vneid.cantho.gov.vn/
title: Cổng thông tin chiến dịch VNeID
defaultContentLanguage: vi
disableKinds: [taxonomy, term]
outputs:
  home: [html, rss]
  section: [html]
  page: [html]
languages:
  vi: {languageName: "Tiếng Việt", weight: 1}
  en: {languageName: "English", weight: 2, title: "VNeID campaign portal"}
  km: {languageName: "ខ្មែរ", weight: 3, title: "ច្រកព័ត៌មានយុទ្ធនាការ VNeID"}
markup:
  tableOfContents: {startLevel: 2, endLevel: 3}
"""
# Templates doing the work loa's default theme does: the head with canonical,
# Open Graph and hreflang links, the menu, the language switcher,
# breadcrumbs, a table of contents, section lists with descriptions and
# dates, a campaign's plan document rendered on its page.
HUGO_LAYOUTS = {
    "baseof.html": """<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}<link rel="stylesheet" href="{{ "css/loa.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#main">Skip</a>
<header><a class="brand" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav><ul>{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.Label }}</a></li>{{ end }}</ul></nav>
<nav><ul>{{ range site.Home.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
</header>
<main id="main">
<nav class="breadcrumbs"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol></nav>
{{ block "main" . }}{{ end }}
</main>
<footer><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></footer>
</body>
</html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
{{ with .Date }}<p><time datetime="{{ .Format "2006-01-02" }}">{{ .Format "02/01/2006" }}</time></p>{{ end }}
{{ .TableOfContents }}
<div class="content">{{ .Content }}</div>
{{ with .Resources.GetMatch "plan.txt" }}<section class="plan">{{ .Content | markdownify }}</section>{{ end }}
</article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="card-list">{{ range .Pages }}<li class="card"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
{{ with .Description }}<p>{{ . }}</p>{{ end }}{{ with .Date }}<p class="meta">{{ .Format "02/01/2006" }}</p>{{ end }}</li>{{ end }}</ul>{{ end }}
""",
}


def write_hugo(root):
    write(os.path.join(root, "hugo.yaml"), HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(root, "layouts", name), text)
    css = os.path.join(here, "..", "themes", "default", "static", "css", "loa.css")
    os.makedirs(os.path.join(root, "static", "css"), exist_ok=True)
    shutil.copy(css, os.path.join(root, "static", "css", "loa.css"))


generate(loa_dir, hugo=False)
generate(hugo_dir, hugo=True)
if points:
    # Points and visits beside the pages, written by gen_site.py's code.
    tmp = loa_dir + ".points"
    subprocess.run([sys.executable, os.path.join(here, "gen_site.py"), tmp, *points], check=True)
    shutil.copytree(os.path.join(tmp, "content", "points"), os.path.join(loa_dir, "content", "points"))
    shutil.rmtree(tmp)
