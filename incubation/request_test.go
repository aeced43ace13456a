package incubation_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

func TestRequest_DecodeAndFire(t *testing.T) {
	m := machine(t)
	rec := recordIn(t, m, incubation.Growing)
	req := incubation.Request{Record: rec, Trigger: incubation.Graduate, Facts: gradFacts(), Date: day0.AddYears(1)}
	data, err := json.Marshal(req)
	require.NoError(t, err)
	back, err := incubation.DecodeRequest(data)
	require.NoError(t, err)
	assert.Equal(t, req, back)
	next, dec, err := m.FireRequest(back)
	require.NoError(t, err)
	assert.True(t, dec.Fired())
	assert.Equal(t, incubation.Graduated, next.State)

	fresh, err := incubation.DecodeRequest([]byte(`{"record":{"subject":"x","state":"applied","history":[]},"trigger":"admit","facts":{},"date":"2024-05-01"}`))
	require.NoError(t, err)
	assert.Equal(t, incubation.NewRecord("x"), fresh.Record)

	for _, doc := range []string{
		`{"record":{"subject":"x","state":"applied","history":[]},"trigger":"hatch","facts":{},"date":"2024-05-01"}`,
		`{"record":{"subject":"x","state":"applied","history":[]},"trigger":"admit","facts":{"formal_members":-1},"date":"2024-05-01"}`,
		`{"record":{"subject":"x","state":"growing","history":[]},"trigger":"admit","facts":{},"date":"2024-05-01"}`,
		`{"record":{"subject":"x","state":"applied","history":[]},"trigger":"admit","facts":{}}`,
	} {
		_, err := incubation.DecodeRequest([]byte(doc))
		assert.ErrorIs(t, err, hubrules.ErrInvalidInput, doc)
	}
	bad := req
	bad.Record.History = bad.Record.History[1:]
	data, _ = json.Marshal(bad)
	_, err = incubation.DecodeRequest(data)
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

func TestINC_PERIOD_01_OverdueAll(t *testing.T) {
	m := machine(t)
	inc := recordIn(t, m, incubation.Incubating) // term ends 2025-03-30
	grad := recordIn(t, m, incubation.Graduated)
	late := inc
	late.Subject = "late"
	r := incubation.OverdueAll([]incubation.Record{inc, grad}, inc.TermEnd)
	assert.True(t, r.Compliant())
	assert.Equal(t, hubrules.Pass, r.Checks[0].Outcome)
	assert.Equal(t, hubrules.NotApplicable, r.Checks[1].Outcome)
	r = incubation.OverdueAll([]incubation.Record{inc, grad, late}, inc.TermEnd.AddDays(30))
	assert.Equal(t, []string{"INC-PERIOD-01"}, r.FailedRules())
	assert.Len(t, r.Findings, 2)
	assert.Equal(t, "late", r.Findings[1].Subject)
	// No term on record is not "within the term".
	bare := inc
	bare.Subject, bare.TermStart, bare.TermEnd = "bare", hubrules.Date{}, hubrules.Date{}
	r = incubation.OverdueAll([]incubation.Record{bare}, inc.TermEnd)
	assert.Equal(t, hubrules.NotApplicable, r.Checks[0].Outcome)
	require.Len(t, r.Findings, 1)
	assert.Equal(t, hubrules.Warning, r.Findings[0].Severity)
	assert.Contains(t, r.Findings[0].Facts, hubrules.Fact{Name: "term_end", Value: "none"})
}
