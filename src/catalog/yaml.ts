import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

const requireModule = createRequire(import.meta.url);
let yaml: Yaml | undefined;

/**
 * The `yaml` package, loaded the first time a YAML file is read. A start whose
 * catalog comes from the parsed-catalog cache (cache.ts) never reads one, and
 * the parser's ≈40 modules are a tenth of the one-shot CLI's start-up budget.
 */
export function yamlParser(): Yaml {
  yaml ??= requireModule('yaml') as Yaml;
  return yaml;
}
