package policytest_test

import (
	"strings"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/policytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSeedScenarios(t *testing.T) {
	policytest.Run(t, "testdata/*.yaml")
}

func TestParse_UnknownKeysGetADidYouMeanHint(t *testing.T) {
	_, err := policytest.Parse("x.yaml", []byte(`
cases:
  - name: typo
    programme: kaixuan
    date: 2024-01-01
    kind: check sync
    input: {}
    expcet: {}
`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown key "expcet"; did you mean "expect"?`)
	assert.Contains(t, err.Error(), "x.yaml:8")

	_, err = policytest.Parse("x.yaml", []byte(`
cases:
  - name: typo in kind
    programme: kaixun
    date: 2024-01-01
    kind: check sync
    input: {}
    expect: {}
`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `did you mean "kaixuan"?`)

	_, err = policytest.Parse("x.yaml", []byte(`
cases:
  - name: typo in kind
    programme: kaixuan
    date: 2024-01-01
    kind: check snyc
    input: {}
    expect: {findigns: [SYNC-1]}
`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `did you mean "check sync"?`)
}

func TestCheck_AFailureNamesTheDifferingValues(t *testing.T) {
	sc, err := policytest.Parse("inline.yaml", []byte(`
cases:
  - name: wrong expectations
    programme: national
    date: 2024-06-30
    kind: check forms
    input: {organizations: [{id: a, formal_members: 3, form: liaison}]}
    expect:
      compliant: true
      no_findings: [HUB-COV-02]
      values: {organizations.0.decision.required: joint_branch, no.such.path: x}
`))
	require.NoError(t, err)
	require.Len(t, sc, 1)
	diffs := sc[0].Check()
	joined := strings.Join(diffs, "\n")
	assert.Contains(t, joined, "compliant: got false, want true")
	assert.Contains(t, joined, "did not want HUB-COV-02")
	assert.Contains(t, joined, "values.organizations.0.decision.required: got own_branch, want joint_branch")
	assert.Contains(t, joined, "values.no.such.path: no such path")
}

func TestRequireHelpers(t *testing.T) {
	r := hubrules.Report{Findings: []hubrules.Finding{{Rule: "SYNC-4", Severity: hubrules.Violation, Message: hubrules.T("缺", "missing")}}}
	f := policytest.RequireFinding(t, r, "SYNC-4")
	assert.Equal(t, "SYNC-4", f.Rule)
	policytest.RequireNoFinding(t, r, "SYNC-1")
	policytest.RequireCompliant(t, hubrules.Report{})
	policytest.RequireCompliant(t, policytest.AsReport(hubrules.Report{}))
	policytest.RequireGrade(t, hubrules.Grade4A, hubrules.Grade4A)
	policytest.RequireAmount(t, "1500.00", "1500")
	policytest.RequireAmount(t, "1,500.10元", "1500.1")

	rec := &recorder{}
	policytest.RequireCompliant(rec, r)
	assert.True(t, rec.failed)
	assert.Contains(t, rec.msg, "[SYNC-4 per ")
	rec = &recorder{}
	policytest.RequireAmount(rec, "0.10", "0.01")
	assert.True(t, rec.failed)
	rec = &recorder{}
	policytest.RequireGrade(rec, hubrules.Grade3A, hubrules.Grade4A)
	assert.True(t, rec.failed)
}

// recorder is a require.TestingT that records a failure instead of
// stopping the test.
type recorder struct {
	failed bool
	msg    string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.msg += format
	for _, a := range args {
		if s, ok := a.(string); ok {
			r.msg += s
		}
	}
}
func (r *recorder) FailNow() {}

func TestParse_StrictBooleansAndNumbers(t *testing.T) {
	_, err := policytest.Parse("x.yaml", []byte(`
cases:
  - name: yes is not a boolean here
    programme: kaixuan
    date: 2024-01-01
    kind: check forms
    input: {organizations: [{id: a, formal_members: 1}]}
    expect: {compliant: yes}
`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "compliant must be true or false")

	sc, err := policytest.Parse("x.yaml", []byte(`
cases:
  - name: hex and underscores become decimal
    programme: kaixuan
    date: 2024-01-01
    kind: check forms
    input: {organizations: [{id: a, formal_members: 0x10}, {id: b, formal_members: 1_000}]}
    expect: {values: {organizations.0.decision.formal_members: "16", organizations.1.decision.formal_members: "1000"}}
`))
	require.NoError(t, err)
	assert.Empty(t, sc[0].Check())

	_, err = policytest.Parse("x.yaml", []byte(`
cases:
  - name: infinity is no JSON number
    programme: kaixuan
    date: 2024-01-01
    kind: check forms
    input: {organizations: [{id: a, formal_members: .inf}]}
    expect: {}
`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not a number JSON can carry")

	sc, err = policytest.Parse("x.yaml", []byte(`
cases:
  - name: a misspelt parameter in a what-if is reported
    programme: kaixuan
    date: 2024-01-01
    kind: check forms
    params: |
      package: hub
      parameters:
        form.own_branch_min_formall:
          description: {zh: 拼错}
          values: [{programme: national, from: 2014-01-01, value: 4, confidence: illustrative, source: {document: d}}]
    input: {organizations: [{id: a, formal_members: 1}]}
    expect: {}
`))
	// The parameter file is checked when the scenario is read: the case
	// is an error naming the parameter's path, not a failure.
	var pe *policytest.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "cases[0].params.parameters.form.own_branch_min_formall", pe.Problems[0].Path)
	assert.Equal(t, "form.own_branch_min_formal", pe.Problems[0].DidYouMean)
	assert.Equal(t, 7, pe.Problems[0].Line)
	assert.Nil(t, sc)
}
