/**
 * The human-readable API reference of the sandbox (`GET /docs` on the local API): the OpenAPI
 * document rendered in the browser, with no third-party script. Each operation shows its
 * roles, parameters, body and answers; schemas expand on demand.
 */

export const apiReferencePage = (): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Relais API reference</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d2733; background: #f5f7fa; }
  header { background: #123a5f; color: #fff; padding: 16px 24px; }
  main { max-width: 980px; margin: 0 auto; padding: 16px; }
  section.op { background: #fff; border: 1px solid #d8dee6; border-radius: 6px; margin: 12px 0; padding: 12px 16px; }
  .method { display: inline-block; min-width: 64px; font-weight: 700; font-family: ui-monospace, monospace; }
  .GET { color: #0b6e4f; } .POST { color: #1e5aa8; } .PUT, .PATCH { color: #8a5a00; } .DELETE { color: #b3261e; }
  code, pre { font-family: ui-monospace, monospace; font-size: 13px; }
  pre { background: #f0f3f7; padding: 8px; overflow: auto; border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eef1f5; }
  h2 { text-transform: capitalize; margin-top: 32px; }
</style>
</head>
<body>
<header><h1>Relais API</h1><p id="intro"></p></header>
<main id="content">Loading…</main>
<script type="module">
  const doc = await (await fetch('/openapi.json')).json();
  const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const resolve = (schema) => schema && schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema;
  const schemaBlock = (schema) => {
    if (!schema) return '';
    const name = schema.$ref ? schema.$ref.split('/').pop() : 'schema';
    return '<details><summary><code>' + esc(name) + '</code></summary><pre>' + esc(JSON.stringify(resolve(schema), null, 2)) + '</pre></details>';
  };
  document.getElementById('intro').textContent = doc.info.description;
  const byTag = {};
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) (byTag[op.tags[0]] ??= []).push({ path, method: method.toUpperCase(), op });
  }
  document.getElementById('content').innerHTML = Object.entries(byTag).map(([tag, ops]) => '<h2>' + esc(tag) + '</h2>' + ops.map(({ path, method, op }) =>
    '<section class="op"><div><span class="method ' + method + '">' + method + '</span> <code>' + esc(path) + '</code></div>' +
    '<p>' + esc(op.summary) + (op.description ? ' — ' + esc(op.description) : ' — public') + '</p>' +
    (op.parameters.length ? '<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Description</th></tr>' + op.parameters.map((p) =>
      '<tr><td><code>' + esc(p.name) + '</code></td><td>' + esc(p.in) + '</td><td>' + (p.required ? 'yes' : 'no') + '</td><td>' + esc(p.description) + '</td></tr>').join('') + '</table>' : '') +
    (op.requestBody ? '<p>Body: ' + schemaBlock(op.requestBody.content['application/json'].schema) + '</p>' : '') +
    '<p>Answers: ' + Object.entries(op.responses).map(([status, r]) => '<code title="' + esc(r.description) + '">' + status + '</code>').join(' ') + '</p>' +
    (Object.values(op.responses)[0].content ? schemaBlock(Object.values(Object.values(op.responses)[0].content)[0].schema) : '') +
    '</section>').join('')).join('');
</script>
</body>
</html>
`;
