/* SPDX-License-Identifier: MIT */
/*
 * pvsentry dashboard: a small single-page app over /api/v1, no build
 * step, no external requests. Every text from the server goes into the
 * page through textContent (never innerHTML), so data cannot become
 * markup. Pages: fleet, tickets, site, ticket, register (installers),
 * my installation (customers), login.
 */
"use strict";

const API = "/api/v1";
let me = null;
const charts = [];

/* ---- small DOM helpers ---- */

function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const kid of kids.flat()) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.appendChild(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

function main() { return document.getElementById("main"); }

function show(...nodes) {
  while (charts.length) charts.pop().destroy();
  const m = main();
  m.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
}

function when(ms) {
  if (ms === null || ms === undefined) return "—";
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

function num(v, digits) {
  return v === null || v === undefined ? "—" : Number(v).toFixed(digits || 0);
}

function badge(state) {
  return h("span", { class: "badge " + (state || "info") }, state || "—");
}

function message(kind, text) {
  return h("div", { class: "msg " + kind, role: kind === "error" ? "alert" : "status" }, text);
}

/* ---- the API ---- */

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || ("HTTP " + status));
    this.status = status;
    this.field = body && body.error && body.error.field;
  }
}

/* pvsentry restarts its listener for a moment after a configuration
 * change: retry network errors briefly. */
async function api(method, path, body) {
  const opts = { method, headers: {}, credentials: "same-origin" };
  if (body !== undefined || method !== "GET") {
    /* pvsentry refuses cookie-carried writes of any other type. */
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body === undefined ? {} : body);
  }
  let lastErr = null;
  for (let attempt = 0; attempt < 30; attempt++) {
    let r;
    try {
      r = await fetch(API + path, opts);
    } catch (e) {
      lastErr = e;
      await new Promise((res) => setTimeout(res, 200));
      continue;
    }
    let data = null;
    try { data = await r.json(); } catch (e) { data = null; }
    if (!r.ok) throw new ApiError(r.status, data);
    return data;
  }
  throw lastErr || new Error("no answer from pvsentry");
}

/* ---- login ---- */

function loginPage(note) {
  const form = h("form", { id: "login-form", class: "card login" },
    h("h1", {}, "Log in"),
    note ? message("error", note) : null,
    h("div", { class: "row" }, h("label", { for: "username" }, "User name"),
      h("input", { id: "username", name: "username", autocomplete: "username", required: true })),
    h("div", { class: "row" }, h("label", { for: "password" }, "Password"),
      h("input", { id: "password", name: "password", type: "password",
        autocomplete: "current-password", required: true })),
    h("button", { type: "submit", id: "login" }, "Log in"));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      await api("POST", "/login", {
        username: form.username.value, password: form.password.value });
      me = await api("GET", "/me");
      setNav();
      location.hash = me.role === "customer" ? "#/status" : "#/";
      route();
    } catch (e) {
      loginPage(e.message);
    }
  });
  document.getElementById("nav").hidden = true;
  show(form);
}

function setNav() {
  const nav = document.getElementById("nav");
  nav.hidden = !me;
  for (const a of nav.querySelectorAll("a")) {
    a.hidden = !me || !a.dataset.roles.split(" ").includes(me.role);
    a.toggleAttribute("aria-current", false);
    if (a.getAttribute("href") === location.hash) a.setAttribute("aria-current", "page");
  }
}

/* ---- fleet ---- */

async function fleetPage() {
  const k = await api("GET", "/kpis");
  const open = await api("GET", "/tickets?status=active&limit=20");
  const kpi = (id, label, v) => h("div", { class: "card kpi", id },
    h("div", { class: "v" }, v), h("div", { class: "muted" }, label));
  const order = { critical: 0, warning: 1, info: 2, ok: 3 };
  const fleet = k.fleet.slice().sort((a, b) => order[a.state] - order[b.state]);
  show(
    h("h1", {}, "Fleet"),
    h("div", { class: "grid kpis" },
      kpi("kpi-sites", "sites", k.sites),
      kpi("kpi-open", "open tickets", k.tickets_open),
      kpi("kpi-alerts", "alerts firing", k.alerts_firing),
      kpi("kpi-lost", "kWh lost (open tickets)", num(k.lost_kwh_open, 1))),
    h("h2", {}, "Sites by status"),
    h("table", { class: "stack", id: "fleet" },
      h("thead", {}, h("tr", {}, h("th", {}, "Site"), h("th", {}, "Status"),
        h("th", {}, "Open tickets"), h("th", {}, "kWh lost"))),
      h("tbody", {}, fleet.map((s) => h("tr", {},
        h("td", {}, h("a", { href: "#/site/" + encodeURIComponent(s.id) }, s.name || s.id)),
        h("td", {}, badge(s.state)), h("td", {}, s.open_tickets),
        h("td", {}, num(s.lost_kwh, 1)))))),
    h("h2", {}, "Open tickets"), ticketTable(open.items));
}

