// Package golden runs a programme example in a language and compares its
// output with testdata/output.<lang>.golden, for the examples' tests.
package golden

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Run runs the example in lang, rewrites the golden file when update is
// set, compares the output with it and returns the output.
func Run(t *testing.T, run func(io.Writer, string) error, lang string, update bool) string {
	t.Helper()
	var out bytes.Buffer
	require.NoError(t, run(&out, lang))
	path := filepath.Join("testdata", "output."+lang+".golden")
	if update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String())
	return out.String()
}

// DefaultIsChinese checks that an empty language gives the Chinese output.
func DefaultIsChinese(t *testing.T, run func(io.Writer, string) error) {
	t.Helper()
	var zh, def bytes.Buffer
	require.NoError(t, run(&zh, "zh"))
	require.NoError(t, run(&def, ""))
	assert.Equal(t, zh.String(), def.String())
}
