// The AWS calls the code makes, read from src/ itself with TypeScript's checker: starting from an entry point, every
// top-level declaration it can reach (through static imports, `await import()` and calls, never through types), and in
// each the SDK commands it constructs (`new XCommand(`), lib-storage uploads, engine pushes and registry requests. A new
// call anywhere on that path shows up here, so the policy tests fail until the template grants it.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import ts from 'typescript';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

/** The SDK packages, by the IAM service prefix of the API they call. */
const SDK_SERVICE: Record<string, string> = {
  '@aws-sdk/client-s3': 's3',
  '@aws-sdk/client-sagemaker': 'sagemaker',
  '@aws-sdk/client-ecs': 'ecs',
  '@aws-sdk/client-ecr': 'ecr',
  '@aws-sdk/client-cloudwatch-logs': 'logs',
  '@aws-sdk/client-secrets-manager': 'secretsmanager',
  '@aws-sdk/client-sts': 'sts',
  '@aws-sdk/client-kms': 'kms',
};

/** lib-storage's Upload: one PutObject for a small body, a multipart upload otherwise (aborted when it fails). */
const UPLOAD_CALLS = [
  'PutObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
];

/** One API operation (`s3:PutObject`, the SDK command's name less `Command`; `registry:PUT`) and where it is sent. */
export interface CodeCall {
  api: string;
  /** `src/aws/s3.ts#putJsonObject` */
  site: string;
}

/** A walk of the code from entry points in one mode. */
export interface Walk {
  /** `src/main.ts` (its top-level statements) or `src/runner/index.ts#runRunner` (one declaration). */
  entries: string[];
  /** `local`, `sagemaker` or `fargate`: src/backends/<another mode>/ is entered only from inside src/backends/. */
  mode: string;
  /** Declarations (`file#name`) or folders (`src/image/`) the walk does not enter: paths the data rules out. */
  exclude?: string[];
}

/** What the walk needs to know of one source file. */
interface FileFacts {
  source: ts.SourceFile;
  /** Top-level declarations by the names they declare. */
  declared: Map<string, ts.Statement>;
  /** Local names imported from relative modules: the module (path from the root) and the name it exports. */
  imported: Map<string, { module: string; name: string }>;
  /** `export { a as b } from './m.js'` and `export * from`. */
  reexported: Map<string, { module: string; name: string }>;
  starExports: string[];
  /** Local names bound to an AWS SDK package's export (statically or through `await import()`). */
  sdk: Map<string, string>;
}

const files = new Map<string, FileFacts>();

/** The `.ts` file (path from the root) a relative specifier in `from` names. */
function resolveModule(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return relative(ROOT, join(dirname(join(ROOT, from)), spec.replace(/\.js$/, '.ts')));
}

function declaredNames(statement: ts.Statement): string[] {
  if (
    (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
    statement.name
  )
    return [statement.name.text];
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  return [];
}

function factsOf(file: string): FileFacts {
  const known = files.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const facts: FileFacts = {
    source,
    declared: new Map(),
    imported: new Map(),
    reexported: new Map(),
    starExports: [],
    sdk: new Map(),
  };
  for (const statement of source.statements) {
    for (const n of declaredNames(statement)) facts.declared.set(n, statement);
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      const spec = (statement.moduleSpecifier as ts.StringLiteral).text;
      const module = resolveModule(file, spec);
      const named = statement.importClause?.namedBindings;
      if (named && ts.isNamedImports(named))
        for (const e of named.elements) {
          if (e.isTypeOnly) continue;
          const exported = (e.propertyName ?? e.name).text;
          if (module) facts.imported.set(e.name.text, { module, name: exported });
          else if (spec.startsWith('@aws-sdk/')) facts.sdk.set(e.name.text, spec);
        }
      if (named && ts.isNamespaceImport(named) && module) facts.imported.set(named.name.text, { module, name: '*' });
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const module = resolveModule(file, (statement.moduleSpecifier as ts.StringLiteral).text);
      if (!module) continue;
      const clause = statement.exportClause;
      if (!clause) facts.starExports.push(module);
      else if (ts.isNamedExports(clause))
        for (const e of clause.elements)
          if (!e.isTypeOnly) facts.reexported.set(e.name.text, { module, name: (e.propertyName ?? e.name).text });
    }
  }
  files.set(file, facts);
  return facts;
}