function ticketTable(items) {
  if (!items.length) return h("p", { class: "muted" }, "No tickets.");
  return h("table", { class: "stack tickets" },
    h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, "Problem"),
      h("th", {}, "Site"), h("th", {}, "Status"), h("th", {}, "Opened"))),
    h("tbody", {}, items.map((t) => h("tr", {},
      h("td", {}, h("a", { href: "#/ticket/" + t.id, class: "ticket-link" }, "#" + t.id)),
      h("td", {}, t.title || t.rule), h("td", {}, t.site),
      h("td", {}, badge(t.severity), " ", t.status), h("td", {}, when(t.opened_ms))))));
}

async function ticketsPage() {
  const status = new URLSearchParams(location.hash.split("?")[1] || "").get("status") || "active";
  const list = await api("GET", "/tickets?limit=200&status=" + encodeURIComponent(status));
  const sel = h("select", { id: "status-filter" },
    ["active", "open", "acknowledged", "scheduled", "fixed", "resolved", "closed"]
      .map((s) => h("option", { value: s, selected: s === status }, s)));
  sel.addEventListener("change", () => { location.hash = "#/tickets?status=" + sel.value; });
  show(h("h1", {}, "Tickets"), h("div", { class: "row" }, h("label", { for: "status-filter" }, "Status"), sel),
    ticketTable(list.items), h("p", { class: "muted" }, list.total + " in all"));
}

/* ---- site ---- */

function lineChart(canvas, series) {
  if (!window.Chart) return;
  const data = {
    datasets: [
      { label: "actual (W)", data: series.points.map(([x, y]) => ({ x, y })),
        borderColor: "#0b6bcb", pointRadius: 0, borderWidth: 2 },
      { label: "expected, clear sky (W)",
        data: (series.expected || []).map(([x, y]) => ({ x, y })),
        borderColor: "#f5b400", borderDash: [6, 4], pointRadius: 0, borderWidth: 2 },
    ],
  };
  charts.push(new window.Chart(canvas, {
    type: "line", data,
    options: {
      animation: false, maintainAspectRatio: false, parsing: false,
      scales: { x: { type: "linear", ticks: { callback: (v) => when(v).slice(11, 16), maxTicksLimit: 8 } },
        y: { beginAtZero: true } },
    },
  }));
}

function barChart(canvas, days) {
  if (!window.Chart) return;
  charts.push(new window.Chart(canvas, {
    type: "bar",
    data: { labels: days.map((d) => d.day.slice(5)),
      datasets: [{ label: "actual kWh", data: days.map((d) => d.actual_kwh), backgroundColor: "#0b6bcb" },
        { label: "expected kWh (clear sky)", data: days.map((d) => d.expected_kwh), backgroundColor: "#f5b400" }] },
    options: { animation: false, maintainAspectRatio: false },
  }));
}

/* Installers: which gateways publish on the broker for this site, as
 * config sections (POST /sites/{id}/mqtt-learn). */
function mqttLearnCard(id) {
  if (me.role !== "admin" && me.role !== "installer") return null;
  const out = h("pre", { class: "kb", id: "mqtt-learn", hidden: true });
  const b = h("button", { type: "button", class: "secondary", id: "mqtt-learn-run",
    onclick: async () => {
      b.disabled = true;
      b.textContent = "Listening for 10 s…";
      try {
        const r = await api("POST", "/sites/" + encodeURIComponent(id) + "/mqtt-learn?seconds=10");
        out.textContent = r.config;
      } catch (e) {
        out.textContent = e.message;
      }
      out.hidden = false;
      b.disabled = false;
      b.textContent = "Listen again";
    } }, "Find gateways on the broker");
  return [h("h2", {}, "MQTT gateways"), h("div", { class: "card" },
    h("p", { class: "muted" }, "OpenDTU, AhoyDTU, Venus OS, SBFspot, deye, Shelly, Tasmota: " +
      "the sections to add to the config file for what publishes now."), b, out)];
}

