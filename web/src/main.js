// Entry point: picks the view from the path. The server answers /, /articles, /outlets,
// /articles/{id} and /incidents/{id} with the same page.
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "./style.css";
import { renderArticle } from "./article.js";
import { renderDashboard } from "./dashboard.js";
import { clear, h } from "./dom.js";
import { renderIncident } from "./incident.js";
import { renderArticles, renderOutlets } from "./lists.js";

function setTwin(url) {
  const el = document.getElementById("twin");
  clear(el).append(h("a", { href: url, class: "twin-link", title: "The same data from the API" }, "{ } JSON"));
}

function route() {
  const root = document.getElementById("app");
  delete root.dataset.ready;
  const path = window.location.pathname;
  let m;
  if (/^\/articles\/?$/.test(path)) return renderArticles(root, setTwin);
  if (/^\/outlets\/?$/.test(path)) return renderOutlets(root, setTwin);
  if ((m = path.match(/^\/articles\/([^/]+)\/?$/))) return renderArticle(root, decodeURIComponent(m[1]), setTwin);
  if ((m = path.match(/^\/incidents\/([^/]+)\/?$/))) return renderIncident(root, decodeURIComponent(m[1]), setTwin);
  return renderDashboard(root, setTwin);
}

window.addEventListener("popstate", route);
route();
