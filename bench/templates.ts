/**
 * Renders the same 100k personalised messages with our template renderer, Handlebars
 * and LiquidJS in one run, each template parsed or compiled once, and prints the times
 * and ratios. Goal: ours at least twice as fast as both.
 *
 *   npx tsx bench/templates.ts
 */
import Handlebars from "handlebars";
import { Liquid } from "liquidjs";
import { parseTemplate } from "@/lib/templates/parse";
import { renderNodes } from "@/lib/templates/render";

const COUNT = Number(process.env.BENCH_MESSAGES ?? 100_000);

const ours = 'Bonjour { customer.first_name | "cher client" }, votre { customer.vehicle_make } { customer.vehicle_model } est prête chez { company.name }. Rendez-vous le { appointment.date } à { appointment.time }. Répondez OUI pour confirmer.';
const handlebars =
  "Bonjour {{#if customer.first_name}}{{customer.first_name}}{{else}}cher client{{/if}}, votre {{customer.vehicle_make}} {{customer.vehicle_model}} est prête chez {{company.name}}. Rendez-vous le {{appointment.date}} à {{appointment.time}}. Répondez OUI pour confirmer.";
const liquid =
  'Bonjour {{ customer.first_name | default: "cher client" }}, votre {{ customer.vehicle_make }} {{ customer.vehicle_model }} est prête chez {{ company.name }}. Rendez-vous le {{ appointment.date }} à {{ appointment.time }}. Répondez OUI pour confirmer.';

type Context = { customer: Record<string, string>; company: Record<string, string>; appointment: Record<string, string> };

const makes = ["Toyota", "Honda", "Mazda", "Ford", "Hyundai"];
const contexts: Context[] = Array.from({ length: COUNT }, (_, i) => ({
  customer: { first_name: i % 10 === 0 ? "" : `Client${i}`, vehicle_make: makes[i % makes.length]!, vehicle_model: `Modèle ${i % 37}` },
  company: { name: "Beaulieu Automobiles" },
  appointment: { date: `${1 + (i % 28)} décembre`, time: `${8 + (i % 9)} h 30` },
}));

function time(label: string, render: (context: Context) => string) {
  render(contexts[0]!); // warm-up
  let check = 0;
  const start = performance.now();
  for (const context of contexts) check += render(context).length;
  const ms = performance.now() - start;
  return { label, ms, check };
}

const nodes = parseTemplate(ours);
const compiled = Handlebars.compile(handlebars, { noEscape: true });
const engine = new Liquid();
const liquidTemplate = engine.parse(liquid);

const results = [
  time("Parley renderer", (context) =>
    renderNodes(nodes, (_path, scope, key) => (context as Record<string, Record<string, string>>)[scope!]?.[key!]),
  ),
  time("Handlebars", (context) => compiled(context)),
  time("LiquidJS", (context) => engine.renderSync(liquidTemplate, context) as string),
];

if (new Set(results.map((r) => r.check)).size !== 1) throw new Error(`Renderers disagree: ${results.map((r) => r.check).join(" / ")} characters`);
const oursMs = results[0]!.ms;
console.log(`${COUNT.toLocaleString("en")} personalised messages, each template parsed once`);
for (const result of results) {
  const ratio = result === results[0] ? "" : `  (ours ${(result.ms / oursMs).toFixed(1)}× faster)`;
  console.log(`  ${result.label.padEnd(16)} ${result.ms.toFixed(0).padStart(6)} ms   ${((COUNT / result.ms) * 1000).toFixed(0).padStart(9)} msg/s${ratio}`);
}
