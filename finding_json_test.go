package hubrules_test

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	_ "github.com/hubrules/hubrules/hub" // registers the SYNC rules' citations
)

// refFinding is the shape Finding.MarshalJSON wrote with encoding/json.
type refFinding struct {
	Rule     string            `json:"rule"`
	Severity hubrules.Severity `json:"severity"`
	Subject  string            `json:"subject,omitempty"`
	Message  hubrules.Text     `json:"message"`
	Facts    []hubrules.Fact   `json:"facts,omitempty"`
	Citation *hubrules.Text    `json:"citation,omitempty"`
}

// TestFindingJSONAsMarshal: findings, checks and compact decisions,
// written by hand, are the
// bytes encoding/json wrote of the same shapes — with and without
// citations, subjects, facts and labels, and strings encoding/json
// escapes.
func TestFindingJSONAsMarshal(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	strs := []string{"", "a-1", "凯旋 <&> \"q\" \\ \u2028 \t", "2024–2025", "\xff"}
	pick := func() string { return strs[rng.IntN(len(strs))] }
	var findings []hubrules.Finding
	for i := 0; i < 2000; i++ {
		f := hubrules.Finding{Rule: []string{"SYNC-4", "SYNC-1", "X-1", ""}[rng.IntN(4)], Severity: hubrules.Violation,
			Subject: pick(), Message: hubrules.T(pick(), pick())}
		switch rng.IntN(3) {
		case 0:
			f.Facts = []hubrules.Fact{}
		case 1:
			for n := rng.IntN(4); n >= 0; n-- {
				fact := hubrules.Fact{Name: pick(), Value: pick()}
				if rng.IntN(2) == 0 {
					fact.Label = hubrules.T(pick(), pick())
				}
				f.Facts = append(f.Facts, fact)
			}
		}
		findings = append(findings, f)
		ref := refFinding{f.Rule, f.Severity, f.Subject, f.Message, f.Facts, nil}
		if c := f.Citation(); !c.IsZero() {
			ref.Citation = &c
		}
		want, err := json.Marshal(ref)
		require.NoError(t, err)
		got, err := f.MarshalJSON()
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
		ref.Citation = nil
		want, err = json.Marshal(ref)
		require.NoError(t, err)
		got, err = f.AppendUncited([]byte("x"))
		require.NoError(t, err)
		require.Equal(t, "x"+string(want), string(got))

		checks := []hubrules.Check{{Rule: f.Rule, Subject: f.Subject, Outcome: hubrules.Pass}, {Rule: "SYNC-2", Outcome: hubrules.NotInForce}}[:rng.IntN(3)]
		parts, err := hubrules.AppendDecisionParts(nil, hubrules.OutcomeFindings, checks, []hubrules.Finding{f, f})
		require.NoError(t, err)
		cb, err := json.Marshal(checks)
		require.NoError(t, err)
		fb, err := f.MarshalJSON()
		require.NoError(t, err)
		require.Equal(t, `"findings","checks":`+string(cb)+`,"findings":[`+string(fb)+","+string(fb)+"]", string(parts))
	}
	// The compact forms, against encoding/json too.
	for _, d := range []hubrules.Decision{{}, {Kind: "check sync", Programme: hubrules.Kaixuan, AsOf: hubrules.MustParseDate("2024-06-30"),
		RuleSet: hubrules.NewRuleSet(), Outcome: hubrules.OutcomeFindings, Findings: findings}} {
		c := d.Compact()
		for _, cd := range []hubrules.CompactDecision{c, {}, {Failed: []string{"<x>"}, Findings: []hubrules.CompactFinding{}}} {
			want, err := json.Marshal(cd)
			require.NoError(t, err)
			require.Equal(t, string(want), string(cd.AppendJSON(nil)))
		}
	}
	var none []hubrules.Check
	parts, err := hubrules.AppendDecisionParts(nil, hubrules.OutcomeFindings, none, nil)
	require.NoError(t, err)
	require.Equal(t, `"findings","checks":[],"findings":[]`, string(parts))
}
