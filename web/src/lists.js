// Lists of the stored articles (newest publication first, paged) and of the outlets.
import { getJSON } from "./api.js";
import { clear, h } from "./dom.js";

const PAGE = 50;

export async function renderArticles(root, setTwin) {
  const params = new URLSearchParams(window.location.search);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const outlet = params.get("outlet") || "";
  const api = new URLSearchParams({ limit: String(PAGE), page: String(page) });
  if (outlet) api.set("outlet", outlet);
  const url = `/api/articles?${api}`;
  setTwin(url);
  document.title = "Articles · eventwire";
  const body = await getJSON(url);
  const go = (p) => {
    const q = new URLSearchParams({ page: String(p) });
    if (outlet) q.set("outlet", outlet);
    return `/articles?${q}`;
  };
  clear(root).append(
    h("section", { class: "panel" },
      h("h1", null, outlet ? `Articles from “${outlet}”` : "Articles"),
      h("p", { class: "muted" }, `${body.count} articles, newest publication first.`, outlet ? [" ", h("a", { href: "/articles" }, "All outlets")] : null),
      h("ul", { class: "article-list" }, body.articles.map((a) => h("li", null,
        h("a", { href: `/articles/${encodeURIComponent(a.article_id)}`, class: "article-title" }, a.title || `Article ${a.article_id}`),
        h("div", { class: "muted small" }, [a.source || "source unknown", a.published || "date unknown", `${a.n_events} events`].join(" · "))))),
      h("div", { class: "pager" },
        page > 1 ? h("a", { href: go(page - 1) }, "‹ Prev") : null,
        h("span", null, `Page ${page}`),
        body.next ? h("a", { href: go(page + 1) }, "Next ›") : null)),
  );
  root.dataset.ready = "true";
}

export async function renderOutlets(root, setTwin) {
  setTwin("/api/outlets");
  document.title = "Outlets · eventwire";
  const rows = await getJSON("/api/outlets");
  clear(root).append(
    h("section", { class: "panel" },
      h("h1", null, "Outlets"),
      h("div", { class: "table-scroll" }, h("table", { class: "events outlets" },
        h("thead", null, h("tr", null, h("th", null, "Outlet"), h("th", { class: "num" }, "Articles"), h("th", { class: "num" }, "Events"))),
        h("tbody", null, rows.map((o) => h("tr", null,
          h("td", null, o.outlet ? [h("a", { href: `/articles?outlet=${encodeURIComponent(o.outlet)}` }, o.outlet), " ",
            h("a", { href: `/?outlet=${encodeURIComponent(o.outlet)}`, class: "small" }, "events")] : h("span", { class: "muted" }, "no outlet stored")),
          h("td", { class: "num" }, String(o.articles)),
          h("td", { class: "num" }, String(o.events)))))))),
  );
  root.dataset.ready = "true";
}
