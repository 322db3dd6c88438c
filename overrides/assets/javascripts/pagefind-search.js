// Site search: Material's search box, answered by Pagefind.
//
// The index (pagefind/ at the site root, with more shards on a large site) is
// written after the MkDocs build by newsbrief.search. Nothing loads until the
// reader focuses the box; Pagefind then fetches only the index chunks a query
// needs, so the first answer does not grow with the archive. Results are built as DOM text, never as HTML
// from the index: titles and excerpts come from seed text.
(() => {
  "use strict";
  const box = document.querySelector("[data-newsbrief-search]");
  if (!box) return;
  const MAX_RESULTS = 10;
  const DEBOUNCE_MS = 80;
  const toggle = document.getElementById("__search");
  const form = box.querySelector("form");
  const input = box.querySelector("input[name=query]");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const root = new URL(box.dataset.root, document.baseURI);
  let pagefind = null;
  let ticket = 0;
  let timer = 0;

  function load() {
    if (!pagefind) {
      // A large site's index comes in shards (pagefind/, pagefind-1/...), listed in
      // pagefind-shards.json: the first is loaded, Pagefind merges the others' answers.
      pagefind = fetch(new URL("pagefind-shards.json", root).href)
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null)
        .then(async (listed) => {
          const bundles = Array.isArray(listed) && listed.length ? listed : ["pagefind/"];
          const options = { baseUrl: root.pathname, excerptLength: 24 };
          const pf = await import(new URL(`${bundles[0]}pagefind.js`, root).href);
          await pf.options(options);
          await pf.init();
          await Promise.allSettled(bundles.slice(1).map(
            (name) => pf.mergeIndex(new URL(name, root).href, options)));
          return pf;
        });
      pagefind.catch(() => { pagefind = null; });
    }
    return pagefind;
  }

  function open(state) {
    if (toggle && toggle.checked !== state) toggle.checked = state;
  }

  function count(n) {
    if (n === 0) return box.dataset.none;
    if (n === 1) return box.dataset.one;
    return box.dataset.other.replace("#", n.toLocaleString());
  }

  // Pagefind's excerpt is text with "<" and ">" escaped and <mark> around
  // the matched words: rebuild it as text nodes and <mark> elements.
  function excerpt(html) {
    const p = document.createElement("p");
    html.split(/(<mark>|<\/mark>)/).reduce((marked, part) => {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      const text = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
      if (marked) {
        const mark = document.createElement("mark");
        mark.append(text);
        p.append(mark);
      } else {
        p.append(text);
      }
      return marked;
    }, false);
    return p;
  }

  function item(result) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = result.url;
    a.tabIndex = -1;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    // An h2, not Material's h1: the page behind the results keeps its one h1.
    const title = document.createElement("h2");
    title.textContent = (result.meta && result.meta.title) || result.url;
    article.append(title, excerpt(result.excerpt || ""));
    a.append(article);
    li.append(a);
    return li;
  }

  function show(message, results) {
    meta.textContent = message;
    list.replaceChildren(...results.map(item));
  }

  async function search() {
    const query = input.value.trim();
    const mine = ++ticket;
    if (!query) {
      show(box.dataset.placeholder, []);
      return;
    }
    try {
      const pf = await load();
      const found = await pf.search(query);
      if (mine !== ticket) return;
      // The top result shows as soon as it arrives; the others follow it.
      const pending = found.results.slice(0, MAX_RESULTS).map((r) => r.data());
      const top = pending.length ? [await pending[0]] : [];
      if (mine !== ticket) return;
      show(count(found.results.length), top);
      const rest = await Promise.all(pending.slice(1));
      if (mine === ticket) list.append(...rest.map(item));
    } catch (error) {
      if (mine !== ticket) return;
      const served = location.protocol === "http:" || location.protocol === "https:";
      show(served ? "Search is unavailable: this copy of the site has no search index."
                  : "Search works when the site is served over HTTP, not opened as files.", []);
    }
  }

  // Start fetching Pagefind as soon as the reader heads for the box, so it is
  // ready by the time the first word is typed.
  box.addEventListener("pointerenter", load, { once: true });
  box.addEventListener("touchstart", load, { once: true, passive: true });
  input.addEventListener("focus", () => { open(true); load(); });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => { search(); input.focus(); });
  });
  if (toggle) {
    toggle.addEventListener("change", () => {
      if (toggle.checked) input.focus();
      else input.blur();
    });
  }
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      open(false);
      input.blur();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const links = [input, ...list.querySelectorAll("a")];
      const at = links.indexOf(document.activeElement);
      const step = event.key === "ArrowDown" ? 1 : -1;
      links[(Math.max(at, 0) + step + links.length) % links.length].focus();
      event.preventDefault();
    }
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open(true);
      input.focus();
      input.select();
    }
  });
})();
