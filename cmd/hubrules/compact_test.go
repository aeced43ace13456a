package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
)

// fullRecord is what the compact output is checked against: the default
// output of the same input.
type fullRecord struct {
	Line     int                      `json:"line"`
	Outcome  hubrules.DecisionOutcome `json:"outcome"`
	Findings []hubrules.Finding       `json:"findings"`
	Error    json.RawMessage          `json:"error"`
}

// compactOf is the compact record the default record r implies.
func compactOf(r fullRecord) map[string]any {
	d := hubrules.Decision{Outcome: r.Outcome, Findings: r.Findings}.Compact()
	b, _ := json.Marshal(map[string]any{"line": r.Line, "outcome": d.Outcome, "failed": d.Failed, "findings": d.Findings})
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	return m
}

// TestCompact_SaysWhatTheFullOutputSays: with --compact, check sync and
// grade (JSON Lines) and every sample input (one document) answer records
// that the generated schemas (compact.line, compact.output) accept, with
// the outcome, the failed rules and each finding's rule, severity,
// subject and facts of the full output, and no text.
func TestCompact_SaysWhatTheFullOutputSays(t *testing.T) {
	lineSchema := compileSchema(t, compactLineName, schemas()[compactLineName])
	docSchema := compileSchema(t, compactOutputName, schemas()[compactOutputName])
	for _, c := range []struct{ file, programme, date string }{
		{"check-sync.jsonl", "kaixuan", "2024-12-31"},
		{"grade.jsonl", "xiyuan", "2024-06-01"},
	} {
		in, err := os.ReadFile("testdata/" + c.file)
		require.NoError(t, err)
		kind := strings.ReplaceAll(strings.TrimSuffix(c.file, ".jsonl"), "-", " ")
		args := []string{kind, "--jsonl", "--programme", c.programme, "--date", c.date}
		if kind == "check sync" {
			args = []string{"check", "sync", "--jsonl", "--programme", c.programme, "--date", c.date}
		}
		fullCode, fullOut, _ := runCLI(t, string(in), args...)
		code, out, _ := runCLI(t, string(in), append(args, "--compact")...)
		require.Equal(t, fullCode, code, c.file)
		full, compact := jsonlRecords(t, fullOut, kind), jsonlRecords(t, out, kind)
		require.Len(t, compact, len(full))
		assert.Equal(t, strings.SplitN(fullOut, "\n", 2)[0], strings.SplitN(out, "\n", 2)[0], "the same header")
		for i := range full {
			var f fullRecord
			require.NoError(t, json.Unmarshal([]byte(full[i]), &f))
			if f.Error != nil {
				assert.Equal(t, full[i], compact[i], "an error record is the same")
				continue
			}
			require.NoError(t, validateJSON(t, lineSchema, []byte(compact[i])), compact[i])
			var got map[string]any
			require.NoError(t, json.Unmarshal([]byte(compact[i]), &got))
			assert.Equal(t, compactOf(f), got, c.file)
			assert.NotContains(t, compact[i], `"message"`)
			assert.NotContains(t, compact[i], `"citation"`)
		}
	}
	for _, name := range sampleNames() {
		s := samples[name]
		in, err := os.ReadFile("testdata/" + s.in)
		require.NoError(t, err)
		_, fullOut, _ := runCLI(t, string(in), s.args...)
		code, out, _ := runCLI(t, string(in), append(append([]string(nil), s.args...), "--compact")...)
		require.Equal(t, s.code, code, name)
		require.NoError(t, validateJSON(t, docSchema, []byte(out)), name)
		var full struct {
			Kind      string                   `json:"kind"`
			Programme hubrules.Programme       `json:"programme"`
			AsOf      hubrules.Date            `json:"as_of"`
			RuleSet   hubrules.RuleSet         `json:"rule_set"`
			Outcome   hubrules.DecisionOutcome `json:"outcome"`
			Findings  []hubrules.Finding       `json:"findings"`
		}
		require.NoError(t, json.Unmarshal([]byte(fullOut), &full))
		want := hubrules.Decision{Kind: full.Kind, Programme: full.Programme, AsOf: full.AsOf, RuleSet: full.RuleSet,
			Outcome: full.Outcome, Findings: full.Findings}.Compact()
		var got hubrules.CompactDecision
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		assert.Equal(t, want, got, name)
		assert.NotContains(t, out, `"message"`, name)
	}
	code, _, errOut := runCLI(t, "", "check", "sync", "--programme", "kaixuan", "--date", "2024-12-31", "--compact", "--format", "text")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "--compact")
}
