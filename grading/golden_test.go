package grading_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got))
}

// GRD-LEVEL-01, GRD-PARTY-01, GRD-SYS-01: a fully explained jingan grade.
func TestGolden_GradeJingan2025(t *testing.T) {
	g := grader(t, hubrules.Jingan, "2025-06-01")
	s, err := grading.DecodeScoreSheet([]byte(`{"org":"静安某社会组织","legal_form":"social_service_institution","party_form":"liaison","formal_party_members":2,
	 "scores":[{"item":"annual_report","points":"18"},{"item":"party_activity","points":"2.5"},{"item":"party_role","points":"2"},
	 {"item":"organization","points":"5"},{"item":"leader","points":"1"},{"item":"hr","points":"3.5"},{"item":"major_matters","points":"0.5"},
	 {"item":"archives","points":"1"},{"item":"finance","points":"13"},{"item":"business","points":"22"},{"item":"social_evaluation","points":"17"}],
	 "systems":["board","supervisory_board","finance","disclosure","archives_seals","labour"]}`))
	require.NoError(t, err)
	r, err := g.Grade(&s)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Grade4A, r.Grade)
	golden(t, "grade_jingan_2025.json", r)
}

// GRD-ELIG-01, GRD-VALID-01, GRD-DOWN-01, GRD-PRIV-01 in one standing.
func TestGolden_StandingXiyuan(t *testing.T) {
	s := standing(t)
	rec := grading.OrgRecord{Org: "西园某社会组织", Registered: d("2013-05-01"), Award: &grading.Award{Grade: hubrules.Grade5A, Announced: d("2022-11-01")},
		Inspections: []grading.Inspection{{Year: 2022, Result: grading.Passed, Concluded: d("2023-05-31")}, {Year: 2023, Result: grading.Passed, Concluded: d("2024-05-31")},
			{Year: 2024, Result: grading.Passed, Concluded: d("2025-05-31")}, {Year: 2025, Result: grading.Passed, Concluded: d("2026-05-31")}},
		Penalties: []grading.Penalty{{Imposed: d("2025-08-10"), Warning: true, Completed: d("2025-08-10")}}}
	r, err := s.At(&rec, d("2026-06-30"))
	require.NoError(t, err)
	assert.Equal(t, hubrules.Grade4A, r.EffectiveGrade)
	golden(t, "standing_xiyuan_2026.json", r)
}
