package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A parameter file is read through a limited reader: an endless file is
// refused at the limit, not read until memory runs out.
func TestParamsFile_AnEndlessFileIsRefusedAtTheLimit(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	for _, args := range [][]string{
		{"check", "forms", "--programme", "national", "--date", "2024-12-31", "--params", "/dev/zero"},
		{"params", "grading", "--programme", "national", "--params", "/dev/zero", "--date", "2024-06-30"},
	} {
		code, _, errOut := runCLI(t, "{}", args...)
		assert.Equal(t, exitInput, code, args)
		assert.Contains(t, errOut, `"code":"max_bytes"`, args)
		assert.Contains(t, errOut, `"param":"4194304"`, args)
	}
}

// The alternative parameters of whatif are a parameter file in the input:
// the same alias bounds refuse a bomb there, with the path under alt_params.
func TestWhatIf_AliasBombInTheAlternativeParametersIsRefused(t *testing.T) {
	file := "package: grading\nparameters:\n  level.bands:\n    description: {zh: 甲}\n    values:\n      - {programme: national, from: 2020-01-01, confidence: verified, source: {document: d}, value: &a [*a, *a]}\n"
	in, err := json.Marshal(map[string]any{"alt_params": file, "sheets": []map[string]any{{"org": "o", "legal_form": "community_org", "party_form": "own_branch", "formal_party_members": 3, "scores": []any{}}}})
	require.NoError(t, err)
	code, _, errOut := runCLI(t, string(in), "whatif", "--programme", "national", "--date", "2024-06-30")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, `"path":"alt_params.parameters.level.bands.values[0].value[0]"`)
	assert.Contains(t, errOut, `"code":"alias_cycle"`)
	assert.False(t, strings.Contains(errOut, "goroutine"), "no crash")
}
