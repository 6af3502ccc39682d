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
  for (const kid of kids.flat(Infinity)) {
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

/* Times: a site's page uses the site's zone (said once, near the title);
 * other pages use the viewer's zone (the profile's when it sets one). */
let pageZone = null;

function viewerZone() {
  return (me && me.timezone) || Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

function zoneOf(zone) { return zone || pageZone || viewerZone(); }

/* The reader's words: a customer reads their pages in their language
 * (GET /words, the "dash." phrases of notifier/templates/<lang>/),
 * staff in English. english is the phrase when there is no other;
 * {{name}} takes vars.name, {{#name}}...{{/name}} shows when it is set. */
let words = {};
let locale;

function T(key, english, vars) {
  const v = vars || {};
  return (words["dash." + key] || english)
    .replace(/{{#(\w+)}}([\s\S]*?){{\/\1}}/g, (m, k, inner) => (v[k] ? inner : ""))
    .replace(/{{(\w+)}}/g, (m, k) => (v[k] === undefined || v[k] === null ? "" : String(v[k])));
}

function fmt(ms, opts, zone) {
  try {
    return new Intl.DateTimeFormat(locale, Object.assign({ timeZone: zoneOf(zone) }, opts))
      .format(new Date(ms));
  } catch (e) {
    return new Intl.DateTimeFormat(locale, Object.assign({ timeZone: "UTC" }, opts))
      .format(new Date(ms));
  }
}

function when(ms, zone) {
  if (ms === null || ms === undefined) return "—";
  return fmt(ms, { year: "numeric", month: "short", day: "numeric",
    hour: "2-digit", minute: "2-digit" }, zone);
}

/* Offset of zone at instant ms, in minutes east of UTC. */
function zoneOffset(ms, zone) {
  const p = {};
  for (const x of new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23",
    year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit",
    minute: "2-digit", second: "2-digit" }).formatToParts(new Date(ms))) p[x.type] = x.value;
  const local = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60000);
}

/* "2024-06-21T14:30" read as a wall-clock time in zone -> ms. */
function zonedToMs(value, zone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let t = guess - zoneOffset(guess, zone) * 60000;
  t = guess - zoneOffset(t, zone) * 60000;
  return t;
}

function zoneNote(zone, at) {
  const off = zoneOffset(at || Date.now(), zone);
  const a = Math.abs(off);
  const utc = "UTC" + (off < 0 ? "−" : "+") + String(Math.floor(a / 60)).padStart(2, "0") +
    ":" + String(a % 60).padStart(2, "0");
  return T("zone_time", "{{zone}} time ({{utc}})", { zone, utc });
}

/* at: an instant the page is about, for the offset (summer or winter). */
function zoneLine(zone, whose, at) {
  return h("p", { class: "muted zone", id: "zone-note" },
    T("times_are", "Times are {{whose}}: {{zone}}", { whose, zone: zoneNote(zone, at) }));
}

/* A number; a customer's the way their language writes it ("0,8"). */
function num(v, digits) {
  if (v === null || v === undefined) return "—";
  if (!locale) return Number(v).toFixed(digits || 0);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits || 0,
    maximumFractionDigits: digits || 0 }).format(Number(v));
}

const stateWords = { ok: "ok", info: "info", warning: "warning", critical: "critical",
  no_data: "no data yet", no_devices: "no devices" };

function badge(state) {
  return h("span", { class: "badge " + (state || "info") }, stateWords[state] || state || "—");
}

/* A list of labelled cards: readable on a phone, a grid on a desk. */
function cards(id, items, title, fields, empty) {
  if (!items.length) return h("p", { class: "muted" }, empty || "Nothing yet.");
  return h("ul", { class: "cards", id }, items.map((it) => h("li", { class: "card item" },
    h("div", { class: "item-title" }, title(it)),
    h("dl", { class: "facts" }, fields.map(([label, fn]) => {
      const v = fn(it);
      return v === null || v === undefined ? null : [h("dt", {}, label), h("dd", {}, v)];
    })))));
}

/* ---- Markdown, safely: built as DOM nodes from text, never as HTML, so
 * tags in an article stay text; links only to http(s), mailto and pages
 * of the dashboard, anything else (javascript:...) stays text. ---- */

