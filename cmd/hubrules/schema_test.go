package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchemas_MatchTheGoTypes fails when an input or result type changes
// without its schema under schema/: rerun with -update and commit the new
// schema.
func TestSchemas_MatchTheGoTypes(t *testing.T) {
	seen := map[string]bool{}
	for name, s := range schemas() {
		file := name + ".json"
		seen[file] = true
		got, err := json.MarshalIndent(s, "", "  ")
		require.NoError(t, err)
		got = append(got, '\n')
		path := filepath.Join("schema", file)
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
	assert.Contains(t, out, `"own_branch"`)
	for _, args := range [][]string{{"schema", "grade", "--output"}, {"schema", "grade.output"}} {
		code, out, _ = runCLI(t, "", args...)
		require.Equal(t, exitOK, code, args)
		assert.Contains(t, out, `"hubrules grade output"`, args)
	}
	code, _, errOut := runCLI(t, "", "schema", "nothing")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "grade.output")
}

// compileSchema compiles a generated schema with a standard validator,
// format assertions on (so "2024-02-30" is not a date).
func compileSchema(t *testing.T, name string, s map[string]any) *jsonschema.Schema {
	t.Helper()
	b, err := json.Marshal(s)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "mem:///" + name + ".json"
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err, name)
	return sch
}

func validateJSON(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	return sch.Validate(v)
}

// kindOfFile returns the command whose schema name is the longest prefix of
// a sample's or golden's file name ("incubate-graduate" → "incubate").
func kindOfFile(t *testing.T, file string) command {
	t.Helper()
	base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)), ".en")
	var best command
	for _, c := range commands() {
		n := schemaName(c.path)
		if (base == n || strings.HasPrefix(base, n+"-")) && len(n) > len(schemaName(best.path)) {
			best = c
		}
	}
	require.NotEmpty(t, best.path, "no command for %s", file)
	return best
}

// TestSchemas_AcceptTheSamplesAndGoldens runs a standard JSON Schema
// validator over every sample input (each line of a .jsonl sample) and
// every golden JSON output: all are valid.
func TestSchemas_AcceptTheSamplesAndGoldens(t *testing.T) {
	all := schemas()
	samples, _ := filepath.Glob("testdata/*.json")
	lines, _ := filepath.Glob("testdata/*.jsonl")
	goldens, _ := filepath.Glob("testdata/golden/*.json")
	require.NotEmpty(t, samples)
	require.NotEmpty(t, goldens)
	check := func(file, schema string, data []byte) {
		sch := compileSchema(t, schema, all[schema])
		assert.NoError(t, validateJSON(t, sch, data), "%s against %s", file, schema)
	}
	for _, f := range samples {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		check(f, schemaName(kindOfFile(t, f).path), data)
	}
	for _, f := range lines {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		name := schemaName(kindOfFile(t, f).path)
		sch := compileSchema(t, name, all[name])
		for i, l := range bytes.Split(data, []byte("\n")) {
			if len(bytes.TrimSpace(l)) == 0 {
				continue
			}
			// A sample's bad lines show the error lines: the schema
			// refuses what the decoder refuses, and only that.
			decErr := hubrules.DecodeJSON(l, kindOfFile(t, f).input())
			if err := validateJSON(t, sch, l); decErr == nil {
				assert.NoError(t, err, "%s:%d", f, i+1)
			} else {
				assert.Error(t, err, "%s:%d: the decoder refuses it (%v)", f, i+1, decErr)
			}
		}
	}
	for _, f := range goldens {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		check(f, schemaName(kindOfFile(t, f).path)+outputSuffix, data)
	}
}

// TestSchemas_ResultTypesAreWhatEvalReturns evaluates each sample input
// as its golden is made and checks that the result's Go type is the one
// its output schema is generated from.
func TestSchemas_ResultTypesAreWhatEvalReturns(t *testing.T) {
	met := map[string]bool{}
	for name, smp := range samples {
		c := kindOfFile(t, name)
		k, ok := kinds.Lookup(c.path)
		require.True(t, ok)
		data, err := os.ReadFile(filepath.Join("testdata", smp.in))
		require.NoError(t, err)
		var env kinds.Env
		for i, a := range smp.args {
			switch {
			case a == "--programme":
				env.Programme = hubrules.Programme(smp.args[i+1])
			case a == "--date":
				env.Date = hubrules.MustParseDate(smp.args[i+1])
			}
		}
		in := k.Input()
		require.NoError(t, hubrules.DecodeJSON(data, in), name)
		o, err := k.Eval(env, in)
		require.NoError(t, err, name)
		met[c.path] = true
		got := reflect.TypeOf(o.Value)
		assert.Contains(t, resultTypes[c.path], got, "%s: Eval returns %v", c.path, got)
		var omitted []string
		if tr, ok := o.Result.(kinds.Trimmed); ok {
			omitted = tr.Omitted()
		}
		assert.Equal(t, resultOmitted[c.path], omitted, "%s: the members the envelope holds instead", c.path)
	}
	for _, c := range commands() {
		assert.NotEmpty(t, resultTypes[c.path], "kind %s has no result type", c.path)
		assert.True(t, met[c.path], "no sample of %s was evaluated", c.path)
	}
}

// TestSchemas_EveryEnumHasItsCodes checks that every enum met in the
// schemas lists its codes, and labels them when the type has a Name: the
// types listed in unlabelled have no Name or Text method yet.
func TestSchemas_EveryEnumHasItsCodes(t *testing.T) {
	var missing []string
	for name, s := range schemas() {
		defs, _ := s["$defs"].(map[string]any)
		for def, d := range defs {
			d := d.(map[string]any)
			codes, isEnum := d["enum"].([]string)
			if !isEnum {
				continue
			}
			assert.NotEmpty(t, codes, "%s: %s", name, def)
			if _, ok := d["x-labels"]; !ok {
				missing = append(missing, def)
			}
		}
	}
	sort.Strings(missing)
	missing = compactStrings(missing)
	unlabelled := []string{"funding.CharityClass", "funding.Milestone", "funding.OpKind", "funding.Post", "funding.FundedKind",
		"funding.Stage", "funding.Evaluation", "grading.InspectionResult", "grading.Privilege", "hub.Assignee",
		"hubrules.Confidence", "hubrules.Outcome", "hubrules.Severity", "incubation.EntryMode", "incubation.GovernanceProject",
		"incubation.MaturityClass", "incubation.Outcome", "incubation.Registration"}
	for _, m := range missing {
		assert.Contains(t, unlabelled, m, "enum %s has no labels", m)
	}
}

func compactStrings(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// An optional field says in the schema what its absence means (its doc
// tag), so that a caller never has to guess whether a left-out value is
// read as zero.
func TestSchemas_OptionalFieldsSayWhatAbsenceMeans(t *testing.T) {
	all := schemas()
	for _, c := range []struct{ schema, field string }{
		{"fund-fee", "inside"}, {"fund-fee", "rounding"}, {"fund-venture", "pool"}, {"grade", "bonus"},
	} {
		s := all[c.schema]
		props, _ := s["properties"].(map[string]any)
		p, ok := props[c.field].(map[string]any)
		require.True(t, ok, "%s has no property %s", c.schema, c.field)
		assert.Contains(t, p["description"], "absent", "%s.%s", c.schema, c.field)
		assert.Contains(t, p["description"], "缺省", "%s.%s", c.schema, c.field)
		req, _ := s["required"].([]string)
		assert.NotContains(t, req, c.field, "%s.%s is optional", c.schema, c.field)
	}
}
