/** Layering rules: core → nothing of ours and no I/O; server → core; web → neither (it talks HTTP). */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'packages/core is the pure domain: no other package of ours, no Node built-ins, no I/O libraries.',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: {
        pathNot: ['^packages/core/src', 'node_modules/(temporal-polyfill|decimal\\.js)/'],
      },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-not-into-web',
      severity: 'error',
      from: { path: '^packages/server' },
      to: { path: '^packages/web' },
    },
    {
      name: 'web-talks-http-only',
      comment: 'The web app reaches the server through its HTTP API, never by importing it.',
      severity: 'error',
      from: { path: '^packages/web/src' },
      to: { path: '^packages/(server|core)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { pathNot: ['^packages/web/src/app/routes'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['dist', '\\.test\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
  },
};