async function sitePage(id) {
  const s = await api("GET", "/sites/" + encodeURIComponent(id));
  const series = await api("GET", "/sites/" + encodeURIComponent(id) + "/series?metric=ac_power_w");
  const prod = await api("GET", "/sites/" + encodeURIComponent(id) + "/production?days=7");
  const c1 = h("canvas", { id: "chart-power", "aria-label": "power today" });
  const c2 = h("canvas", { id: "chart-days", "aria-label": "energy per day" });
  show(
    h("h1", {}, s.name || s.id, " ", badge(s.state)),
    h("div", { class: "card" }, h("dl", { class: "facts" },
      h("dt", {}, "Address"), h("dd", {}, s.address || "—"),
      h("dt", {}, "Array"), h("dd", {}, num(s.kwp, 1) + " kWp, tilt " + num(s.tilt) + "°, azimuth " + num(s.azimuth) + "°"),
      h("dt", {}, "Customer"), h("dd", {}, s.customer || "—"),
      h("dt", {}, "Technician"), h("dd", {}, s.technician || "—"),
      h("dt", {}, "Access"), h("dd", {}, s.access_notes || "—"),
      h("dt", {}, "Defined in"), h("dd", {}, s.source === "api" ? "the dashboard" : "the config file"))),
    h("h2", {}, "Production vs expected (last 24 h)"),
    h("div", { class: "card chart-box" }, c1),
    h("h2", {}, "Energy per day"),
    h("div", { class: "card chart-box" }, c2),
    h("h2", {}, "Devices"),
    h("table", { class: "stack", id: "devices" },
      h("thead", {}, h("tr", {}, h("th", {}, "Device"), h("th", {}, "Kind"),
        h("th", {}, "Power (W)"), h("th", {}, "Energy (kWh)"), h("th", {}, "Last seen"))),
      h("tbody", {}, s.device_list.map((d) => h("tr", {},
        h("td", {}, d.id, me.role !== "customer" && (d.endpoint_url || d.endpoint) ?
          [" ", h("button", { type: "button", class: "secondary test-device", "data-device": d.id,
            onclick: async (ev) => {
              const b = ev.target;
              b.disabled = true;
              b.textContent = "Testing…";
              try {
                const r = await api("POST", "/devices/" + encodeURIComponent(d.id) + "/test");
                b.textContent = r.ok ? "Answers" : "No answer";
                b.title = r.message || "";
              } catch (e) {
                b.textContent = "Cannot test";
                b.title = e.message;
              }
            } }, "Test connection")] : null),
        h("td", {}, d.kind || "—"),
        h("td", {}, num(d.last.ac_power_w)), h("td", {}, d.last.ac_energy_wh === undefined ? "—" : num(d.last.ac_energy_wh / 1000, 1)),
        h("td", {}, when(d.last_seen_ms)))))),
    mqttLearnCard(id),
    h("h2", {}, "Ticket history"), ticketTable(s.tickets.items));
  lineChart(c1, series);
  barChart(c2, prod.days);
}

/* ---- ticket ---- */