function mdInline(text) {
  const out = [];
  const re = /(\*\*([^*]+)\*\*)|(`([^`]+)`)|(\[([^\]]+)\]\(([^)\s]+)\))|(\*([^*]+)\*)/g;
  let last = 0, m;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1]) out.push(h("strong", {}, m[2]));
    else if (m[3]) out.push(h("code", {}, m[4]));
    else if (m[5]) {
      const url = m[7];
      if (/^(https?:|mailto:|#\/)/i.test(url)) {
        out.push(h("a", { href: url, rel: "noopener noreferrer", target: /^https?:/i.test(url) ? "_blank" : null }, m[6]));
      } else {
        out.push(m[0]);
      }
    } else if (m[8]) out.push(h("em", {}, m[9]));
    last = re.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function markdown(src) {
  const root = h("div", { class: "md" });
  let list = null, para = [];
  const flush = () => {
    if (para.length) root.appendChild(h("p", {}, mdInline(para.join(" "))));
    para = [];
  };
  for (const raw of String(src || "").split("\n")) {
    const line = raw.trimEnd();
    let m;
    if (!line.trim()) { flush(); list = null; continue; }
    if ((m = /^(#{1,4})\s+(.*)$/.exec(line))) {
      flush(); list = null;
      root.appendChild(h("h" + Math.min(6, m[1].length + 2), {}, mdInline(m[2])));
    } else if ((m = /^\s*(?:[-*]|(\d+)\.)\s+(.*)$/.exec(line))) {
      flush();
      const tag = m[1] ? "ol" : "ul";
      if (!list || list.tagName.toLowerCase() !== tag) { list = h(tag, {}); root.appendChild(list); }
      list.appendChild(h("li", {}, mdInline(m[2])));
    } else {
      list = null;
      para.push(line.trim());
    }
  }
  flush();
  return root;
}

/* Timeline entries in words; the internal name only as a tooltip. */
const eventWords = {
  opened: "Ticket opened", reopened: "Problem came back: ticket reopened",
  assigned: "Assigned", routed: "Assigned", acknowledged: "Acknowledged",
  scheduled: "Visit planned", fixed: "Marked fixed", resolved: "Production back to normal",
  closed: "Closed", comment: "Note", on_hold: "Put on hold", hold: "Put on hold",
  false_alarm: "Closed as a false alarm", merged: "Merged into another ticket",
  merged_in: "Another ticket merged into this one", alert: "New alert on this problem",
  alert_firing: "New alert on this problem", alert_resolved: "Alert cleared",
  message_queued: "Message prepared", message_sent: "Message sent",
  message_failed: "Message could not be delivered", message_dead: "Message given up",
  escalated: "Escalated: not acknowledged in time",
  escalation_exhausted: "Escalation reached its last step: nobody further to call",
  customer_notified: "Customer informed", customer_contact: "The customer wrote in",
  survey_sent: "Satisfaction survey sent", survey_answered: "Survey answered",
  appointment_proposed: "Visit proposed to the customer",
  appointment_confirmed: "The customer confirmed the visit",
  appointment_declined: "The customer asked for another time",
  self_help_done: "The customer says it works again", severity: "Severity changed",
  notice_held: "Customer notice held back", notice_suppressed: "No customer notice needed",
};

function eventText(kind) {
  return eventWords[kind] || (kind ? kind.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()) : "Event");
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
/* A page still loading when the reader goes to another one must not cover
 * it: every navigation has a number, and an answer read for an older one
 * ends that page's drawing (route drops the Stale error). */
let navSeq = 0;
class Stale extends Error {}

async function api(method, path, body) {
  const seq = navSeq;
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
    if (method === "GET" && seq !== navSeq) throw new Stale(path);
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
      await loadWords();
      setNav();
      location.hash = me.role === "customer" ? "#/status" : "#/";
      route();
    } catch (e) {
      if (e instanceof Stale) return;
      const user = form.username.value;
      loginPage(e.message);
      document.getElementById("username").value = user;
    }
  });
  me = null;
  setNav();
  show(form);
}

function setNav() {
  const nav = document.getElementById("nav");
  nav.hidden = !me;
  /* A customer's own words for the menu. */
  nav.querySelector("a[href='#/status']").textContent = T("nav.status", "My installation");
  document.getElementById("logout").textContent = T("nav.logout", "Log out");
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
  const order = { critical: 0, warning: 1, info: 2, no_data: 3, no_devices: 4, ok: 5 };
  const fleet = k.fleet.slice().sort((a, b) => order[a.state] - order[b.state]);
  show(
    h("h1", {}, "Fleet"),
    zoneLine(viewerZone(), "in your time zone"),
    h("div", { class: "grid kpis" },
      kpi("kpi-sites", "sites", k.sites),
      kpi("kpi-open", "open tickets", k.tickets_open),
      kpi("kpi-alerts", "alerts firing", k.alerts_firing),
      kpi("kpi-lost", "kWh lost (open tickets)", num(k.lost_kwh_open, 1))),
    h("h2", {}, "Sites by status"),
    cards("fleet", fleet, (s) => h("a", { href: "#/site/" + encodeURIComponent(s.id) }, s.name || s.id),
      [["Status", (s) => badge(s.state)], ["Open tickets", (s) => String(s.open_tickets)],
        ["Energy lost", (s) => num(s.lost_kwh, 1) + " kWh"]], "No sites yet."),
    h("h2", {}, "Open tickets"), ticketCards(open.items));
}

function ticketCards(items, zone) {
  return cards(null, items, (t) => h("a", { href: "#/ticket/" + t.id, class: "ticket-link" },
    "#" + t.id + " " + (t.title || t.rule)),
  [["Site", (t) => t.site_name || t.site], ["Status", (t) => [badge(t.severity), " ", t.status]],
    ["Opened", (t) => when(t.opened_ms, zone)]], "No tickets.");
}

async function ticketsPage() {
  const status = new URLSearchParams(location.hash.split("?")[1] || "").get("status") || "active";
  const list = await api("GET", "/tickets?limit=200&status=" + encodeURIComponent(status));
  const sel = h("select", { id: "status-filter" },
    ["active", "open", "acknowledged", "scheduled", "fixed", "resolved", "closed"]
      .map((s) => h("option", { value: s, selected: s === status }, s)));
  sel.addEventListener("change", () => { location.hash = "#/tickets?status=" + sel.value; });
  show(h("h1", {}, "Tickets"), zoneLine(viewerZone(), "in your time zone"),
    h("div", { class: "row" }, h("label", { for: "status-filter" }, "Status"), sel),
    ticketCards(list.items), h("p", { class: "muted" }, list.total + " in all"));
}

/* ---- site: production charts ---- */

const periods = [["day", "Day"], ["week", "Week"], ["month", "Month"], ["year", "Year"]];

function bucketLabel(ms, res, zone, long) {
  if (res === "hour") return fmt(ms, { hour: "2-digit", minute: "2-digit" }, zone);
  if (res === "month") return fmt(ms, { month: long ? "long" : "short", year: long ? "numeric" : undefined }, zone);
  return fmt(ms, { weekday: long ? "long" : "short", day: "numeric", month: long ? "long" : undefined }, zone);
}

function periodTitle(e) {
  const z = e.timezone;
  if (e.period === "day") return fmt(e.from_ms, { weekday: "long", day: "numeric", month: "long", year: "numeric" }, z);
  if (e.period === "week") {
    return T("week_of", "Week of {{date}}", { date: fmt(e.from_ms, { day: "numeric", month: "long", year: "numeric" }, z) });
  }
  if (e.period === "month") return fmt(e.from_ms, { month: "long", year: "numeric" }, z);
  return fmt(e.from_ms, { year: "numeric" }, z);
}

const sourceEnglish = { sensor: "from the irradiance sensor", clear_sky: "clear sky (no sensor)",
  mixed: "sensor when it reported, clear sky otherwise" };
const sourceWords = new Proxy(sourceEnglish, { get: (o, k) => (o[k] ? T("source." + k, o[k]) : undefined) });

function energyChart(canvas, e) {
  if (!window.Chart) return;
  const n = e.buckets.length;
  const ends = e.buckets.map((b, i) => (i + 1 < n ? e.buckets[i + 1] : e.to_ms));
  const total = (key) => e.buckets.map((b, i) => {
    let sum = null;
    for (const d of e.devices) if (d[key][i] !== null) sum = (sum || 0) + d[key][i];
    return sum;
  });
  const act = total("actual_kwh"), exp = total("expected_kwh");
  const mid = (i) => (e.buckets[i] + ends[i]) / 2;
  const step = Math.max(1, Math.ceil(n / (canvas.parentNode.clientWidth < 500 ? 6 : 12)));
  charts.push(new window.Chart(canvas, {
    type: "bar",
    data: { datasets: [
      { label: T("chart.produced", "produced (kWh)"), data: act.map((y, i) => ({ x: mid(i), y })),
        backgroundColor: e.buckets.map((b, i) => (b <= e.now_ms && e.now_ms < ends[i] ? "#f08c00" : "#0b6bcb")),
        barPercentage: 0.9, categoryPercentage: 1, order: 2 },
      { type: "line", label: T("chart.expected", "expected (kWh)"), data: exp.map((y, i) => ({ x: mid(i), y })),
        borderColor: "#5f6b7a", borderDash: [6, 4], pointRadius: 2, borderWidth: 2,
        spanGaps: false, order: 1 },
      { type: "line", label: T("chart.clear", "clear sky, upper bound (kWh)"),
        data: (e.clear_sky_kwh || []).map((y, i) => ({ x: mid(i), y })),
        borderColor: "#f5b400", backgroundColor: "rgba(245, 180, 0, 0.12)", fill: true,
        pointRadius: 0, borderWidth: 1, order: 3 },
    ] },
    options: {
      animation: false, maintainAspectRatio: false, parsing: false,
      plugins: { tooltip: { callbacks: {
        title: (items) => bucketLabel(e.buckets[Math.max(0, e.buckets.findIndex((b, i) => items[0].parsed.x < ends[i]))],
          e.resolution, e.timezone, true) } } },
      scales: {
        x: { type: "linear", min: e.from_ms, max: e.to_ms, offset: false, grid: { display: false },
          afterBuildTicks: (axis) => { axis.ticks = e.buckets.filter((b, i) => i % step === 0).map((v) => ({ value: v })); },
          ticks: { autoSkip: false, maxRotation: 0, callback: (v) => bucketLabel(v, e.resolution, e.timezone, false) } },
        y: { beginAtZero: true, title: { display: true, text: "kWh" } },
      },
    },
  }));
}

/* The period and date a link asks for: #/site/ID?period=week&date=... */
function linkPeriod() {
  const q = new URLSearchParams(location.hash.split("?")[1] || "");
  const p = q.get("period");
  const d = q.get("date");
  return [periods.some(([x]) => x === p) ? p : "day", /^\d{4}-\d{2}-\d{2}$/.test(d || "") ? d : null];
}

/* deviceName: what the reader calls a device (customers: its label). */
async function energySection(id, zone, state, deviceName) {
  const nameOf = deviceName || ((devId) => devId);
  const box = h("div", { id: "energy" });
  const load = async (period, date) => {
    const q = "?period=" + period + (date ? "&date=" + date : "");
    const e = await api("GET", "/sites/" + encodeURIComponent(id) + "/energy" + q);
    while (charts.length) charts.pop().destroy();
    const canvas = h("canvas", { id: "chart-energy", "aria-label": "energy per " + e.resolution });
    const tabs = h("div", { class: "tabs", role: "tablist" }, periods.map(([p, label]) =>
      h("button", { type: "button", role: "tab", class: p === period ? "tab on" : "tab secondary",
        "aria-selected": p === period ? "true" : "false", id: "period-" + p,
        onclick: () => load(p, null) }, T("period." + p, label))));
    const nav = h("div", { class: "actions period-nav" },
      h("button", { type: "button", class: "secondary", id: "period-prev", onclick: () => load(period, e.prev) }, T("earlier", "‹ Earlier")),
      h("strong", { id: "period-title" }, periodTitle(e)),
      h("button", { type: "button", class: "secondary", id: "period-next", onclick: () => load(period, e.next) }, T("later", "Later ›")));
    const sources = [...new Set(e.devices.map((d) => d.expected_source).filter((x) => x))];
    const summary = e.has_data ? h("p", { id: "energy-summary", class: "summary" },
      h("strong", {}, num(e.actual_kwh, 1) + " kWh"), " ",
      T("summary", "produced, {{expected}} kWh expected{{#today}} so far today{{/today}} (expected: {{sources}})", {
        expected: num(e.expected_kwh, 1),
        today: e.period === "day" && e.from_ms <= e.now_ms && e.now_ms < e.to_ms,
        sources: sources.map((x) => sourceWords[x] || x).join("; ") })) : null;
    const empty = h("div", { class: "card empty", id: "no-data" },
      h("p", {}, h("strong", {}, state === "no_devices" ? T("no_devices_yet", "No devices yet.") : T("no_data", "No data yet.")),
        " ", state === "no_devices" ? "Register the site's inverters to see its production here."
          : T("nothing." + period, "Nothing has been received for this " + period +
            ". Production shows here once readings arrive.")));
    const devs = cards("device-energy", e.devices, (d) => nameOf(d.id),
      [[T("produced", "Produced"), (d) => total1(d.actual_kwh)], [T("expected", "Expected"), (d) => total1(d.expected_kwh)],
        [T("expected_from", "Expected from"), (d) => (d.expected_source ? sourceWords[d.expected_source]
          : T("no_data_short", "no data"))]], T("no_devices", "No devices."));
    box.replaceChildren(...[tabs, h("div", { class: "card" }, nav,
      e.has_data ? [summary, h("div", { class: "chart-box" }, canvas)] : empty),
    e.has_data ? [h("h3", {}, T("per_device", "Per device")), devs] : null].flat().filter((x) => x));
    /* A chart is drawn into the page, not into a detached box: show()
     * clears the charts of the previous page. */
    box.pending = e.has_data ? () => energyChart(canvas, e) : null;
    if (box.isConnected) drawPending(box);
    box.dataset.period = period;
    box.dataset.rows = e.rows_read;
    box.dataset.now = e.now_ms;
  };
  await load(...linkPeriod());
  return box;
}

function drawPending(box) {
  if (box && box.pending) {
    const f = box.pending;
    box.pending = null;
    f();
  }
}

function total1(arr) {
  let s = null;
  for (const v of arr) if (v !== null) s = (s || 0) + v;
  return s === null ? T("no_data_short", "no data") : num(s, 1) + " kWh";
}

/* The gateway layouts pvsentry ships (collector/mqtt_preset.c). */
const MQTT_PRESETS = ["opendtu", "ahoy", "venus", "sbfspot", "deye", "shelly", "tasmota", "statestream"];

/* Installers: which gateways publish on the broker for this site, as
 * config sections (POST /sites/{id}/mqtt-learn), and the site's maps. */
function mqttLearnCard(id, maps) {
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
  const mine = maps.filter((m) => m.site_id === id);
  return [h("h2", {}, "MQTT gateways"), h("div", { class: "card" },
    h("p", { class: "muted" }, "OpenDTU, AhoyDTU, Venus OS, SBFspot, deye, Shelly, Tasmota: " +
      "the sections to add to the config file for what publishes now, or register a map " +
      "on the Register page."), b, out,
    h("ul", { id: "site-maps" }, mine.map((m) => h("li", {}, m.id + ": " + (m.preset || "own layout") +
      (m.devices && m.devices.length ? " (" + m.devices.join(", ") + ")" : "") +
      (m.source === "api" ? "" : " — config file"))))),
  ];
}

async function sitePage(id) {
  const s = await api("GET", "/sites/" + encodeURIComponent(id));
  const zone = s.timezone || "UTC";
  pageZone = zone;
  const names = await personNames();
  const energy = await energySection(id, zone, s.state);
  const maps = ["admin", "installer"].includes(me.role) ? await api("GET", "/mqtt-maps") : [];
  show(
    h("h1", {}, s.name || s.id, " ", badge(s.state)),
    zoneLine(zone, "the site's local time", Number(energy.dataset.now) || null),
    h("div", { class: "card" }, h("dl", { class: "facts" },
      h("dt", {}, "Address"), h("dd", {}, s.address || "—"),
      h("dt", {}, "Array"), h("dd", {}, num(s.kwp, 1) + " kWp, tilt " + num(s.tilt) + "°, azimuth " + num(s.azimuth) + "°"),
      h("dt", {}, "Customer"), h("dd", {}, names.customer[s.customer] || s.customer || "—"),
      h("dt", {}, "Technician"), h("dd", {}, names.technician[s.technician] || s.technician || "—"),
      h("dt", {}, "Access"), h("dd", {}, s.access_notes || "—"),
      h("dt", {}, "Defined in"), h("dd", {}, s.source === "api" ? "the dashboard" : "the config file"))),
    h("h2", {}, "Production and expected production"),
    energy,
    h("h2", {}, "Devices"),
    cards("devices", s.device_list, (d) => [d.id, me.role !== "customer" && (d.endpoint_url || d.endpoint) ?
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
        } }, "Test connection")] : null],
    [["Kind", (d) => d.kind || "—"], ["Power now", (d) => (d.last.ac_power_w === undefined ? "—" : num(d.last.ac_power_w) + " W")],
      ["Energy counter", (d) => (d.last.ac_energy_wh === undefined ? "—" : num(d.last.ac_energy_wh / 1000, 1) + " kWh")],
      ["Last seen", (d) => (d.last_seen_ms ? when(d.last_seen_ms, zone) : "never")]], "No devices yet."),
    mqttLearnCard(id, maps),
    h("h2", {}, "Ticket history"), ticketCards(s.tickets.items, zone));
  drawPending(energy);
}

let namesCache = null;
async function personNames() {
  if (namesCache) return namesCache;
  const out = { customer: {}, technician: {} };
  if (me.role !== "customer") {
    const [c, t] = await Promise.all([
      ["admin", "installer"].includes(me.role) ? api("GET", "/customers") : Promise.resolve([]),
      api("GET", "/technicians")]);
    for (const p of c) out.customer[p.id] = p.name || p.id;
    for (const p of t) out.technician[p.id] = p.name || p.id;
  }
  namesCache = out;
  return out;
}

/* ---- ticket ---- */

async function ticketPage(id, note) {
  const t = await api("GET", "/tickets/" + encodeURIComponent(id));
  const zone = t.site_timezone || "UTC";
  pageZone = zone;
  const canAct = me.role === "admin" || me.role === "technician";
  const a = t.alert || {};
  const svc = t.service || null;
  const text = h("textarea", { id: "action-text", placeholder: "Note (optional for most actions)" });
  const at = h("input", { id: "visit-at", type: "datetime-local" });
  const act = (action, extra) => async () => {
    const body = { text: text.value || undefined };
    if (action === "schedule") {
      if (!at.value) { ticketPage(id, message("error", "Choose the visit time first")); return; }
      body.at = siteWallClock(at.value);
    }
    Object.assign(body, extra || {});
    try {
      await api("POST", "/tickets/" + id + "/" + action, body);
      ticketPage(id, message("ok", "Done: " + action));
    } catch (e) {
      if (needsConfirmation(e, action, extra)) { act(action, { confirm: true })(); return; }
      const keep = text.value;
      await ticketPage(id, message("error", e.message));
      document.getElementById("action-text").value = keep;
    }
  };
  const person = (p) => (p ? p.name : "—");
  show(
    h("h1", {}, "#" + t.id + " ", t.title || t.rule),
    zoneLine(zone, "the site's local time", t.opened_ms),
    note || null,
    h("div", { class: "card" }, h("dl", { class: "facts" },
      h("dt", {}, "Status"), h("dd", { id: "ticket-status" }, t.status),
      h("dt", {}, "Severity"), h("dd", {}, badge(t.severity)),
      h("dt", {}, "Site"), h("dd", {}, h("a", { href: "#/site/" + encodeURIComponent(t.site) }, t.site_name || t.site)),
      h("dt", {}, "Address"), h("dd", {}, t.site_address || "—"),
      h("dt", {}, "Device"), h("dd", {}, t.device || "—"),
      h("dt", {}, "Opened"), h("dd", { id: "ticket-opened" }, when(t.opened_ms, zone)),
      h("dt", {}, "Energy lost"), h("dd", {}, num(t.lost_kwh, 1) + " kWh"),
      t.access_notes ? [h("dt", {}, "Access"), h("dd", {}, t.access_notes)] : null)),
    svc ? h("div", { class: "card", id: "escalation" },
      h("h2", {}, "Who is on it"),
      h("dl", { class: "facts" },
        h("dt", {}, "Assigned to"), h("dd", {}, person(svc.assignee)),
        h("dt", {}, "On call now"), h("dd", { id: "on-call" }, svc.on_call.length ? svc.on_call.map((p) => p.name).join(", ") : "nobody on call"),
        h("dt", {}, "Next escalation"), h("dd", { id: "next-escalation" },
          ["resolved", "closed", "false_alarm", "merged"].includes(t.status) ? "none: the ticket is " + t.status.replace("_", " ") :
            t.acknowledged_ms ? "none: acknowledged" :
              svc.next_at_ms ? when(svc.next_at_ms, zone) + (svc.steps.length > svc.level ?
                " unless acknowledged: then " + svc.steps[svc.level].name + " is called" : ": nobody further to call") :
                svc.delay_ms ? "none planned" : "never for this severity")),
      svc.steps.length ? h("ol", { class: "steps", id: "escalation-steps" }, svc.steps.map((x) =>
        h("li", { class: svc.level >= x.level ? "done" : null },
          (x.level === 1 ? "Then " : "Then the team lead, ") + x.name +
          (svc.delay_ms ? ", after " + Math.round(svc.delay_ms / 60000) + " min without acknowledgement" : "")))) :
        h("p", { class: "muted" }, "No escalation steps: the assignee is in no team rota.")) : null,
    canAct ? h("div", { class: "card", id: "ticket-actions" },
      h("h2", {}, "Actions"),
      h("div", { class: "row" }, h("label", { for: "action-text" }, "Note"), text),
      h("div", { class: "row" }, h("label", { for: "visit-at" }, "Visit (" + zone + " time)"), at),
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
    t.kb_article ? [h("h2", {}, "Knowledge base"), h("div", { class: "card kb", id: "kb" }, markdown(t.kb_article))] : null,
    h("h2", {}, "Timeline"),
    h("ul", { class: "timeline card", id: "timeline" }, t.events.map((e) => h("li", {},
      h("div", { class: "when" }, when(e.ts_ms, zone) + " · " + (e.actor || "pvsentry")),
      h("div", {}, h("strong", { title: e.kind, "data-kind": e.kind }, eventText(e.kind)),
        e.text ? " — " + e.text : "")))));
}

/* ---- forms that keep what was typed ---- */

function field(id, label, attrs) {
  return h("div", { class: "row" }, h("label", { for: id }, label),
    h("input", Object.assign({ id, name: id }, attrs || {})));
}

const decimal = { type: "text", inputmode: "decimal", autocomplete: "off",
  pattern: "\\s*[\\-+]?[0-9]+([.,][0-9]*)?\\s*" };

function selectField(id, label, options, attrs) {
  return h("div", { class: "row" }, h("label", { for: id }, label),
    h("select", Object.assign({ id, name: id }, attrs || {}),
      options.map(([v, t]) => h("option", { value: v }, t))));
}

/* A number as typed: "45,52" and "45.52" are the same. */
function parseNumber(v) {
  const n = Number(String(v).trim().replace(",", "."));
  return Number.isFinite(n) ? n : NaN;
}

function formValues(form, numbers) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.value === "") continue;
    out[el.name] = numbers.includes(el.name) ? parseNumber(el.value) : el.value;
  }
  return out;
}

/* Show the server's answer on the form itself: nothing typed is lost and
 * the field at fault is marked and focused. */
function formResult(form, kind, text, fieldName) {
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  let box = form.querySelector(".form-msg");
  if (!box) {
    box = h("div", { class: "form-msg" });
    form.insertBefore(box, form.children[1] || null);
  }
  box.replaceChildren(message(kind, text));
  if (fieldName && form.elements[fieldName]) {
    const el = form.elements[fieldName];
    el.setAttribute("aria-invalid", "true");
    el.focus();
  }
}

function submitter(form, path, numbers, after) {
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const v = formValues(form, numbers);
    for (const n of numbers) {
      if (Number.isNaN(v[n])) { formResult(form, "error", n + ": not a number", n); return; }
    }
    if (after && after.prepare) after.prepare(v);
    try {
      const r = await api("POST", path, v);
      namesCache = null;
      /* The lists on the page (sites, customers) change with it. */
      await installPage(message("ok", r.message));
    } catch (e) {
      /* A conflict (409) is about the id: it is taken. */
      const f = (after && after.input ? after.input(e.field) : e.field) ||
        (e.status === 409 ? "id" : null);
      formResult(form, "error", (e.field ? e.field + ": " : "") + e.message, f);
    }
  });
  return form;
}

const ID_PATTERN = "[A-Za-z0-9_.\\-]{1,64}";

async function installPage(note) {
  const [customers, techs, sites] = await Promise.all([
    api("GET", "/customers"), api("GET", "/technicians"), api("GET", "/sites?limit=1000")]);
  const siteForm = submitter(h("form", { id: "site-form", class: "card" },
    h("h2", {}, "Register a site"),
    h("div", { class: "two" }, field("id", "Site id", { required: true, pattern: ID_PATTERN,
      title: "1 to 64 letters, digits, '.', '-' or '_'" }),
      field("name", "Name", { required: true })),
    field("address", "Address"),
    h("div", { class: "two" },
      field("latitude", "Latitude", Object.assign({ required: true }, decimal)),
      field("longitude", "Longitude", Object.assign({ required: true }, decimal))),
    h("div", { class: "two" },
      field("kwp", "Array (kWp)", decimal),
      field("timezone", "Time zone", { value: "Europe/Paris" })),
    h("div", { class: "two" },
      field("tilt", "Tilt (°)", Object.assign({ value: 30 }, decimal)),
      field("azimuth", "Azimuth (°, 180 = south)", Object.assign({ value: 180 }, decimal))),
    h("div", { class: "two" },
      selectField("customer_id", "Customer", [["", "—"]].concat(customers.map((c) => [c.id, c.name || c.id]))),
      selectField("technician_id", "Technician", [["", "—"]].concat(techs.map((c) => [c.id, c.name || c.id])))),
    h("div", { class: "row" }, h("label", { for: "access_notes" }, "Access notes"),
      h("textarea", { id: "access_notes", name: "access_notes" })),
    h("button", { type: "submit", id: "site-submit" }, "Register site")),
  "/sites", ["latitude", "longitude", "kwp", "tilt", "azimuth"]);
  const devForm = submitter(h("form", { id: "device-form", class: "card" },
    h("h2", {}, "Register a device"),
    h("div", { class: "two" }, field("dev-id", "Device id", { required: true, pattern: ID_PATTERN }),
      selectField("site_id", "Site", sites.items.map((s) => [s.id, s.name || s.id]))),
    h("div", { class: "two" },
      selectField("kind", "Kind", [["inverter", "inverter"], ["meter", "meter"], ["sensor", "sensor"], ["logger", "logger"], ["battery", "battery"]]),
      field("dev-kwp", "Array on it (kWp)", decimal)),
    h("div", { class: "two" }, field("vendor", "Vendor"), field("model", "Model")),
    h("div", { class: "two" },
      field("endpoint_url", "Modbus address (tcp://host:502)", { placeholder: "tcp://192.0.2.10:502" }),
      field("unit_id", "Unit id", { type: "number", min: 0, max: 247, value: 1 })),
    h("button", { type: "submit", id: "device-submit" }, "Register device")),
  "/devices", ["kwp", "unit_id"], { prepare: (v) => { if (!v.endpoint_url) delete v.unit_id; } });
  for (const el of devForm.querySelectorAll("input")) {
    if (el.id === "dev-id") el.name = "id";
    if (el.id === "dev-kwp") el.name = "kwp";
  }
  const custForm = submitter(h("form", { id: "customer-form", class: "card" },
    h("h2", {}, "Add a customer"),
    h("div", { class: "two" }, field("cust-id", "Customer id", { required: true, pattern: ID_PATTERN }),
      field("cust-name", "Name", { required: true })),
    h("div", { class: "two" }, field("cust-email", "Email", { type: "email" }),
      field("cust-phone", "Phone", { type: "tel" })),
    h("p", { class: "muted" }, "An email address or a phone number is needed to reach the customer."),
    selectField("cust-language", "Language", [["en", "English"], ["fr", "Français"], ["de", "Deutsch"]]),
    h("button", { type: "submit", id: "customer-submit" }, "Add customer")),
  "/customers", []);
  for (const el of custForm.querySelectorAll("input, select")) el.name = el.id.replace("cust-", "");
  const mapForm = submitter(h("form", { id: "map-form", class: "card" },
    h("h2", {}, "Register a gateway's MQTT map"),
    h("div", { class: "two" }, field("map-id", "Map id", { required: true, pattern: ID_PATTERN }),
      selectField("map-site", "Site", sites.items.map((s) => [s.id, s.name || s.id]))),
    h("div", { class: "two" },
      selectField("preset", "Gateway", MQTT_PRESETS.map((p) => [p, p])),
      field("prefix", "Topic prefix (empty: the gateway's default)")),
    h("div", { class: "row" }, h("label", { for: "map-devices" }, "Devices: SERIAL DEVICE, one per line"),
      h("textarea", { id: "map-devices", name: "devices", placeholder: "114182912345 site-01-inv1" })),
    h("button", { type: "submit", id: "map-submit" }, "Register map")),
  "/mqtt-maps", [], { prepare: (v) => {
    v.devices = (v.devices || "").split("\n").map((x) => x.trim()).filter((x) => x);
    if (!v.devices.length) delete v.devices;
    if (v.prefix) v.settings = { prefix: v.prefix.trim() };
    delete v.prefix;
  }, input: (f) => (f === "settings.prefix" ? "prefix" : f) });
  for (const el of mapForm.querySelectorAll("input, select")) {
    if (el.id === "map-id") el.name = "id";
    if (el.id === "map-site") el.name = "site_id";
  }
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
    const refused = b.lines.filter((l) => !l.ok);
    let summary;
    if (dry) {
      summary = refused.length ? "Dry run: " + refused.length + " line(s) would be refused, so nothing would be imported; " +
        b.valid + " good line(s)." : "Dry run: all " + b.valid + " line(s) are good: the import would create them all.";
    } else if (b.imported) {
      summary = "Imported: " + b.created + " created.";
    } else {
      summary = "Nothing was imported: " + refused.length + " line(s) refused. Fix them and import the whole file again.";
    }
    report.replaceChildren(message(refused.length ? "error" : "ok", summary),
      h("ul", { class: "refused" }, refused.map((l) => h("li", {},
        "line " + l.line + (l.field ? " (" + l.field + ")" : "") + ": " + l.error))));
    if (!dry && b.imported) namesCache = null;
  };
  const importCard = h("div", { class: "card", id: "import" },
    h("h2", {}, "Import from CSV"),
    h("p", { class: "muted" }, "First line: type,id and the field names (name, latitude, longitude, " +
      "customer_id, site_id, kind, email...). One site, device, customer or technician per line. " +
      "All or nothing: if any line is refused, nothing is imported."),
    h("div", { class: "row" }, h("label", { for: "csv-file" }, "CSV file"), file),
    h("div", { class: "actions" },
      h("button", { type: "button", id: "import-dry", class: "secondary", onclick: runImport(true) }, "Check (dry run)"),
      h("button", { type: "button", id: "import-run", onclick: runImport(false) }, "Import")),
    report);
  show(h("h1", {}, "Register"), note || null, h("div", { class: "grid" }, siteForm, devForm, custForm, mapForm), importCard,
    h("h2", {}, "Sites"),
    cards("site-list", sites.items, (s) => h("a", { href: "#/site/" + encodeURIComponent(s.id) }, s.name || s.id),
      [["Status", (s) => badge(s.state)], ["Devices", (s) => String(s.devices)],
        ["Defined in", (s) => (s.source === "api" ? "the dashboard" : "the config file")]], "No sites yet."));
}

/* ---- admin: users, roles, tokens ---- */

async function adminPage(note) {
  const [users, tokens, customers, techs] = await Promise.all([
    api("GET", "/users"), api("GET", "/tokens"), api("GET", "/customers"), api("GET", "/technicians")]);
  const people = { customer: customers, technician: techs };
  const pname = (role, id) => {
    const p = (people[role] || []).find((x) => x.id === id);
    return p ? p.name || p.id : id;
  };
  const uname = (id) => { const u = users.find((x) => x.id === id); return u ? u.username : "#" + id; };
  const roleSel = h("select", { id: "new-role", name: "role" },
    ["technician", "installer", "customer", "admin"].map((r) => h("option", { value: r }, r)));
  const personSel = h("select", { id: "new-person", name: "person" });
  const fillPersons = () => {
    const list = people[roleSel.value] || [];
    personSel.replaceChildren(...list.map((p) => h("option", { value: p.id }, p.name || p.id)));
    personSel.disabled = !list.length;
    personSel.closest(".row").hidden = !(roleSel.value in people);
  };
  roleSel.addEventListener("change", fillPersons);
  const form = h("form", { id: "user-form", class: "card" },
    h("h2", {}, "Create a user"),
    h("div", { class: "two" }, field("new-username", "User name", { name: "username", required: true, autocomplete: "off" }),
      h("div", { class: "row" }, h("label", { for: "new-role" }, "Role"), roleSel)),
    h("div", { class: "row" }, h("label", { for: "new-person" }, "Linked record"), personSel),
    field("new-password", "Password (at least 10 characters)", { name: "password", type: "password",
      minlength: 10, required: true, autocomplete: "new-password" }),
    h("button", { type: "submit", id: "user-submit" }, "Create user"));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const body = { username: form.username.value, role: roleSel.value, password: form.password.value };
    if (roleSel.value in people) body.person = personSel.value;
    try {
      const r = await api("POST", "/users", body);
      adminPage(message("ok", r.message || "user created"));
    } catch (e) {
      formResult(form, "error", (e.field ? e.field + ": " : "") + e.message, e.field);
    }
  });
  const userCard = (u) => {
    const pw = h("input", { type: "password", class: "reset-pw", placeholder: "new password (10+ characters)",
      "aria-label": "new password for " + u.username, minlength: 10, autocomplete: "new-password" });
    const box = h("div", { class: "user-msg" });
    return h("li", { class: "card item user", "data-user": u.username },
      h("div", { class: "item-title" }, u.username, " ", h("span", { class: "badge " + (u.disabled ? "critical" : "ok") },
        u.disabled ? "disabled" : "active")),
      h("dl", { class: "facts" },
        h("dt", {}, "Role"), h("dd", {}, u.role),
        u.person ? [h("dt", {}, "Linked to"), h("dd", {}, pname(u.role, u.person))] : null,
        h("dt", {}, "Tokens"), h("dd", {}, String(tokens.filter((t) => t.user_id === u.id && !t.revoked_ms).length))),
      box,
      h("div", { class: "actions" }, pw,
        h("button", { type: "button", class: "secondary reset", onclick: async () => {
          try {
            const r = await api("PATCH", "/users/" + u.id, { password: pw.value });
            adminPage(message("ok", u.username + ": " + r.message));
          } catch (e) {
            box.replaceChildren(message("error", e.message));
            pw.setAttribute("aria-invalid", "true");
          }
        } }, "Reset password"),
        u.disabled ? null : h("button", { type: "button", class: "secondary disable", onclick: async () => {
          try {
            await api("DELETE", "/users/" + u.id);
            adminPage(message("ok", u.username + " is disabled: tokens revoked, logged out"));
          } catch (e) { box.replaceChildren(message("error", e.message)); }
        } }, "Disable")));
  };
  show(h("h1", {}, "Users and access"), note || null, zoneLine(viewerZone(), "in your time zone"),
    form,
    h("h2", {}, "Users"), h("ul", { class: "cards", id: "users" }, users.map(userCard)),
    h("h2", {}, "API tokens"),
    cards("tokens", tokens, (t) => t.name || "token #" + t.id,
      [["User", (t) => uname(t.user_id)], ["Created", (t) => when(t.created_ms)],
        ["Expires", (t) => (t.expires_ms ? when(t.expires_ms) : "never")],
        ["State", (t) => (t.revoked_ms !== null && t.revoked_ms !== undefined ? "revoked" :
          h("button", { type: "button", class: "secondary revoke", onclick: async () => {
            try {
              await api("DELETE", "/tokens/" + t.id);
              adminPage(message("ok", "token revoked"));
            } catch (e) { adminPage(message("error", e.message)); }
          } }, "Revoke"))]], "No tokens."));
  fillPersons();
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
  let zone = null;
  for (const s of sites.items) {
    const full = await api("GET", "/sites/" + encodeURIComponent(s.id));
    zone = zone || full.timezone;
    const active = full.tickets.items.filter((t) => plain[t.status]);
    const said = (st) => T("status." + st, plain[st]);
    const done = full.tickets.items.filter((t) => ["resolved", "closed"].includes(t.status)).slice(0, 3);
    const contactText = h("textarea", { id: "contact-" + s.id, placeholder: T("write_placeholder", "Tell us what you see") });
    const energy = await energySection(s.id, full.timezone, full.state,
      (devId) => customerDevice(full.device_list, devId));
    blocks.push(h("div", { class: "card site-status", "data-site": s.id },
      h("h2", {}, s.name || s.id),
      h("p", {}, active.length ? "" : s.state === "ok" ? T("all_ok", "Everything is working normally.") :
        s.state === "no_data" ? T("no_data_yet", "We have not received data from your installation yet.") : ""),
      active.map((t) => h("div", {}, h("p", {}, customerDevice(full.device_list, t.device) + ": " + said(t.status)),
        h("div", { class: "actions" }, customerButton(T("works_again", "It works again"),
          "/tickets/" + t.id + "/works_again")))),
      done.map((t) => {
        const csat = h("select", { "aria-label": T("satisfaction", "satisfaction") },
          [5, 4, 3, 2, 1].map((v) => h("option", { value: v }, v + " / 5")));
        return h("div", { class: "actions survey" },
          /* The customer's name for it: the ticket's title is staff's. */
          h("span", {}, T("how_did_we_do", "How did we do with “{{title}}”?", {
            title: t.device ? customerDevice(full.device_list, t.device) : T("the_repair", "the repair") })),
          csat, customerButton(T("send", "Send"), "/tickets/" + t.id + "/survey", () => ({ csat: Number(csat.value) })));
      }),
      energy,
      h("div", { class: "row" }, h("label", { for: "contact-" + s.id }, T("write_label", "Write to us about this installation")),
        contactText),
      h("div", { class: "actions" }, customerButton(T("send_message", "Send message"), "/contact",
        () => ({ site: s.id, text: contactText.value })))));
  }
  pageZone = zone;
  show(h("h1", {}, T("title", "My installation")),
    zone ? zoneLine(zone, T("local_time", "your installation's local time")) : null,
    note || null, blocks.length ? blocks : h("p", {}, T("no_installation", "No installation yet.")),
    h("h2", {}, T("messages", "Messages we sent you")), customerMessages(notices, sites.items));
  for (const box of document.querySelectorAll("#energy")) drawPending(box);
}

/* What a customer calls a device: its label, else "inverter 2" (by id). */
function customerDevice(devices, id) {
  if (!id) return T("your_installation", "Your installation");
  const list = (devices || []).slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const d = list.find((x) => x.id === id);
  if (d && d.label) return d.label;
  return T("inverter", "Inverter {{n}}", { n: list.indexOf(d) + 1 || 1 });
}

/* A time in the site's zone, with the zone's name. */
function zoned(ms, tz) {
  if (ms === null || ms === undefined) return "—";
  try {
    return new Intl.DateTimeFormat(locale || "en-GB", { timeZone: tz || "UTC", dateStyle: "long", timeStyle: "short" })
      .format(new Date(ms)) + " (" + (tz || "UTC") + ")";
  } catch (e) {
    return when(ms);
  }
}

/* The messages as the customer read them: subject, when sent, the text. */
function customerMessages(notices, sites) {
  if (!notices.length) return h("p", { class: "muted" }, T("none_so_far", "None so far."));
  const tz = {};
  for (const s of sites) tz[s.id] = s.timezone;
  return h("ul", { class: "timeline card", id: "notices" }, notices.map((n) => h("li", { class: "notice" },
    h("div", { class: "when" }, zoned(n.sent_ms, tz[n.site])),
    h("strong", { class: "notice-subject" }, n.subject || ""),
    h("div", { class: "notice-text" }, reflow(n.text || "")))));
}

/* Mail text is wrapped for mail readers: let the page wrap paragraphs,
 * keeping blank lines and indented lines (links, choices) as written. */
function reflow(text) {
  return text.replace(/([^\n])\n(?=[^\n ])/g, "$1 ");
}

/* ---- visits in the site's time ---- */

/* The typed wall clock, sent without a zone: the site's time, whatever
 * zone the browser is in. */
function siteWallClock(value) {
  return value.length === 16 ? value + ":00" : value;
}

/* "Mark fixed" while the device still reports the fault: ask first. */
function needsConfirmation(e, action, extra) {
  return action === "fixed" && e.status === 409 && !(extra && extra.confirm) &&
    window.confirm(e.message + "\n\nMark it fixed anyway?");
}

/* ---- routing ---- */

/* A customer's words, in their language; staff keep English. */
async function loadWords() {
  words = {};
  locale = undefined;
  if (!me || me.role !== "customer") return;
  try {
    const w = await api("GET", "/words");
    words = w.words || {};
    locale = w.lang;
    document.documentElement.lang = w.lang;
  } catch (e) { /* English, then */ }
}

async function route() {
  navSeq++;
  const hash = location.hash || "#/";
  const parts = hash.slice(2).split("?")[0].split("/").map(decodeURIComponent);
  if (!me) {
    try {
      me = await api("GET", "/me");
    } catch (e) {
      if (e instanceof Stale) return;
      loginPage(null);
      return;
    }
    await loadWords();
  }
  setNav();
  pageZone = null;
  try {
    if (parts[0] === "site" && parts[1]) await sitePage(parts[1]);
    else if (parts[0] === "ticket" && parts[1]) await ticketPage(parts[1]);
    else if (parts[0] === "tickets") await ticketsPage();
    else if (parts[0] === "install") await installPage();
    else if (parts[0] === "admin" && me.role === "admin") await adminPage();
    else if (parts[0] === "status" || me.role === "customer") await statusPage();
    else await fleetPage();
  } catch (e) {
    if (e instanceof Stale) return;
    if (e.status === 401) { me = null; loginPage("Please log in again."); return; }
    show(h("h1", {}, "Cannot show this page"), message("error", e.message),
      h("p", {}, h("a", { href: "#/" }, "Back to the start")));
  }
}

document.getElementById("logout").addEventListener("click", async () => {
  try { await api("POST", "/logout"); } catch (e) { /* gone anyway */ }
  me = null;
  namesCache = null;
  words = {};
  locale = undefined;
  document.documentElement.lang = "en";
  location.hash = "#/";
  loginPage(null);
});
window.addEventListener("hashchange", route);
route();
