package grading_test

import (
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

func TestQuickParams(t *testing.T) {
	for _, p := range hubrules.Programmes() {
		for _, d := range []string{"2015-01-01", "2022-06-01", "2026-06-01"} {
			g, err := grading.DefaultGrader(p, hubrules.MustParseDate(d))
			if err != nil {
				t.Fatal(p, d, err)
			}
			r, err := g.Grade(&grading.ScoreSheet{Org: "x", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.Liaison,
				Scores: []grading.ItemScore{{Item: "organization", Points: grading.MustPoints("3.5")}}})
			if err != nil {
				t.Fatal(err)
			}
			t.Log(p, d, r.Total, r.Grade, len(r.Findings))
		}
	}
}