async function ticketPage(id, note) {
  const t = await api("GET", "/tickets/" + encodeURIComponent(id));
  const canAct = me.role === "admin" || me.role === "technician";
  const a = t.alert || {};
  const text = h("textarea", { id: "action-text", placeholder: "Note (optional for most actions)" });
  const at = h("input", { id: "visit-at", type: "datetime-local" });
  const act = (action, extra) => async () => {
    const body = { text: text.value || undefined };
    if (action === "schedule") {
      if (!at.value) { ticketPage(id, message("error", "Choose the visit time first")); return; }
      body.at = at.value + ":00Z";
    }
    Object.assign(body, extra || {});
    try {
      await api("POST", "/tickets/" + id + "/" + action, body);
      ticketPage(id, message("ok", "Done: " + action));
    } catch (e) {
      ticketPage(id, message("error", e.message));
    }
  };
  show(
    h("h1", {}, "#" + t.id + " ", t.title || t.rule),
    note || null,
    h("div", { class: "card" }, h("dl", { class: "facts" },
      h("dt", {}, "Status"), h("dd", { id: "ticket-status" }, t.status),
      h("dt", {}, "Severity"), h("dd", {}, badge(t.severity)),
      h("dt", {}, "Site"), h("dd", {}, h("a", { href: "#/site/" + encodeURIComponent(t.site) }, t.site_name || t.site)),
      h("dt", {}, "Address"), h("dd", {}, t.site_address || "—"),
      h("dt", {}, "Device"), h("dd", {}, t.device || "—"),
      h("dt", {}, "Opened"), h("dd", {}, when(t.opened_ms)),
      h("dt", {}, "Energy lost"), h("dd", {}, num(t.lost_kwh, 1) + " kWh"),
      t.access_notes ? [h("dt", {}, "Access"), h("dd", {}, t.access_notes)] : null)),
    canAct ? h("div", { class: "card", id: "ticket-actions" },
      h("h2", {}, "Actions"),
      h("div", { class: "row" }, h("label", { for: "action-text" }, "Note"), text),
      h("div", { class: "row" }, h("label", { for: "visit-at" }, "Visit (UTC)"), at),
      h("div", { class: "actions" },
        h("button", { id: "ack", type: "button", onclick: act("ack") }, "Acknowledge"),
        h("button", { id: "schedule", type: "button", onclick: act("schedule") }, "Schedule visit"),
        h("button", { id: "fixed", type: "button", onclick: act("fixed") }, "Mark fixed"),
        h("button", { id: "comment", type: "button", class: "secondary", onclick: act("comment") }, "Add note"))) : null,
    h("h2", {}, "Evidence"),
    h("div", { class: "card", id: "evidence" },
      h("p", {}, a.explanation || "—"),
      h("p", { class: "muted" }, a.evidence || ""),
      a.measured !== undefined && a.measured !== null ?
        h("p", {}, "Measured " + num(a.measured) + ", expected " + num(a.expected)) : null),
    t.kb_article ? [h("h2", {}, "Knowledge base"), h("div", { class: "card" }, h("pre", { class: "kb", id: "kb" }, t.kb_article))] : null,
    h("h2", {}, "Timeline"),
    h("ul", { class: "timeline card", id: "timeline" }, t.events.map((e) => h("li", {},
      h("div", { class: "when" }, when(e.ts_ms) + " · " + (e.actor || "pvsentry")),
      h("div", {}, h("strong", {}, e.kind), e.text ? " — " + e.text : "")))));
}

/* ---- installer ---- */

function field(id, label, attrs) {
  return h("div", { class: "row" }, h("label", { for: id }, label),
    h("input", Object.assign({ id, name: id }, attrs || {})));
}

function selectField(id, label, options, attrs) {
  return h("div", { class: "row" }, h("label", { for: id }, label),
    h("select", Object.assign({ id, name: id }, attrs || {}),
      options.map(([v, t]) => h("option", { value: v }, t))));
}

function formValues(form, numbers) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.value === "") continue;
    out[el.name] = numbers.includes(el.name) ? Number(el.value) : el.value;
  }
  return out;
}

