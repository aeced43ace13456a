package main

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/output.golden")

// The quickstart's output is compared with a golden file, so CI keeps the
// example working and its figures stable.
func TestQuickstartOutput(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, ""))
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile("testdata/output.golden", out.Bytes(), 0o644))
	}
	want, err := os.ReadFile("testdata/output.golden")
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String())
	assert.Contains(t, out.String(), "组织覆盖 3/4 = 75.0%")
	assert.Contains(t, out.String(), "[SYNC-4 依据", "a finding names its rule and its source")
}
