package hubrules_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
)

func TestParamRef_ValueIsTypedJSON(t *testing.T) {
	set, err := hubrules.ParseParams([]byte(`
package: x
parameters:
  n: {description: {zh: 数}, values: [{programme: national, from: 2020-01-01, value: 3, confidence: verified, source: {document: d}}]}
  hex: {description: {zh: 数}, values: [{programme: national, from: 2020-01-01, value: 0x1F, confidence: verified, source: {document: d}}]}
  rate: {description: {zh: 率}, values: [{programme: national, from: 2020-01-01, value: "0.10", confidence: verified, source: {document: d}}]}
  flag: {description: {zh: 开关}, values: [{programme: national, from: 2020-01-01, value: false, confidence: verified, source: {document: d}}]}
  list: {description: {zh: 表}, values: [{programme: national, from: 2020-01-01, value: [a, 2], confidence: verified, source: {document: d}}]}
  map:
    description: {zh: 映射}
    values:
      - programme: national
        from: 2020-01-01
        confidence: verified
        source: {document: d}
        value:
          code: "x<y &>\u2028"
          bands: [{grade: 5A, lower: "950"}]
          day: 2024-01-01
`))
	require.NoError(t, err)
	for name, want := range map[string]string{
		"n": `3`, "hex": `31`, "rate": `"0.10"`, "flag": `false`, "list": `["a",2]`,
		"map": `{"code":"x<y &>\u2028","bands":[{"grade":"5A","lower":"950"}],"day":"2024-01-01"}`,
	} {
		ref, err := set.Lookup(name, hubrules.National, hubrules.MustParseDate("2024-06-30"))
		require.NoError(t, err, name)
		assert.Equal(t, want, string(ref.JSON), name)
		b, err := json.Marshal(ref)
		require.NoError(t, err)
		var generic struct {
			Value json.RawMessage `json:"value"`
		}
		require.NoError(t, json.Unmarshal(b, &generic))
		assert.JSONEq(t, want, string(generic.Value), "%s: written under value as typed JSON", name)
		var back hubrules.ParamRef
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, ref, back, "%s: a round trip keeps the reference", name)
	}
	ref, _ := set.Lookup("rate", hubrules.National, hubrules.MustParseDate("2024-06-30"))
	assert.Equal(t, "0.10", ref.Value, "the text of an exact decimal stays in Go")
}

