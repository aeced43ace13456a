package incubation_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

func journey(t testing.TB) incubation.Record {
	m := machine(t)
	r := incubation.NewRecord("南肖埠陆号")
	d := day0
	steps := []struct {
		tr incubation.Trigger
		f  incubation.Facts
	}{
		{incubation.Admit, incubation.Facts{}}, // refused
		{incubation.Admit, admitFacts()},
		{incubation.Extend, incubation.Facts{}},
		{incubation.Promote, incubation.Facts{}},
		{incubation.Graduate, incubation.Facts{Registration: incubation.Filed, FormalMembers: hubrules.Ptr(0), ProjectsDelivered: hubrules.Ptr(0)}}, // refused
		{incubation.Graduate, gradFacts()},
		{incubation.Engage, incubation.Facts{GovernanceProject: incubation.PurchasedService}},
	}
	for _, s := range steps {
		d = d.AddDays(40)
		r, _ = fire(t, m, r, s.tr, s.f, d)
	}
	return r
}

func TestINC_HIST_01_ReplayGivesTheRecord(t *testing.T) {
	r := journey(t)
	require.Equal(t, incubation.Governing, r.State)
	require.Len(t, r.History, 7)
	assert.Equal(t, incubation.Refused, r.History[0].Outcome)
	assert.Equal(t, incubation.Refused, r.History[4].Outcome)
	for _, e := range r.History {
		assert.Equal(t, hubrules.Kaixuan, e.Programme)
		assert.False(t, e.Effective.IsZero())
	}
	assert.Len(t, r.History[4].Criteria, 8, "the refused graduation keeps every criterion evaluated")
	rep, err := incubation.Replay(r.History)
	require.NoError(t, err)
	assert.Equal(t, r, rep)
	// every prefix replays to the record as it was then
	for n := 1; n <= len(r.History); n++ {
		p, err := incubation.Replay(r.History[:n])
		require.NoError(t, err)
		assert.Equal(t, r.History[n-1].To, p.State)
	}
}

func TestINC_HIST_01_ReplayBadHistory(t *testing.T) {
	r := journey(t)
	mutate := func(f func(h []incubation.Entry) []incubation.Entry) []incubation.Entry {
		h := append([]incubation.Entry(nil), r.History...)
		return f(h)
	}
	cases := []struct {
		name string
		h    []incubation.Entry
		path string
		code string
	}{
		{"empty", nil, "history", "required"},
		{"does not start at applied", r.History[2:], "history[0].from", "start"},
		{"out of date order", mutate(func(h []incubation.Entry) []incubation.Entry {
			h[3].Date = h[1].Date.AddDays(-1)
			return h
		}), "history[3].date", "order"},
		{"entry skipped", mutate(func(h []incubation.Entry) []incubation.Entry { return append(h[:3], h[4:]...) }), "history[3].from", "state"},
		{"unknown trigger", mutate(func(h []incubation.Entry) []incubation.Entry { h[2].Trigger = "hatch"; return h }), "history[2].trigger", "enum"},
		{"unknown state", mutate(func(h []incubation.Entry) []incubation.Entry { h[2].To = "limbo"; return h }), "history[2].to", "enum"},
		{"fired to wrong state", mutate(func(h []incubation.Entry) []incubation.Entry { h[3].To = incubation.Graduated; return h }), "history[3].to", "transition"},
		{"refused that moved", mutate(func(h []incubation.Entry) []incubation.Entry { h[0].To = incubation.Incubating; return h }), "history[0].to", "refused"},
		{"subject changes", mutate(func(h []incubation.Entry) []incubation.Entry { h[5].Subject = "other"; return h }), "history[5].subject", "subject"},
		{"trigger not allowed", mutate(func(h []incubation.Entry) []incubation.Entry { h[1].Trigger = incubation.Graduate; return h }), "history[1].trigger", "transition"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := incubation.Replay(tc.h)
			require.Error(t, err)
			var ie *hubrules.InputError
			require.True(t, errors.As(err, &ie))
			fe, ok := ie.Field(tc.path)
			require.True(t, ok, "%v", ie.Fields)
			assert.Equal(t, tc.code, fe.Code)
			assert.NotEmpty(t, fe.Message.ZH)
			assert.NotEmpty(t, fe.Message.EN)
		})
	}
}

func TestINC_HIST_01_JSONRoundTrip(t *testing.T) {
	r := journey(t)
	data, err := json.Marshal(r)
	require.NoError(t, err)
	back, err := incubation.DecodeRecord(data)
	require.NoError(t, err)
	assert.Equal(t, r, back)

	hdata, err := json.Marshal(r.History)
	require.NoError(t, err)
	h, rec, err := incubation.DecodeHistory(hdata)
	require.NoError(t, err)
	assert.Equal(t, r.History, h)
	assert.Equal(t, r, rec)

	m := machine(t)
	_, dec := fire(t, m, recordIn(t, m, incubation.Growing), incubation.Graduate, incubation.Facts{FormalMembers: hubrules.Ptr(0), ProjectsDelivered: hubrules.Ptr(0)}, day0.AddYears(1))
	ddata, err := json.Marshal(dec)
	require.NoError(t, err)
	var dback incubation.Decision
	require.NoError(t, hubrules.DecodeJSON(ddata, &dback))
	assert.Equal(t, dec, dback)

	fresh, err := incubation.DecodeRecord([]byte(`{"subject":"x","state":"applied","history":[]}`))
	require.NoError(t, err)
	assert.Equal(t, incubation.NewRecord("x"), fresh)
}