async function installPage(note) {
  const [customers, techs, sites] = await Promise.all([
    api("GET", "/customers"), api("GET", "/technicians"), api("GET", "/sites?limit=1000")]);
  const siteForm = h("form", { id: "site-form", class: "card" },
    h("h2", {}, "Register a site"),
    h("div", { class: "two" }, field("id", "Site id", { required: true, pattern: "[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}" }),
      field("name", "Name", { required: true })),
    field("address", "Address"),
    h("div", { class: "two" },
      field("latitude", "Latitude", { type: "number", step: "any", required: true, min: -90, max: 90 }),
      field("longitude", "Longitude", { type: "number", step: "any", required: true, min: -180, max: 180 })),
    h("div", { class: "two" },
      field("kwp", "Array (kWp)", { type: "number", step: "any", min: 0 }),
      field("timezone", "Time zone", { value: "Europe/Paris" })),
    h("div", { class: "two" },
      field("tilt", "Tilt (°)", { type: "number", step: "any", min: 0, max: 90, value: 30 }),
      field("azimuth", "Azimuth (°, 180 = south)", { type: "number", step: "any", min: 0, max: 360, value: 180 })),
    h("div", { class: "two" },
      selectField("customer_id", "Customer", [["", "—"]].concat(customers.map((c) => [c.id, c.name + " (" + c.id + ")"]))),
      selectField("technician_id", "Technician", [["", "—"]].concat(techs.map((c) => [c.id, c.name + " (" + c.id + ")"])))),
    h("div", { class: "row" }, h("label", { for: "access_notes" }, "Access notes"),
      h("textarea", { id: "access_notes", name: "access_notes" })),
    h("button", { type: "submit", id: "site-submit" }, "Register site"));
  siteForm.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      const r = await api("POST", "/sites", formValues(siteForm, ["latitude", "longitude", "kwp", "tilt", "azimuth"]));
      installPage(message("ok", r.message));
    } catch (e) {
      installPage(message("error", (e.field ? e.field + ": " : "") + e.message));
    }
  });
  const devForm = h("form", { id: "device-form", class: "card" },
    h("h2", {}, "Register a device"),
    h("div", { class: "two" }, field("dev-id", "Device id", { name: "id", required: true }),
      selectField("site_id", "Site", sites.items.map((s) => [s.id, (s.name || s.id) + " (" + s.id + ")"]))),
    h("div", { class: "two" },
      selectField("kind", "Kind", [["inverter", "inverter"], ["meter", "meter"], ["sensor", "sensor"], ["logger", "logger"], ["battery", "battery"]]),
      field("dev-kwp", "Array on it (kWp)", { name: "kwp", type: "number", step: "any", min: 0 })),
    h("div", { class: "two" }, field("vendor", "Vendor"), field("model", "Model")),
    h("div", { class: "two" },
      field("endpoint_url", "Modbus address (tcp://host:502)", { placeholder: "tcp://192.0.2.10:502" }),
      field("unit_id", "Unit id", { type: "number", min: 0, max: 247, value: 1 })),
    h("button", { type: "submit", id: "device-submit" }, "Register device"));
  for (const el of devForm.querySelectorAll("input")) {
    if (el.id === "dev-id") el.name = "id";
    if (el.id === "dev-kwp") el.name = "kwp";
  }
  devForm.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const v = formValues(devForm, ["kwp", "unit_id"]);
    if (!v.endpoint_url) delete v.unit_id;
    try {
      const r = await api("POST", "/devices", v);
      installPage(message("ok", r.message));
    } catch (e) {
      installPage(message("error", (e.field ? e.field + ": " : "") + e.message));
    }
  });
  const file = h("input", { id: "csv-file", type: "file", accept: ".csv,text/csv" });
  const report = h("div", { id: "import-report" });
  const runImport = (dry) => async () => {
    if (!file.files.length) { report.replaceChildren(message("error", "Choose a CSV file first")); return; }
    const text = await file.files[0].text();
    let r;
    try {
      r = await fetch(API + "/import" + (dry ? "?dry_run=1" : ""), {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "text/csv" }, body: text });
    } catch (e) {
      report.replaceChildren(message("error", e.message));
      return;
    }
    const b = await r.json();
    if (b.error) { report.replaceChildren(message("error", b.error.message)); return; }
    report.replaceChildren(
      message(b.bad || b.failed ? "error" : "ok",
        (dry ? "Dry run: " : "") + b.valid + " good line(s), " + b.bad + " bad" +
        (dry ? "" : ", " + b.created + " created, " + b.failed + " failed")),
      h("ul", {}, b.lines.filter((l) => !l.ok).map((l) => h("li", {},
        "line " + l.line + (l.field ? " (" + l.field + ")" : "") + ": " + l.error))));
  };
  const importCard = h("div", { class: "card", id: "import" },
    h("h2", {}, "Import from CSV"),
    h("p", { class: "muted" }, "First line: type,id and the field names (name, latitude, longitude, " +
      "customer_id, site_id, kind, email...). One site, device, customer or technician per line."),
    h("div", { class: "row" }, h("label", { for: "csv-file" }, "CSV file"), file),
    h("div", { class: "actions" },
      h("button", { type: "button", id: "import-dry", class: "secondary", onclick: runImport(true) }, "Check (dry run)"),
      h("button", { type: "button", id: "import-run", onclick: runImport(false) }, "Import")),
    report);
  show(h("h1", {}, "Register"), note || null, h("div", { class: "grid" }, siteForm, devForm), importCard,
    h("h2", {}, "Sites"),
    h("table", { class: "stack", id: "site-list" }, h("tbody", {}, sites.items.map((s) => h("tr", {},
      h("td", {}, h("a", { href: "#/site/" + encodeURIComponent(s.id) }, s.id)),
      h("td", {}, s.name || ""), h("td", {}, s.devices + " device(s)"),
      h("td", {}, s.source === "api" ? "dashboard" : "config file"))))));
}

/* ---- customer ---- */

