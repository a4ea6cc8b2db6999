// A module under src/modules/<name>/ reaches another module only through that module's public index.ts
// (ARCHITECTURE.md, "A module"). Seeds, command-line tools and tests sit outside the modules and may reach in.
import path from 'node:path';

/** @param {string} modulesDir absolute path of src/modules */
export function moduleBoundaries(modulesDir) {
  return {
    meta: {
      type: 'problem',
      schema: [],
      messages: { deep: "module '{{from}}' imports '{{spec}}' from inside module '{{to}}': import it from '{{to}}' (its index.ts) and export it there" },
    },
    create(context) {
      const file = context.filename;
      const own = path.relative(modulesDir, file).split(path.sep);
      if (own[0] === '..' || own.length < 2) return {};
      const check = (node) => {
        const spec = node.source && node.source.value;
        if (typeof spec !== 'string' || !spec.startsWith('.')) return;
        const rel = path.relative(modulesDir, path.resolve(path.dirname(file), spec)).split(path.sep);
        if (rel[0] === '..' || rel[0] === own[0]) return;
        if (rel.length === 1 || (rel.length === 2 && rel[1] === 'index')) return;
        context.report({ node: node.source, messageId: 'deep', data: { from: own[0], to: rel[0], spec } });
      };
      return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
    },
  };
}
