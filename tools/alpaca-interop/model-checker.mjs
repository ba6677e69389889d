// Checks an SDK-mapped response against the model interface the SDK declares for it, read from
// the package's own TypeScript sources (generated from Alpaca's OpenAPI specification): required
// fields present, and each present field of the declared type (string, number, boolean, a valid
// Date, a member of the declared enum, or a nested model checked the same way).
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sdk from "@alpacahq/alpaca-trade-api";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "node_modules", "@alpacahq", "alpaca-trade-api");
const FIELD = /@type \{([^}]+)\}[\s\S]*?\*\/\s*\n\s*'?(\w+)'?(\?)?:\s*([^;]+);/g;
const NAMESPACE_DIRS = { trading: "trading", marketData: "market-data" };

export class ModelChecker {
  #fields = new Map();

  problems(ns, model, value, path = model) {
    if (value === null || typeof value !== "object") return [`${path}: not an object (${value})`];
    const problems = [];
    for (const field of this.#declared(ns, model)) {
      const v = value[field.name];
      const where = `${path}.${field.name}`;
      if (v === undefined || v === null) {
        if (field.required && !(v === null && field.nullable)) problems.push(`${where}: required, missing`);
        continue;
      }
      problems.push(...this.#typeProblems(ns, field.type, v, where));
    }
    return problems;
  }

  #typeProblems(ns, type, v, where) {
    const array = /^Array<(.+)>$/.exec(type);
    if (array) {
      if (!Array.isArray(v)) return [`${where}: expected an array, got ${typeof v}`];
      return v.flatMap((item, i) => this.#typeProblems(ns, array[1], item, `${where}[${i}]`));
    }
    switch (type) {
      case "string":
      case "number":
      case "boolean":
        return typeof v === type ? [] : [`${where}: expected ${type}, got ${typeof v} ${JSON.stringify(v)}`];
      case "Date":
        return v instanceof Date && !Number.isNaN(v.getTime()) ? [] : [`${where}: expected a valid date, got ${String(v)}`];
      case "any":
      case "object":
        return [];
    }
    if (type.startsWith("{")) return []; // free-form maps
    const exported = sdk[ns][type];
    if (exported && typeof exported === "object") {
      const members = Object.values(exported);
      return members.includes(v) ? [] : [`${where}: ${JSON.stringify(v)} is not a ${type} (${members.join("|")})`];
    }
    if (this.#modelFile(ns, type)) return this.problems(ns, type, v, where);
    return [`${where}: the SDK declares type ${type}, which this checker does not know`];
  }

  #declared(ns, model) {
    const key = `${ns}.${model}`;
    if (!this.#fields.has(key)) {
      const file = this.#modelFile(ns, model);
      if (!file) throw new Error(`no model ${model} in the SDK's ${ns} sources under ${packageDir}`);
      const source = readFileSync(file, "utf8");
      const start = source.search(new RegExp(`export interface ${model}\\b[^{]*\\{`));
      const body = start < 0 ? "" : source.slice(start, source.indexOf("\n}\n", start));
      const fields = [...body.matchAll(FIELD)].map(([, type, name, optional, tsType]) => ({
        name,
        type: type.trim(),
        required: optional !== "?",
        nullable: /\bnull\b/.test(tsType),
      }));
      if (fields.length === 0) throw new Error(`model ${model}: no fields parsed from ${file}`);
      this.#fields.set(key, fields);
    }
    return this.#fields.get(key);
  }

  #modelFile(ns, model) {
    const file = join(packageDir, "src", NAMESPACE_DIRS[ns], "models", `${model}.ts`);
    return existsSync(file) ? file : null;
  }
}
