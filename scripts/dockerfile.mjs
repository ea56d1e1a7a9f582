// Reads a Dockerfile into stages of instructions, enough for `addon:smoke` to replay it:
// COPY (with --from), RUN (shell form), ENV (key=value), WORKDIR, CMD (exec form). Other
// instructions are kept with their kind and ignored by the caller.

/** @returns {{ name?: string, image: string, instructions: object[] }[]} */
export function parseDockerfile(text) {
  const lines = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line) && current === '') continue;
    const trimmed = line.replace(/\s+$/, '');
    if (trimmed.endsWith('\\')) {
      current += `${trimmed.slice(0, -1)} `;
      continue;
    }
    current += trimmed;
    if (current.trim() !== '') lines.push(current.trim());
    current = '';
  }
  const stages = [];
  for (const line of lines) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const kind = keyword.toUpperCase();
    if (kind === 'FROM') {
      const [image, , name] = rest.split(/\s+/);
      stages.push({ image, name, instructions: [] });
      continue;
    }
    if (stages.length === 0) continue; // ARG before the first FROM
    stages.at(-1).instructions.push(instruction(kind, rest, line));
  }
  return stages;
}

function instruction(kind, rest, raw) {
  const words = rest.split(/\s+/).filter(Boolean);
  const flags = Object.fromEntries(
    words.filter((w) => w.startsWith('--')).map((w) => w.slice(2).split('=')),
  );
  const args = words.filter((w) => !w.startsWith('--'));
  const out = { kind, raw, args, from: flags.from };
  if (kind === 'RUN') out.command = rest;
  if (kind === 'CMD') out.exec = JSON.parse(rest);
  if (kind === 'ENV') {
    out.env = {};
    for (const match of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
      out.env[match[1]] = match[2].replace(/^"|"$/g, '');
    }
  }
  return out;
}
