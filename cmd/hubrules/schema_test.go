package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchemas_MatchTheGoTypes fails when an input type changes without its
// schema under schema/: rerun with -update and commit the new schema.
func TestSchemas_MatchTheGoTypes(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range commands() {
		name := schemaName(c.path) + ".json"
		seen[name] = true
		got, err := json.MarshalIndent(inputSchema(c), "", "  ")
		require.NoError(t, err)
		got = append(got, '\n')
		path := filepath.Join("schema", name)
		if *update {
			require.NoError(t, os.MkdirAll("schema", 0o755))
			require.NoError(t, os.WriteFile(path, got, 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "schema %s is missing: go test ./cmd/hubrules -update", path)
		assert.JSONEq(t, string(want), string(got), "schema %s is stale: go test ./cmd/hubrules -update", path)
	}
	files, _ := filepath.Glob("schema/*.json")
	for _, f := range files {
		assert.True(t, seen[filepath.Base(f)], "schema %s has no command", f)
	}
	code, out, _ := runCLI(t, "", "schema", "check", "sync")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, `"format": "date"`)
	assert.Contains(t, out, `"required"`)
}
