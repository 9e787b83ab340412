"""Source files of every kind a user has, written by the tests (texts written for briefgen).

Each writer makes a real file of its kind: a saved news page with navigation, ads
and a related list around the article; a Word document with heading styles, a list
and a table; a PDF with a real text layer (built object by object, Helvetica, three
pages with a running header); a scanned PDF (a picture, through Pillow); a Japanese
PDF exported by LibreOffice, where it is installed.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zlib
from pathlib import Path

from processes import run_group

NEWS_HTML = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="{charset}">
<title>防衛費増額を閣議決定 | 架空新聞デジタル</title>
<meta property="og:title" content="防衛費増額を閣議決定 | 架空新聞">
<meta property="article:published_time" content="2026-03-14T09:30:00+09:00">
<link rel="canonical" href="https://news.example.jp/articles/2026/0314/defense">
<script>var ads = {{slot: "top"}}; function track() {{ return "広告スクリプト"; }}</script>
<style>.nav {{ color: red }}</style>
</head><body>
<header><nav class="nav"><ul><li><a href="/">トップ</a></li><li><a href="/politics">政治</a></li>
<li><a href="/economy">経済</a></li><li><a href="/sports">スポーツ</a></li></ul></nav></header>
<div class="ad-banner">広告：今だけ半額キャンペーン実施中！</div>
<main><article>
<h1>防衛費増額を閣議決定</h1>
<p class="byline">政治部　山田太郎</p>
<p>政府は14日の閣議で、来年度の防衛費を過去最大の9兆円とする方針を決定した。
周辺国の軍備増強を受け、抑止力の強化を急ぐ狙いがある。</p>
<p>木原防衛相は記者会見で「国民の命を守るための責任ある判断だ」と述べた。一方、野党は財源の説明が不十分だと批判している。</p>
<h2>財源をめぐる議論</h2>
<p>財源の一部は法人税の増税で賄う。与党内でも増税の時期をめぐって意見が分かれており、年末の税制改正で決着する見通しだ。</p>
<ul><li>法人税の付加税を導入する</li><li>たばこ税を<b>段階的に</b>引き上げる</li></ul>
<h2>今後の焦点</h2>
<p>政府は6月までに新たな整備計画をまとめる。専門家は、増額分が実際の装備調達に結びつくかが焦点になるとみている。</p>
<table><tr><th>年度</th><th>防衛費</th></tr><tr><td>2025年度</td><td>8.7兆円</td></tr>
<tr><td>2026年度</td><td>9.0兆円</td></tr></table>
</article></main>
<aside class="related"><h3>関連記事</h3><ul><li><a href="/a1">首相、防衛力強化を表明</a></li>
<li><a href="/a2">野党が予算案の組み替えを要求</a></li></ul></aside>
<footer><p>Copyright 架空新聞社 All rights reserved.</p>
<p>利用規約　プライバシーポリシー</p></footer>
</body></html>
"""

# What the page's boilerplate says: none of it may reach the source's text.
NEWS_BOILERPLATE = ("トップ", "スポーツ", "広告", "首相、防衛力強化", "利用規約", "Copyright")


def write_news_html(path: Path, encoding: str = "utf-8") -> Path:
    charset = {"cp932": "shift_jis"}.get(encoding, encoding)
    path.write_bytes(NEWS_HTML.format(charset=charset).encode(encoding))
    return path


DOCX_PARAGRAPHS = (
    ("Title", "北海道で新港湾計画"),
    ("Normal", "国土交通省は10日、北海道の港湾整備に関する新たな計画を公表した。"
               "砕氷船の拠点を整え、北極海航路の利用拡大に備える。"),
    ("Heading 1", "計画の概要"),
    ("Normal", "計画では2030年までに岸壁を延長し、冬季でも大型船が入港できるようにする。"),
    ("List Bullet", "岸壁の延長"),
    ("List Bullet", "防波堤の改修"),
    ("Heading 2", "地元の反応"),
    ("Normal", "地元の漁業団体は、漁場への影響を慎重に見極める必要があると指摘した。"),
)  # fmt: skip


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for style, text in DOCX_PARAGRAPHS:
        document.add_paragraph(text, style=style)
    table = document.add_table(rows=2, cols=2)
    for row, (year, cost) in enumerate((("2026年度", "120億円"), ("2027年度", "150億円"))):
        table.cell(row, 0).text, table.cell(row, 1).text = year, cost
    properties = document.core_properties
    properties.title = "北海道で新港湾計画"
    properties.created = properties.modified = dt.datetime(2026, 2, 10, 9, 0)
    document.save(str(path))
    return path


def text_pdf(pages: list[list[str]], title: str = "") -> bytes:
    """A PDF whose pages show ``pages``' lines in Helvetica: a real text layer, built
    object by object (catalog, page tree, pages, content streams, font, info)."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * n for n in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    info_id = font_id + 1
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{n} 0 R" for n in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for page_id, lines in zip(page_ids, pages, strict=True):
        shown = " T* ".join(f"({_pdf_string(line)}) Tj" for line in lines)
        stream = zlib.compress(f"BT /F1 11 Tf 72 760 Td 14 TL {shown} ET".encode("latin-1"))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {page_id + 1} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
            + stream
            + b"\nendstream"
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(f"<< /Title ({_pdf_string(title)}) >>".encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


# An English report laid out as a PDF lays it out: lines wrapped at the text width,
# a short last line ending each paragraph, a running header on every page.
PDF_PAGES = [
    [
        "Northern Ports Review - Ministry Bulletin",
        "Port Plan for the North",
        "The ministry published a new plan for the northern ports on Tuesday, setting out",
        "how icebreakers and larger cargo ships would be supported through the winter",
        "months.",
        "Officials said the plan would cost about 150 million dollars over four years.",
    ],
    [
        "Northern Ports Review - Ministry Bulletin",
        "Local Reaction",
        "Fishing cooperatives along the coast asked the ministry to study the effect of the",
        "new quays on fishing grounds before any construction starts next spring.",
    ],
    [
        "Northern Ports Review - Ministry Bulletin",
        "The ministry will hold public hearings in three coastal towns in March.",
    ],
]


def write_text_pdf(path: Path) -> Path:
    path.write_bytes(text_pdf(PDF_PAGES, title="Port Plan for the North"))
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A page that is only a picture of text, as a scanner makes it."""
    from PIL import Image, ImageDraw

    page = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(page).text((50, 50), "Scanned page: no text layer", fill="black")
    page.save(path, "PDF", resolution=72)
    return path


def write_japanese_pdf(folder: Path) -> Path | None:
    """``write_docx``'s document exported to PDF by LibreOffice (None without it)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    source = write_docx(folder / "export.docx")
    done = run_group(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        timeout=180,
        env={"HOME": str(folder), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    source.unlink()
    return folder / "export.pdf"
