package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const reportSample = "testdata/report/hub.json"

// TestReport_Golden: hubrules report --html of the fixed sample is
// testdata/report/report.html (go test ./cmd/hubrules -update rewrites
// it); the exit code is the outcome's (findings: 1).
func TestReport_Golden(t *testing.T) {
	code, out, errOut := runCLI(t, "", "report", "--html", "--programme", "kaixuan", "--date", "2024-12-31", "--in", reportSample)
	require.Empty(t, errOut)
	assert.Equal(t, exitFindings, code)
	path := filepath.Join("testdata", "report", "report.html")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "go test ./cmd/hubrules -update writes it")
	assert.Equal(t, string(want), out, "report.html is stale: go test ./cmd/hubrules -update")
	// One self-contained file: its style inlined, no script, no link
	// to the service or elsewhere, A4 print rules.
	for _, s := range []string{"<style>", "@page { size: A4", `<html lang="zh-CN">`, "<svg", "党组织统计", "六同步", "HUB-XAPT-01"} {
		assert.Contains(t, out, s)
	}
	for _, s := range []string{"<script", `rel="stylesheet"`, "href=\"/", "<nav"} {
		assert.NotContains(t, out, s)
	}
	code, out, _ = runCLI(t, "", "report", "--html", "--programme", "kaixuan", "--date", "2024-12-31", "--in", reportSample, "--lang", "en")
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, out, `<html lang="en">`)
	assert.Contains(t, out, "Party statistics")
}

func TestReport_UsageAndBadInput(t *testing.T) {
	code, _, errOut := runCLI(t, "", "report", "--programme", "kaixuan", "--date", "2024-12-31", "--in", reportSample)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "--html")
	code, _, errOut = runCLI(t, "", "report", "--html", "--date", "2024-12-31", "--in", reportSample)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "--programme")
	code, _, errOut = runCLI(t, `{"hub": "h", "members": [{"id": "a", "form": "tent", "formal_members": 1}], "sync": []}`,
		"report", "--html", "--programme", "kaixuan", "--date", "2024-12-31")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, `"members[0].form"`)
	code, _, errOut = runCLI(t, `{"hub": "h", "members": [], "sync": [{"id": "s", "formal_members": 1, "party_form": "none", "events": [{"kind": "registered", "date": "2030-01-01"}]}]}`,
		"report", "--html", "--programme", "kaixuan", "--date", "2024-12-31")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, `"sync[0].events[0].date"`)
	code, out, _ := runCLI(t, "", "report", "--help")
	assert.Equal(t, exitOK, code)
	assert.True(t, strings.Contains(out, "hubrules report --html"))
}

// TestReport_SchemaAcceptsTheSample: the generated schema of the report's
// input takes the sample and refuses what the decoder refuses.
func TestReport_SchemaAcceptsTheSample(t *testing.T) {
	sch := compileSchema(t, reportSchemaName, schemas()[reportSchemaName])
	data, err := os.ReadFile(reportSample)
	require.NoError(t, err)
	assert.NoError(t, validateJSON(t, sch, data))
	assert.Error(t, validateJSON(t, sch, []byte(`{"hub": "h", "members": [{"id": "a", "form": "tent", "formal_members": 1}], "sync": []}`)))
	assert.Error(t, validateJSON(t, sch, []byte(`{"hub": "h", "members": [], "sync": [], "extra": 1}`)))
}

// TestPageSamples_EveryKindHasOne: hubrules serve's "try it" prefills
// every kind's sample, and the report form the report's.
func TestPageSamples_EveryKindHasOne(t *testing.T) {
	samples, report := pageSamples()
	for _, c := range commands() {
		assert.NotEmpty(t, samples[c.path], "no testdata/%s.json for the try-it page", schemaName(c.path))
	}
	assert.NotEmpty(t, report)
}