const plain = {
  open: "We have noticed a problem and are looking into it.",
  assigned: "A technician has been assigned.",
  acknowledged: "A technician is working on it.",
  scheduled: "A visit is planned.",
  on_hold: "We are waiting for something before we can go on.",
  fixed: "The technician has fixed it; we are checking the production.",
};

function customerButton(label, path, body, done) {
  return h("button", { type: "button", class: "secondary", onclick: async (ev) => {
    ev.target.disabled = true;
    try {
      const r = await api("POST", path, body ? body() : undefined);
      statusPage(message("ok", r.message || done));
    } catch (e) {
      statusPage(message("error", e.message));
    }
  } }, label);
}

async function statusPage(note) {
  const sites = await api("GET", "/sites");
  const notices = await api("GET", "/notices");
  const blocks = [];
  for (const s of sites.items) {
    const full = await api("GET", "/sites/" + encodeURIComponent(s.id));
    const active = full.tickets.items.filter((t) => plain[t.status]);
    const done = full.tickets.items.filter((t) => ["resolved", "closed"].includes(t.status)).slice(0, 3);
    const canvas = h("canvas", { id: "chart-" + s.id });
    const contactText = h("textarea", { id: "contact-" + s.id, placeholder: "Tell us what you see" });
    blocks.push(h("div", { class: "card site-status", "data-site": s.id },
      h("h2", {}, s.name || s.id, " ", badge(s.state === "ok" ? "ok" : s.state)),
      h("p", {}, active.length ? "" : "Everything is working normally."),
      active.map((t) => h("div", {}, h("p", {}, (t.title || "A problem") + ": " + plain[t.status]),
        h("div", { class: "actions" }, customerButton("It works again", "/tickets/" + t.id + "/works_again")))),
      done.map((t) => {
        const csat = h("select", { "aria-label": "satisfaction" },
          [5, 4, 3, 2, 1].map((v) => h("option", { value: v }, v + " / 5")));
        return h("div", { class: "actions survey" }, h("span", {}, "How did we do with “" + (t.title || "the repair") + "”?"),
          csat, customerButton("Send", "/tickets/" + t.id + "/survey", () => ({ csat: Number(csat.value) })));
      }),
      h("div", { class: "chart-box" }, canvas),
      h("div", { class: "row" }, h("label", { for: "contact-" + s.id }, "Write to us about this installation"), contactText),
      h("div", { class: "actions" }, customerButton("Send message", "/contact",
        () => ({ site: s.id, text: contactText.value })))));
    const prod = await api("GET", "/sites/" + encodeURIComponent(s.id) + "/production?days=7");
    setTimeout(() => barChart(canvas, prod.days), 0);
  }
  show(h("h1", {}, "My installation"), note || null, blocks.length ? blocks : h("p", {}, "No installation yet."),
    h("h2", {}, "Messages we sent you"),
    notices.length ? h("ul", { class: "timeline card", id: "notices" }, notices.map((n) => h("li", {},
      h("div", { class: "when" }, when(n.created_ms)), h("strong", {}, n.subject || n.kind),
      h("pre", { class: "kb" }, n.body || "")))) : h("p", { class: "muted" }, "None so far."));
}

/* ---- routing ---- */

async function route() {
  const hash = location.hash || "#/";
  const parts = hash.slice(2).split("?")[0].split("/").map(decodeURIComponent);
  if (!me) {
    try {
      me = await api("GET", "/me");
    } catch (e) {
      loginPage(null);
      return;
    }
  }
  setNav();
  try {
    if (parts[0] === "site" && parts[1]) await sitePage(parts[1]);
    else if (parts[0] === "ticket" && parts[1]) await ticketPage(parts[1]);
    else if (parts[0] === "tickets") await ticketsPage();
    else if (parts[0] === "install") await installPage();
    else if (parts[0] === "status" || me.role === "customer") await statusPage();
    else await fleetPage();
  } catch (e) {
    if (e.status === 401) { me = null; loginPage("Please log in again."); return; }
    show(h("h1", {}, "Cannot show this page"), message("error", e.message),
      h("p", {}, h("a", { href: "#/" }, "Back to the start")));
  }
}

document.getElementById("logout").addEventListener("click", async () => {
  try { await api("POST", "/logout"); } catch (e) { /* gone anyway */ }
  me = null;
  location.hash = "#/";
  loginPage(null);
});
window.addEventListener("hashchange", route);
route();
