#!/usr/bin/env python3
"""check-html.py FILE [TEXT...] - the structural checks of an lcm-report page.

Parses the page as XML (lcm-report writes well-formed markup), then
prints one line per fact, so that a golden file can hold them:
charts, their titles and axis labels, the data table beside each
chart, captions and headers of every table, nothing that runs or
fetches, "http" nowhere but in thread links, and each TEXT shown as
text. Python's standard library only.
"""
import sys
import xml.dom.minidom

EXTERNAL = ("script", "link", "img", "iframe", "object", "embed", "image", "use", "foreignObject")


def elements(node, name=None):
    for e in node.getElementsByTagName(name or "*"):
        yield e


def text_of(node):
    if node.nodeType == node.TEXT_NODE:
        return node.data
    return "".join(text_of(c) for c in node.childNodes)


def walk(node):
    yield node
    for c in node.childNodes:
        yield from walk(c)


def classes(e):
    return e.getAttribute("class").split()


def main():
    path, texts = sys.argv[1], sys.argv[2:]
    try:
        doc = xml.dom.minidom.parse(path)
    except Exception as ex:  # any parser error is the finding
        print("well-formed: no (%s)" % ex)
        return 1
    print("well-formed: yes")
    html = doc.documentElement
    head = html.getElementsByTagName("head")[0]
    metas = {m.getAttribute("name") or "charset": m.getAttribute("content") or m.getAttribute("charset")
             for m in elements(head, "meta")}
    print("lang: %s, charset: %s, viewport: %s" % (html.getAttribute("lang"), metas.get("charset"),
                                                  "yes" if "viewport" in metas else "no"))
    print("title: %s" % text_of(head.getElementsByTagName("title")[0]))

    svgs = list(elements(html, "svg"))
    ids = {e.getAttribute("id") for e in elements(html) if e.getAttribute("id")}
    print("charts (svg): %d" % len(svgs))
    for svg in svgs:
        labelled = svg.getAttribute("aria-labelledby").split()
        title = [t for t in svg.childNodes if t.nodeType == t.ELEMENT_NODE and t.tagName == "title"]
        desc = [t for t in svg.childNodes if t.nodeType == t.ELEMENT_NODE and t.tagName == "desc"]
        axes = [t for t in elements(svg, "text") if "axis-title" in classes(t)]
        figure = svg.parentNode
        pair = figure.parentNode
        table = [t for t in elements(pair, "table")] if "pair" in classes(pair) else []
        print("  %s: role=%s, title '%s', description %s, %d axis labels, labelled by its title: %s,"
              " data table beside it: %s" % (
                  svg.getAttribute("class"), svg.getAttribute("role"),
                  text_of(title[0]) if title else "", "yes" if desc and text_of(desc[0]) else "no",
                  len(axes), "yes" if labelled and all(i in ids for i in labelled) else "no",
                  "'%s'" % text_of(table[0].getElementsByTagName("caption")[0]) if table else "no"))

    tables = list(elements(html, "table"))
    captioned = [t for t in tables if t.getElementsByTagName("caption")]
    headed = [t for t in tables if [th for th in elements(t, "th") if th.getAttribute("scope") == "col"]]
    print("tables: %d, with a caption: %d, with column headers: %d" % (len(tables), len(captioned), len(headed)))
    print("sections: %s" % " ".join(s.getAttribute("id") for s in elements(html, "section")))

    bad = [e.tagName for e in elements(html) if e.tagName in EXTERNAL]
    handlers = [a for e in elements(html) for a in e.attributes.keys() if a.lower().startswith("on")]
    style = "".join(text_of(s) for s in elements(html, "style")) + "".join(
        e.getAttribute("style") for e in elements(html))
    print("script, external element, event handler: %d" % (len(bad) + len(handlers)))
    print("url() or @import in styles: %d" % (style.count("url(") + style.count("@import")))

    links, stray = 0, []
    for n in walk(html):
        if n.nodeType == n.TEXT_NODE and "http" in n.data:
            stray.append(n.data.strip()[:60])
        if n.nodeType == n.ELEMENT_NODE:
            for k, v in n.attributes.items():
                if "http" not in v:
                    continue
                if n.tagName == "a" and k == "href":
                    links += 1
                else:
                    stray.append("%s@%s" % (n.tagName, k))
    print("links: %d, 'http' anywhere else: %d %s" % (links, len(stray), " ".join(stray)))

    body = text_of(html.getElementsByTagName("body")[0])
    for t in texts:
        print("shown as text: %s: %s" % (t, "yes" if t in body else "no"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