/** The top-level declarations `name` of `module` stands for (all of them for `*`). */
function resolveExport(module: string, exported: string, depth = 0): ts.Statement[] {
  if (depth > 10) return [];
  const facts = factsOf(module);
  if (exported === '*') return [...new Set(facts.declared.values())];
  const own = facts.declared.get(exported);
  if (own) return [own];
  const re = facts.reexported.get(exported);
  if (re) return resolveExport(re.module, re.name, depth + 1);
  return facts.starExports.flatMap((m) => resolveExport(m, exported, depth + 1));
}

function fileOf(node: ts.Node): string {
  return node.getSourceFile().fileName;
}

function name(unit: ts.Statement): string {
  const declared = declaredNames(unit);
  const label =
    declared.length > 0
      ? declared.join(',')
      : `line ${unit.getSourceFile().getLineAndCharacterOfPosition(unit.getStart()).line + 1}`;
  return `${fileOf(unit)}#${label}`;
}

function inTypePosition(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n && !ts.isSourceFile(n); n = n.parent)
    if (
      ts.isTypeNode(n) ||
      ts.isInterfaceDeclaration(n) ||
      ts.isTypeAliasDeclaration(n) ||
      ts.isImportDeclaration(n) ||
      ts.isExportDeclaration(n)
    )
      return true;
  return false;
}

/** An identifier that names a property or a declaration rather than refers to something. */
function isNameOnly(node: ts.Identifier): boolean {
  const p = node.parent;
  return (
    (ts.isPropertyAccessExpression(p) && p.name === node) ||
    (ts.isPropertyAssignment(p) && p.name === node) ||
    (ts.isBindingElement(p) && p.propertyName === node) ||
    ((ts.isMethodDeclaration(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isParameter(p) ||
      ts.isFunctionDeclaration(p) ||
      ts.isClassDeclaration(p) ||
      ts.isVariableDeclaration(p) ||
      ts.isBindingElement(p)) &&
      (p as ts.NamedDeclaration).name === node)
  );
}

/** The names taken from the module an `import()` loads, or `*` when its use is not a plain destructuring or access. */
function namesTakenFrom(call: ts.CallExpression): string[] {
  let node: ts.Node = call;
  let index: number | undefined;
  // Promise.all([import(a), import(b)]): the element's index in the destructured array.
  if (
    ts.isArrayLiteralExpression(node.parent) &&
    ts.isCallExpression(node.parent.parent) &&
    /Promise\.all$/.test(node.parent.parent.expression.getText())
  ) {
    index = node.parent.elements.indexOf(call);
    node = node.parent.parent;
  }
  const awaited = ts.isAwaitExpression(node.parent) ? node.parent : undefined;
  if (!awaited) return ['*'];
  const holder = ts.isParenthesizedExpression(awaited.parent) ? awaited.parent.parent : awaited.parent;
  if (index === undefined && ts.isPropertyAccessExpression(holder)) return [holder.name.text];
  if (!ts.isVariableDeclaration(holder)) return ['*'];
  let pattern: ts.BindingName | undefined = holder.name;
  if (index !== undefined)
    pattern = ts.isArrayBindingPattern(pattern)
      ? (pattern.elements[index] as ts.BindingElement | undefined)?.name
      : undefined;
  if (!pattern || !ts.isObjectBindingPattern(pattern)) return ['*'];
  return pattern.elements.map((e) => (e.propertyName ?? e.name).getText());
}

function dynamicImportOf(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) || node.expression.kind !== ts.SyntaxKind.ImportKeyword) return undefined;
  const arg = node.arguments[0];
  return arg && ts.isStringLiteral(arg) ? arg.text : undefined;
}

/** SDK classes bound by `const { XCommand } = await import('@aws-sdk/…')` inside a unit. */
function sdkBindingsIn(unit: ts.Node, into: Map<string, string>): void {
  const visit = (node: ts.Node): void => {
    const spec = dynamicImportOf(node);
    if (spec?.startsWith('@aws-sdk/') && ts.isCallExpression(node))
      for (const n of namesTakenFrom(node)) into.set(n, spec);
    ts.forEachChild(node, visit);
  };
  visit(unit);
}