func TestParamRef_WithoutJSONWritesItsValueAsAString(t *testing.T) {
	b, err := json.Marshal(hubrules.ParamRef{Name: "x", Value: "7"})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"value":"7"`)
}

func TestDecision_ListsAreArraysAndOutcomesMapToOneExitCode(t *testing.T) {
	b, err := json.Marshal(hubrules.Decision{Kind: "k", Outcome: hubrules.OutcomeCompliant})
	require.NoError(t, err)
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Len(t, m, 9)
	for _, k := range []string{"kind", "programme", "as_of", "rule_set", "outcome", "checks", "findings", "basis", "result"} {
		assert.Contains(t, m, k)
	}
	assert.Equal(t, "[]", string(m["checks"]))
	assert.Equal(t, "[]", string(m["findings"]))
	assert.JSONEq(t, `{"date_source":"caller","effective":"","params":[],"missing":[]}`, string(m["basis"]))

	want := map[hubrules.DecisionOutcome]int{hubrules.OutcomeCompliant: 0, hubrules.OutcomeWarnings: 0, hubrules.OutcomeFindings: 1, hubrules.OutcomeRefused: 1}
	assert.Len(t, hubrules.DecisionOutcomes(), len(want))
	for _, o := range hubrules.DecisionOutcomes() {
		assert.True(t, o.Valid())
		assert.Equal(t, want[o], o.ExitCode(), o)
		assert.NotEmpty(t, o.Name().ZH)
		assert.NotEqual(t, string(o), o.Name().ZH, "a Chinese label, not the code")
	}
	assert.False(t, hubrules.DecisionOutcome("ok").Valid())

	warn := []hubrules.Finding{{Rule: "R", Severity: hubrules.Warning}}
	viol := append(warn, hubrules.Finding{Rule: "R", Severity: hubrules.Violation})
	assert.Equal(t, hubrules.OutcomeCompliant, hubrules.OutcomeOf(nil, false))
	assert.Equal(t, hubrules.OutcomeWarnings, hubrules.OutcomeOf(warn, false))
	assert.Equal(t, hubrules.OutcomeFindings, hubrules.OutcomeOf(viol, false))
	assert.Equal(t, hubrules.OutcomeRefused, hubrules.OutcomeOf(nil, true))
}

// TestDecisionBasis_ReusedBytesFollowTheValues: the bytes of a basis are
// reused only for an equal basis; the same parameter names and dates with
// another value, source or missing list give their own bytes, each the
// plain encoding of its basis.
func TestDecisionBasis_ReusedBytesFollowTheValues(t *testing.T) {
	base := func(v string) hubrules.DecisionBasis {
		return hubrules.DecisionBasis{Effective: hubrules.MustParseDate("2024-01-01"), Params: []hubrules.ParamRef{
			{Name: "cache_probe", Programme: hubrules.Kaixuan, From: hubrules.MustParseDate("2024-01-01"), Value: v, JSON: hubrules.JSONValue(v)}}}
	}
	plain := func(b hubrules.DecisionBasis) string {
		type shape struct {
			DateSource hubrules.DateSource `json:"date_source"`
			Effective  hubrules.Date       `json:"effective"`
			Params     []hubrules.ParamRef `json:"params"`
			Missing    []hubrules.Unset    `json:"missing"`
		}
		if b.DateSource == "" {
			b.DateSource = hubrules.DateFromCaller
		}
		if b.Missing == nil {
			b.Missing = []hubrules.Unset{}
		}
		out, err := json.Marshal(shape(b))
		require.NoError(t, err)
		return string(out)
	}
	withSource := base("3")
	withSource.Params[0].Source.Issuer = "另一机关"
	withMissing := base("3")
	withMissing.Missing = []hubrules.Unset{{Name: "later"}}
	for _, b := range []hubrules.DecisionBasis{base("3"), base("4"), base("3"), withSource, withMissing, base("4")} {
		got, err := b.MarshalJSON()
		require.NoError(t, err)
		require.JSONEq(t, plain(b), string(got))
		require.Contains(t, string(got), `"missing":[`)
	}
	require.True(t, base("3").Equal(base("3")))
	require.False(t, base("3").Equal(base("4")))
	require.True(t, hubrules.DecisionBasis{}.Equal(hubrules.DecisionBasis{Params: []hubrules.ParamRef{}, DateSource: hubrules.DateFromCaller}))
}

// TestBasis_ReusedBytesFollowTheValues: a Basis's bytes are reused only
// for an equal basis, and are those of its fields (omitempty lists left
// out).
func TestBasis_ReusedBytesFollowTheValues(t *testing.T) {
	mk := func(v string, missing ...hubrules.Unset) hubrules.Basis {
		return hubrules.Basis{Programme: hubrules.Kaixuan, AsOf: hubrules.MustParseDate("2024-06-30"), Effective: hubrules.MustParseDate("2024-01-01"),
			Params:  []hubrules.ParamRef{{Name: "cache_probe", Programme: hubrules.Kaixuan, From: hubrules.MustParseDate("2024-01-01"), Value: v, JSON: hubrules.JSONValue(v)}},
			Missing: missing}
	}
	for _, b := range []hubrules.Basis{mk("1"), mk("2"), mk("1"), mk("1", hubrules.Unset{Name: "later"}), {}, mk("2")} {
		got, err := json.Marshal(b)
		require.NoError(t, err)
		type plain hubrules.Basis
		want, err := json.Marshal(plain(b))
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
		got[0] = 'x' // the caller's copy: the next call is unchanged
	}
}
