// Calls every endpoint of the API with every documented parameter, through a client generated from the served
// OpenAPI document (openapi-typescript types, openapi-fetch calls), and checks that each parameter changes the result as
// its description says. The C# test ApiContractTests runs it against the served document: type-checked with tsc, then run with tsx.
import createClient from "openapi-fetch";
import type { paths } from "./schema";

declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

const base = process.env.API_BASE;
if (!base) {
  throw new Error("API_BASE must be set");
}
const client = createClient<paths>({ baseUrl: base });
const used = new Set<string>();
const failures: string[] = [];

function note(path: string, query: object = {}): void {
  used.add(path);
  for (const key of Object.keys(query)) {
    used.add(`${path}?${key}`);
  }
}

function check(condition: boolean, message: string): void {
  if (!condition) {
    failures.push(message);
  }
}

function must<T>(data: T | undefined, what: string): T {
  if (data === undefined) {
    throw new Error(`${what}: no data`);
  }
  return data;
}

function contains(period: string, year: number): boolean {
  const [start, end] = period.split("-").map(Number);
  return start <= year && (end ?? start) >= year;
}

const regions = must((await client.GET("/api/regions")).data, "regions");
note("/api/regions");
check(regions.some((r) => r.slug === "linyi" && r.kind === "city"), "regions list the city");

const categories = must((await client.GET("/api/categories")).data, "categories");
note("/api/categories");
check(categories.length > 5, "categories are listed");

const allIndicators = must((await client.GET("/api/indicators")).data, "indicators");
note("/api/indicators");
const economyQuery = { category: "economy" };
const economy = must((await client.GET("/api/indicators", { params: { query: economyQuery } })).data, "indicators?category");
note("/api/indicators", economyQuery);
check(economy.length > 0 && economy.length < allIndicators.length && economy.every((i) => i.category === "economy"), "indicators: category filters");
const economyCodes = new Set(economy.map((i) => i.code));

const rules = must((await client.GET("/api/rules")).data, "rules");
note("/api/rules");
check(rules.statuses.some((r) => r.status === "awaiting-result") && rules.shapes.some((r) => r.shape === "annual"), "rules list every status and shape");
const documents = must((await client.GET("/api/documents")).data, "documents");
note("/api/documents");
check(documents.some((d) => d.code === "gwr2024"), "documents list the 2024 work report");

type ObservationQuery = NonNullable<paths["/api/observations"]["get"]["parameters"]["query"]>;
async function observations(query: ObservationQuery) {
  const response = await client.GET("/api/observations", { params: { query: { size: 500, ...query } } });
  note("/api/observations", { size: 500, ...query });
  return must(response.data, `observations ${JSON.stringify(query)}`);
}

const all = await observations({});
check(all.total > 0 && all.items.every((o) => o.ofRecord), "observations: figures of record by default");

const junan = await observations({ region: "junan" });
check(junan.total > 0 && junan.total < all.total && junan.items.every((o) => o.region === "junan"), "observations: region filters");

const byCategory = await observations({ category: "economy" });
check(byCategory.total > 0 && byCategory.items.every((o) => economyCodes.has(o.indicator)), "observations: category filters");

const year = await observations({ year: "2024" });
check(year.total > 0 && year.items.every((o) => contains(o.period, 2024)) && year.items.some((o) => o.period.includes("-")),
  "observations: a year matches the periods that contain it");
const span = await observations({ year: "2022-2026" });
check(span.total > 0 && span.items.every((o) => o.period === "2022-2026"), "observations: a span matches exactly");

const targets = await observations({ kind: "target" });
check(targets.total > 0 && targets.items.every((o) => o.kind === "target"), "observations: kind filters");

const gdp = await observations({ indicator: ["gdp"] });
check(gdp.total > 0 && gdp.items.every((o) => o.indicator === "gdp"), "observations: indicator=gdp returns only GDP figures");
const two = await observations({ indicator: ["gdp", "gdp_growth"] });
check(new Set(two.items.map((o) => o.indicator)).size === 2 && two.total === gdp.total + (await observations({ indicator: ["gdp_growth"] })).total,
  "observations: several indicators");

const gwr = await observations({ document: "gwr2024", history: true });
check(gwr.total > 0 && gwr.items.every((o) => o.document === "gwr2024"), "observations: document filters");

const history = await observations({ history: true });
check(history.total > all.total && history.items.some((o) => !o.ofRecord), "observations: history adds the other reports");

const outside = await observations({ outside: true });
check(outside.total > all.total && outside.items.some((o) => o.region === "yiyuan"), "observations: outside adds places outside Linyi");

const first = must((await client.GET("/api/observations", { params: { query: { page: 1, size: 5 } } })).data, "page 1");
const second = must((await client.GET("/api/observations", { params: { query: { page: 2, size: 5 } } })).data, "page 2");
note("/api/observations", { page: 2, size: 5 });
check(first.items.length === 5 && second.items.length === 5 && second.page === 2 && first.pageSize === 5
  && JSON.stringify(first.items) !== JSON.stringify(second.items), "observations: page and size");
const keyed = must((await client.GET("/api/observations", { params: { query: { size: 5, after: first.next ?? undefined } } })).data, "after");
note("/api/observations", { size: 5, after: first.next });
check(typeof first.next === "number" && JSON.stringify(keyed.items) === JSON.stringify(second.items), "observations: after continues where next left off");

const bad = await client.GET("/api/observations", { params: { query: { year: "20x4" } } });
check(bad.response.status === 400 && typeof bad.error?.detail === "string", "observations: a bad year is a 400 ProblemDetails");

type GoalQuery = NonNullable<paths["/api/goals"]["get"]["parameters"]["query"]>;
async function goals(query: GoalQuery) {
  const response = await client.GET("/api/goals", { params: { query } });
  note("/api/goals", query);
  return must(response.data, `goals ${JSON.stringify(query)}`);
}
const everyGoal = await goals({});
const cityGoals = await goals({ region: "linyi" });
check(cityGoals.length > 0 && cityGoals.length < everyGoal.length && cityGoals.every((g) => g.region === "linyi"), "goals: region filters");
const economyGoals = await goals({ region: "linyi", category: "economy" });
check(economyGoals.length > 0 && economyGoals.every((g) => economyCodes.has(g.indicator)), "goals: category filters");
const goals2024 = await goals({ region: "linyi", year: "2024" });
check(goals2024.length > 0 && goals2024.every((g) => contains(g.period, 2024)), "goals: year filters");
const growth = await goals({ region: "linyi", indicator: ["gdp_growth"] });
check(growth.length > 0 && growth.every((g) => g.indicator === "gdp_growth") && growth.every((g) => typeof g.status === "string"),
  "goals: indicator filters, and each goal has a status");

// Every path and parameter of the document must have been exercised above.
const document = (await (await fetch(new URL("/openapi/v1.json", base))).json()) as {
  paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
};
const documented = Object.entries(document.paths).flatMap(([path, item]) =>
  [path, ...(item.get?.parameters ?? []).map((p) => `${path}?${p.name}`)]);
const missed = documented.filter((d) => !used.has(d));
check(missed.length === 0, `not exercised: ${missed.join(", ")}`);

console.log(`exercised ${documented.length} paths and parameters`);
if (failures.length > 0) {
  console.log(failures.map((f) => `FAILED ${f}`).join("\n"));
  process.exit(1);
}
console.log("all passed");
