package policytest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hubrules/hubrules/policytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each problem is reported at its line, with its path, and never stops
// the other files or cases: a file that is not YAML, a file without
// cases, a missing input_file, a key written twice, a params_file beside
// the scenario file.
func TestRunFiles_ProblemsAreOneErrorEachAndTheRestRuns(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	write("a_broken.yaml", "cases: [\n")
	write("b_empty.yml", "")
	write("c_nocases.yaml", "caces: []\n")
	write("fee.yaml", `package: funding
parameters:
  fee.rate:
    description: {zh: 管理费率 12%（假设）}
    values: [{programme: lujiazui, from: 2014-01-01, value: "0.12", confidence: illustrative, source: {document: what-if}}]
`)
	write("d_cases.yaml", `cases:
  - name: missing input file
    date: 2016-06-30
    kind: fund fee
    input_file: nowhere.json
    expect: {}
  - name: twice
    date: 2016-06-30
    date: 2016-07-01
    kind: fund fee
    input: {project: p, total: "100.00"}
    expect: {}
  - name: a what-if from a file
    programme: lujiazui
    date: 2016-06-30
    kind: fund fee
    params_file: fee.yaml
    input: {project: p, total: "100.00"}
    expect: {amounts: {fee: "12.00"}}
`)
	write("notes.txt", "not a scenario file")
	res := policytest.RunFiles([]string{dir, filepath.Join(dir, "none-*.yaml")}, policytest.Options{})
	got := map[string]policytest.Result{}
	for _, r := range res.Results {
		got[filepath.Base(r.File)+"/"+r.Name] = r
	}
	require.Len(t, res.Results, 7, "%+v", res.Results)
	assert.Equal(t, policytest.Summary{Passed: 1, Errors: 6}, res.Summary)

	assert.Equal(t, "yaml", got["a_broken.yaml/"].Errors[0].Code)
	assert.Equal(t, "empty", got["b_empty.yml/"].Errors[0].Code)
	nc := got["c_nocases.yaml/"].Errors[0]
	assert.Equal(t, "unknown_key", nc.Code)
	assert.Equal(t, "cases", nc.DidYouMean)
	assert.Len(t, got["c_nocases.yaml/"].Errors, 1, "the typo of cases is one error, not also its absence")
	assert.Equal(t, "not_found", got["none-*.yaml/"].Errors[0].Code)

	mf := got["d_cases.yaml/missing input file"].Errors[0]
	assert.Equal(t, "cases[0].input_file", mf.Path)
	assert.Equal(t, 5, mf.Line)
	assert.Contains(t, mf.Message.ZH, "文件不存在")
	tw := got["d_cases.yaml/twice"].Errors[0]
	assert.Equal(t, "duplicate_key", tw.Code)
	assert.Equal(t, 9, tw.Line)
	assert.Equal(t, policytest.Passed, got["d_cases.yaml/a what-if from a file"].Status)
	assert.Equal(t, "hubrules test "+filepath.Join(dir, "d_cases.yaml")+" --run '^a what-if from a file$'", got["d_cases.yaml/a what-if from a file"].Rerun)
}