func TestINC_HIST_01_DecodeRecordBad(t *testing.T) {
	r := journey(t)
	r.State = incubation.Graduated // disagrees with its history
	data, _ := json.Marshal(r)
	_, err := incubation.DecodeRecord(data)
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)

	for _, doc := range []string{
		`{"subject":"x","state":"limbo","history":[]}`,
		`{"subject":"x","state":"growing","history":[]}`,
		`{"subject":"x","state":"applied","mode":"project","history":[]}`,
		`{"subject":"","state":"applied","history":[]}`,
		`{"subject":"x","state":"applied","history":[],"extra":1}`,
		`{"subject":"x","state":"applied","extensions":-1,"history":[]}`,
		`not json`,
	} {
		_, err := incubation.DecodeRecord([]byte(doc))
		assert.ErrorIs(t, err, hubrules.ErrInvalidInput, doc)
	}
	_, _, err = incubation.DecodeHistory([]byte(`[]`))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

func TestDecodeFacts(t *testing.T) {
	f, err := incubation.DecodeFacts([]byte(`{"registration":"filed","formal_members":2,"party_form":"activity_branch","assessment_score":72.5,"satisfaction_percent":90}`))
	require.NoError(t, err)
	assert.Equal(t, hubrules.MustPoints("72.5"), *f.AssessmentScore)
	assert.Equal(t, hubrules.Pt(90), *f.SatisfactionPercent)
	for _, doc := range []string{
		`{"formal_members":-1}`,
		`{"satisfaction_percent":101}`,
		`{"satisfaction_percent":100.1}`,
		`{"assessment_score":-0.5}`,
		`{"projects_delivered":-3}`,
		`{"party_form":"cell"}`,
		`{"entry_mode":"franchise"}`,
		`{"governance_project":"x"}`,
	} {
		_, err := incubation.DecodeFacts([]byte(doc))
		var ie *hubrules.InputError
		require.True(t, errors.As(err, &ie), doc)
		assert.NotEmpty(t, ie.Fields[0].Path, doc)
	}
}

// The scores are exact to a tenth, as grading computes them: JSON numbers
// and quoted decimals with at most one decimal are read from their text;
// more decimals, exponents and out-of-range values are an InputError naming
// the field, in Chinese and English.
func TestINC_GRAD_01_ScoresExact(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		want hubrules.Points
	}{
		{`{"assessment_score":85}`, hubrules.Pt(85)},
		{`{"assessment_score":85.5}`, hubrules.MustPoints("85.5")},
		{`{"assessment_score":"85.5"}`, hubrules.MustPoints("85.5")},
		{`{"assessment_score":85.50}`, hubrules.MustPoints("85.5")},
		{`{"assessment_score":0}`, 0},
		{`{"assessment_score":100}`, hubrules.Pt(100)},
		{`{"assessment_score":59.9}`, hubrules.Points(599)},
	} {
		f, err := incubation.DecodeFacts([]byte(tc.doc))
		require.NoError(t, err, tc.doc)
		require.NotNil(t, f.AssessmentScore, tc.doc)
		assert.Equal(t, tc.want, *f.AssessmentScore, tc.doc)
	}
	for _, tc := range []struct{ doc, path, code string }{
		{`{"assessment_score":85.55}`, "assessment_score", "format"},
		{`{"satisfaction_percent":79.99}`, "satisfaction_percent", "format"},
		{`{"assessment_score":1e2}`, "assessment_score", "format"},
		{`{"assessment_score":"high"}`, "assessment_score", "format"},
		{`{"assessment_score":true}`, "assessment_score", "format"},
		{`{"assessment_score":100.1}`, "assessment_score", "lte"},
		{`{"satisfaction_percent":-1}`, "satisfaction_percent", "gte"},
	} {
		_, err := incubation.DecodeFacts([]byte(tc.doc))
		var ie *hubrules.InputError
		require.True(t, errors.As(err, &ie), tc.doc)
		fe, ok := ie.Field(tc.path)
		require.True(t, ok, "%s: %v", tc.doc, ie.Fields)
		assert.Equal(t, tc.code, fe.Code, tc.doc)
		assert.NotEmpty(t, fe.Message.ZH, tc.doc)
		assert.NotEmpty(t, fe.Message.EN, tc.doc)
	}
	// in a request the path starts at facts
	_, err := incubation.DecodeRequest([]byte(`{"record":{"subject":"x","state":"applied"},"trigger":"admit","date":"2024-03-01","facts":{"assessment_score":60.25}}`))
	var ie *hubrules.InputError
	require.True(t, errors.As(err, &ie))
	_, ok := ie.Field("facts.assessment_score")
	assert.True(t, ok, "%v", ie.Fields)

	// facts written out read back the same (the scores as quoted decimals)
	in := incubation.Facts{AssessmentScore: incubation.ScoreOf(hubrules.MustPoints("57.8")), SatisfactionPercent: incubation.ScoreOf(hubrules.Pt(79))}
	data, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"assessment_score":"57.8","satisfaction_percent":"79"}`, string(data))
	out, err := incubation.DecodeFacts(data)
	require.NoError(t, err)
	assert.Equal(t, in, out)
}
