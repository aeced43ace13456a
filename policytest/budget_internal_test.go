package policytest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An input written once and used again by alias in many cases cannot make
// a file's cases hold more than maxFileInputs together; an input file
// named by many cases is read and counted once.
func TestParseFile_TheInputsOfAFileHaveOneBudget(t *testing.T) {
	defer func(n int) { maxFileInputs = n }(maxFileInputs)
	maxFileInputs = 200
	dir := t.TempDir()
	in := `{"organizations":[{"id":"a","formal_members":3,"form":"own_branch"}]}` // 70 bytes
	require.NoError(t, os.WriteFile(filepath.Join(dir, "in.json"), []byte(in), 0o644))
	var b strings.Builder
	b.WriteString("cases:\n")
	for i := 0; i < 4; i++ {
		fmt.Fprintf(&b, "  - {name: file %d, date: 2024-06-30, kind: check forms, input_file: in.json, expect: {compliant: true}}\n", i)
	}
	b.WriteString("  - {name: alias 0, date: 2024-06-30, kind: check forms, input: &in " + in + ", expect: {compliant: true}}\n")
	for i := 1; i < 4; i++ {
		fmt.Fprintf(&b, "  - {name: alias %d, date: 2024-06-30, kind: check forms, input: *in, expect: {compliant: true}}\n", i)
	}
	cases, probs := ParseFile(filepath.Join(dir, "s.yaml"), []byte(b.String()))
	require.Empty(t, probs)
	var over []string
	for _, c := range cases {
		if len(c.Problems) > 0 {
			assert.Equal(t, "max_bytes", c.Problems[0].Code, c.Name)
			over = append(over, c.Name)
			continue
		}
		assert.Equal(t, Passed, c.Evaluate().Status, c.Name)
	}
	// 70 bytes for the file once, 70 for the first alias: the second
	// would make 210, over 200.
	assert.Equal(t, []string{"alias 1", "alias 2", "alias 3"}, over)
}