function callsOf(node: ts.Node, sdk: Map<string, string>): string[] {
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
    const cls = node.expression.text;
    const pkg = sdk.get(cls);
    if (pkg === '@aws-sdk/lib-storage' && cls === 'Upload') return UPLOAD_CALLS.map((op) => `s3:${op}`);
    const service = pkg === undefined ? undefined : SDK_SERVICE[pkg];
    if (service && cls.endsWith('Command')) return [`${service}:${cls.slice(0, -'Command'.length)}`];
    return [];
  }
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return [];
  const method = node.expression.name.text;
  const receiver = node.expression.expression.getText();
  // dockerode's image.push: the engine pushes the layers and the manifest with the registry credentials given.
  if (method === 'push' && /getImage\(/.test(receiver)) return ['registry:push'];
  // RegistryClient.request(url, 'HEAD' | 'GET' | 'PUT', …): the registry's HTTP API.
  const verb = node.arguments[1];
  if (method === 'request' && receiver === 'this' && verb && ts.isStringLiteral(verb)) return [`registry:${verb.text}`];
  return [];
}

interface UnitFacts {
  next: ts.Statement[];
  calls: string[];
}

function scanUnit(unit: ts.Statement): UnitFacts {
  const file = fileOf(unit);
  const facts = factsOf(file);
  const sdk = new Map(facts.sdk);
  sdkBindingsIn(unit, sdk);
  const next = new Set<ts.Statement>();
  const calls: string[] = [];
  const visit = (node: ts.Node): void => {
    calls.push(...callsOf(node, sdk));
    const spec = dynamicImportOf(node);
    const module = spec === undefined ? undefined : resolveModule(file, spec);
    if (module && ts.isCallExpression(node))
      for (const n of namesTakenFrom(node)) for (const u of resolveExport(module, n)) next.add(u);
    if (ts.isIdentifier(node) && !isNameOnly(node) && !inTypePosition(node)) {
      const own = facts.declared.get(node.text);
      const imported = facts.imported.get(node.text);
      if (own && own !== unit) next.add(own);
      else if (imported) {
        const parent = node.parent;
        const member =
          imported.name === '*' && ts.isPropertyAccessExpression(parent) && parent.expression === node
            ? parent.name.text
            : imported.name;
        for (const u of resolveExport(imported.module, member)) next.add(u);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(unit);
  return { next: [...next], calls };
}

const BACKENDS = 'src/backends/';

/** An edge from outside the backends into another mode's backend folder (the factory's other branches). */
function crossesIntoOtherMode(from: ts.Statement, to: ts.Statement, mode: string): boolean {
  const source = fileOf(from);
  const target = fileOf(to);
  if (!target.startsWith(BACKENDS) || source.startsWith(BACKENDS)) return false;
  const rest = target.slice(BACKENDS.length);
  return rest.includes('/') && rest.split('/')[0] !== mode;
}

function entryUnits(entry: string): ts.Statement[] {
  const [file = '', declared] = entry.split('#');
  const facts = factsOf(file);
  if (declared !== undefined) return resolveExport(file, declared);
  return facts.source.statements.filter((s) => !ts.isImportDeclaration(s) && !ts.isExportDeclaration(s));
}

/** Every call the entries can make in this mode, with the declaration that makes it. */
export function codeCalls(walk: Walk): CodeCall[] {
  const seen = new Set<ts.Statement>();
  const queue = walk.entries.flatMap(entryUnits);
  if (queue.length === 0) throw new Error(`No code at ${walk.entries.join(', ')}`);
  const calls: CodeCall[] = [];
  while (queue.length > 0) {
    const unit = queue.pop() as ts.Statement;
    if (seen.has(unit)) continue;
    seen.add(unit);
    const facts = scanUnit(unit);
    calls.push(...facts.calls.map((api) => ({ api, site: name(unit) })));
    for (const next of facts.next) {
      const excluded = (walk.exclude ?? []).some((x) => name(next).startsWith(x));
      if (!excluded && !crossesIntoOtherMode(unit, next, walk.mode)) queue.push(next);
    }
  }
  return calls;
}

/** The distinct operations, sorted. */
export const apisOf = (calls: CodeCall[]): string[] => [...new Set(calls.map((c) => c.api))].sort();
