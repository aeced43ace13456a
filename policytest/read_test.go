package policytest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/policytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Scenario files and input files are read through a limited reader: an
// endless file is refused at the CLI's input limit, not held.
func TestLoad_AnEndlessFileIsRefusedAtTheLimit(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, err := policytest.Load("/dev/zero")
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "max_bytes", ie.Fields[0].Code)
	assert.Contains(t, err.Error(), "/dev/zero")

	dir := t.TempDir()
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "zero.json")))
	file := filepath.Join(dir, "s.yaml")
	require.NoError(t, os.WriteFile(file, []byte("cases:\n  - {name: endless, date: 2024-01-01, kind: check forms, input_file: zero.json, expect: {}}\n"), 0o644))
	_, err = policytest.Load(file)
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "max_bytes", ie.Fields[0].Code)
	assert.Contains(t, err.Error(), "input_file")
}

// An input written as YAML follows its aliases: a cycle is refused, and a
// bomb stops at the input limit.
func TestParse_AliasCyclesAndBombsInAnInputAreRefused(t *testing.T) {
	scenario := func(input string) []byte {
		return []byte("cases:\n  - name: aliases\n    date: 2024-01-01\n    kind: check forms\n    input: " + input + "\n    expect: {}\n")
	}
	_, err := policytest.Parse("x.yaml", scenario("&a {organizations: *a}"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "*a lies inside the node its anchor names")

	levels := []string{`&a [lol, lol, lol, lol, lol, lol, lol, lol, lol]`}
	for i := 1; i < 9; i++ {
		prev := "*" + string(rune('a'+i-1))
		levels = append(levels, "&"+string(rune('a'+i))+" ["+strings.TrimSuffix(strings.Repeat(prev+", ", 9), ", ")+"]")
	}
	_, err = policytest.Parse("x.yaml", scenario("{organizations: ["+strings.Join(levels, ", ")+"]}"))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "max_bytes", ie.Fields[0].Code)
}
