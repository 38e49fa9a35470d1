#!/usr/bin/env node
// Validates every *.form (Camunda Forms JSON) in a directory against
// lint/camunda-forms-schema.json plus a few project rules.
//
// Usage: node lint/validate-forms.mjs [dir]
//   dir defaults to $FORMS_DIR, then to <repo>/forms.
// Exit code: 0 = all forms valid (or no forms), 1 = at least one problem.

import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const MAX_SCHEMA_VERSION = 16;

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const formsDir = resolve(process.argv[2] || process.env.FORMS_DIR || join(repoRoot, 'forms'));
const schemaPath = join(here, 'camunda-forms-schema.json');

const display = (file) => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};

if (!existsSync(formsDir) || !statSync(formsDir).isDirectory()) {
  console.log(`${display(formsDir)}: no such directory, no forms to validate`);
  process.exit(0);
}

const files = readdirSync(formsDir)
  .filter((name) => name.endsWith('.form'))
  .sort()
  .map((name) => join(formsDir, name));

if (files.length === 0) {
  console.log(`${display(formsDir)}: no .form files, nothing to validate`);
  process.exit(0);
}

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validateSchema = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

// JSON Pointer (/components/0/key) -> readable path ($.components[0].key)
function jsonPath(pointer) {
  if (!pointer) return '$';
  return '$' + pointer.split('/').slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`))
    .join('');
}

function schemaErrors(form) {
  if (validateSchema(form)) return [];
  const problems = [];
  for (const err of validateSchema.errors) {
    // "must match then schema" only repeats the error reported below it
    if (err.keyword === 'if') continue;
    // reported with a clearer message by the project rules
    if (err.instancePath === '/schemaVersion' && err.keyword === 'maximum') continue;
    let path = jsonPath(err.instancePath);
    let message = err.message;
    if (err.keyword === 'propertyNames') {
      continue; // the same property is reported by the enum error below propertyNames
    } else if (err.propertyName !== undefined) {
      path = `${path}.${err.propertyName}`;
      message = `property is not allowed on a component of type ${JSON.stringify(valueAt(form, err.instancePath + '/type'))}`;
    } else if (err.keyword === 'enum') {
      message += ': ' + err.params.allowedValues.map((v) => JSON.stringify(v)).join(', ');
    } else if (err.keyword === 'const') {
      message += ': ' + JSON.stringify(err.params.allowedValue);
    } else if (err.keyword === 'additionalProperties') {
      path = `${path}.${err.params.additionalProperty}`;
      message = 'property is not allowed here';
    } else if (err.keyword === 'required') {
      message = `required property "${err.params.missingProperty}" is missing`;
    } else if (err.keyword === 'not') {
      const exclusive = EXCLUSIVE[valueAt(form, err.instancePath + '/type')];
      if (exclusive) message = `only one of ${exclusive.join(', ')} may be set`;
    }
    problems.push({ path, message });
  }
  return dedupe(problems);
}

const EXCLUSIVE = {
  checklist: ['values', 'valuesKey', 'valuesExpression'],
  radio: ['values', 'valuesKey', 'valuesExpression'],
  select: ['values', 'valuesKey', 'valuesExpression'],
  taglist: ['values', 'valuesKey', 'valuesExpression'],
  table: ['columns', 'columnsExpression']
};

function valueAt(form, pointer) {
  let node = form;
  for (const seg of pointer.split('/').slice(1)) {
    node = node == null ? undefined : node[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function dedupe(problems) {
  const seen = new Set();
  return problems.filter(({ path, message }) => {
    const k = path + '\0' + message;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

const PROHIBITED_SEGMENTS = ['__proto__', 'prototype', 'constructor'];

function projectRuleErrors(form, file) {
  const problems = [];
  const expectedId = basename(file, '.form');

  if (typeof form.schemaVersion !== 'number') {
    problems.push({ path: '$.schemaVersion', message: 'schemaVersion is missing' });
  } else if (form.schemaVersion > MAX_SCHEMA_VERSION) {
    problems.push({
      path: '$.schemaVersion',
      message: `schemaVersion ${form.schemaVersion} is newer than ${MAX_SCHEMA_VERSION}, the highest the Camunda 7.24 Tasklist (form-js) renders`
    });
  }

  if (form.id !== expectedId) {
    problems.push({ path: '$.id', message: `id must equal the file name "${expectedId}" (is ${JSON.stringify(form.id)})` });
  }

  const ids = new Map();
  // scope: binding names claimed in the current data scope (reset inside a dynamiclist item)
  const walk = (components, basePath, prefix, scope) => {
    if (!Array.isArray(components)) return;
    components.forEach((c, i) => {
      const path = `${basePath}.components[${i}]`;
      if (!c || typeof c !== 'object') return;

      if ('label' in c && (typeof c.label !== 'string' || c.label.trim() === '')) {
        problems.push({ path: `${path}.label`, message: 'label must not be empty' });
      }

      if (typeof c.id === 'string') {
        if (ids.has(c.id)) {
          problems.push({ path: `${path}.id`, message: `duplicate component id "${c.id}" (also at ${ids.get(c.id)})` });
        } else {
          ids.set(c.id, path);
        }
      }

      for (const prop of ['key', 'path']) {
        const value = c[prop];
        if (typeof value !== 'string' || value === '') continue;
        const segments = value.split('.');
        if (segments.some((s) => /^\d+$/.test(s))) {
          problems.push({ path: `${path}.${prop}`, message: `${prop} "${value}" must not contain numerical path segments` });
        }
        if (segments.some((s) => PROHIBITED_SEGMENTS.includes(s))) {
          problems.push({ path: `${path}.${prop}`, message: `${prop} "${value}" uses a prohibited path segment` });
        }
      }

      if (typeof c.key === 'string' && c.key !== '' && c.type !== 'button') {
        const full = prefix + c.key;
        if (scope.has(full)) {
          problems.push({ path: `${path}.key`, message: `key "${full}" is already bound by ${scope.get(full)}` });
        } else {
          scope.set(full, path);
        }
      }

      if (Array.isArray(c.components)) {
        const childPrefix = typeof c.path === 'string' && c.path !== '' ? `${prefix}${c.path}.` : prefix;
        if (c.type === 'dynamiclist') {
          walk(c.components, path, '', new Map());
        } else {
          walk(c.components, path, childPrefix, scope);
        }
      }
    });
  };
  walk(form.components, '$', '', new Map());

  return problems;
}

let failed = 0;

for (const file of files) {
  const name = display(file);
  let form;
  try {
    form = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.log(`${name}: FAILED\n  $: not valid JSON: ${err.message}`);
    failed++;
    continue;
  }

  if (!form || typeof form !== 'object' || Array.isArray(form)) {
    console.log(`${name}: FAILED\n  $: a form must be a JSON object`);
    failed++;
    continue;
  }

  const problems = dedupe([...schemaErrors(form), ...projectRuleErrors(form, file)]);

  if (problems.length === 0) {
    console.log(`${name}: OK`);
  } else {
    failed++;
    console.log(`${name}: FAILED`);
    for (const { path, message } of problems) {
      console.log(`  ${path}: ${message}`);
    }
  }
}

console.log(`\n${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
